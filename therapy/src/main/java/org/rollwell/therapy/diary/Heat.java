package org.rollwell.therapy.diary;

/** How the rollers' heat felt after a session. */
public enum Heat {
    TOO_COOL, RIGHT, TOO_HOT
}
