/**
 * What reading a file a person wrote gives back: the value, or every {@link org.rollwell.therapy.input.Problem}
 * with its JSON path. Shared by the program and profile readers so every command reports problems alike.
 */
package org.rollwell.therapy.input;
