package org.rollwell.therapy.plan;

import java.util.Objects;

/**
 * Why a plan was blocked, or a notice about how it was shaped. {@code code} is
 * stable (a screening id such as {@code RF_CAUDA_EQUINA}, or {@code SCREENING_INCOMPLETE},
 * {@code SCALED_DOWN}, ...); {@code message} is for the person.
 */
public record Reason(String code, String message) {
    public Reason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
