/** Service state the CLI keeps on disk: the bed's locks in the data directory. */
package org.rollwell.app.service;
