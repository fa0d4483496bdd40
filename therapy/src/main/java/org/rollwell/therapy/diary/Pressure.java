package org.rollwell.therapy.diary;

/** How the rollers' pressure felt after a session. */
public enum Pressure {
    TOO_GENTLE, RIGHT, TOO_STRONG
}
