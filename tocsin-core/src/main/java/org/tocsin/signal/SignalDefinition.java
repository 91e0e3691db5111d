package org.tocsin.signal;

import java.util.Objects;

/**
 * A kind of signal as the catalogue defines it. Analyzers never build a {@link Signal} by hand:
 * they {@link #fire} a definition, so every signal in a result is one the catalogue documents.
 *
 * @param id        stable identifier, e.g. {@code EMAIL_DISPLAY_NAME_SPOOF}
 * @param meaning   one sentence a defender can read
 * @param weight    default contribution to the score; an analyzer may scale it by context
 * @param technique ATT&amp;CK or DISARM technique id, e.g. {@code T1566.002}
 */
public record SignalDefinition(String id, String meaning, double weight, String technique) {
    public SignalDefinition {
        Objects.requireNonNull(id);
        Objects.requireNonNull(meaning);
        Objects.requireNonNull(technique);
        if (!id.matches("[A-Z][A-Z0-9_]+")) {
            throw new IllegalArgumentException("signal id must be UPPER_SNAKE_CASE: " + id);
        }
    }

    public Signal fire(String evidence) {
        return new Signal(id, weight, evidence, technique);
    }

    /** Fires with a context-adjusted weight (e.g. a mismatch that matters more for a protected name). */
    public Signal fire(String evidence, double contextWeight) {
        return new Signal(id, contextWeight, evidence, technique);
    }
}
