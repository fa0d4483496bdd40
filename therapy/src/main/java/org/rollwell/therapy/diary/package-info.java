/**
 * The pain diary a person keeps ({@code rollwell.diary/1}, docs/diary-format.md): daily pain,
 * pain before and after each session, the weekly PEG, the PGIC and comfort feedback, and the
 * reader that refuses a bad file with the JSON path and reason of every problem.
 */
package org.rollwell.therapy.diary;
