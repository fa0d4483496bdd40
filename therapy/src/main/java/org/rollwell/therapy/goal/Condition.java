package org.rollwell.therapy.goal;

/** Conditions a profile may carry, as the seed article names them (DOMAIN.md §1). */
public enum Condition {
    /** Inflammation, cartilage or disc degeneration, osteoarthritis. */
    DEGENERATION,
    FIBROMYALGIA,
    SCIATICA
}
