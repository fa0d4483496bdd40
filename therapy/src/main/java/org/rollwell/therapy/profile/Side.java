package org.rollwell.therapy.profile;

/** Which side of the spine a person marked, as they lie supine and feel it. */
public enum Side { LEFT, RIGHT, CENTER }
