/**
 * The {@code rollwell.bedspec/1} file format (docs/bed-spec-format.md): a bed's geometry and
 * limits as JSON, read into the bed runtime's {@link org.rollwell.bed.io.BedSpec}. Parsed here,
 * in app, because Jackson lives here and the bed module reads no files.
 */
package org.rollwell.app.bedspec;
