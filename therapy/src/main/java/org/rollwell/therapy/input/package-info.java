/**
 * The one reader of the JSON files people write (profiles, check-ins, diaries, programs, scenarios,
 * bed specs): {@link org.rollwell.therapy.input.JsonText} turns the text into a tree (a UTF-8 byte
 * order mark is skipped; YAML is told "only JSON is read"), {@link org.rollwell.therapy.input.FieldReader}
 * reads typed fields off it, and every refusal is a {@link org.rollwell.therapy.input.Problem}
 * in one style, {@code FILE: PATH: reason}, with one path syntax, {@code $.segments[2].forceN}.
 */
package org.rollwell.therapy.input;
