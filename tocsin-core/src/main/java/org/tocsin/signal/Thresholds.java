package org.tocsin.signal;

/**
 * Score cut-offs for the verdicts. A score at or above {@code malicious} is malicious, at or above
 * {@code suspicious} is suspicious, anything below is clean.
 */
public record Thresholds(double suspicious, double malicious) {
    public Thresholds {
        if (!(suspicious > 0 && malicious >= suspicious)) {
            throw new IllegalArgumentException(
                    "thresholds need 0 < suspicious <= malicious, got " + suspicious + " and " + malicious);
        }
    }
}
