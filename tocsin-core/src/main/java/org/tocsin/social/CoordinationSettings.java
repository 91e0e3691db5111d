package org.tocsin.social;

import java.time.Duration;

/**
 * How coordination is looked for: the same for the embedded runner and the Flink job.
 *
 * @param window          two actions are coordinated when at most this far apart (a sliding window around each action)
 * @param nearThreshold   the Jaccard similarity of word-pair shingles at which two texts are near-identical
 * @param lateness        how far out of time order the input may be; the embedded runner keeps this much extra history
 * @param maxPerKey       the most recent uses of one item kept per window: an item used more often in one window is
 *                        trending, and pairing all its users would make quadratic noise
 * @param accountWindow   accounts created at most this far apart can form a creation burst
 * @param minWeight       edges with fewer co-actions are dropped before clustering
 * @param percentile      edges below this percentile of weight are dropped too (0 keeps all)
 * @param minClusterSize  smaller clusters are not reported
 * @param maxSingleEdges  the embedded runner's memory budget for account pairs seen acting alike only once (most are
 *                        chance): past it, the stalest of them are forgotten (see {@link org.tocsin.social.coordination.CoordinationRun})
 */
public record CoordinationSettings(Duration window, double nearThreshold, Duration lateness, int maxPerKey, Duration accountWindow,
                                   int minWeight, double percentile, int minClusterSize, int maxSingleEdges) {
    public static final CoordinationSettings DEFAULTS = new CoordinationSettings(Duration.ofSeconds(60), 0.8, Duration.ofMinutes(10), 200,
            Duration.ofHours(1), 2, 0, 3, 400_000);

    public CoordinationSettings {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the window must be positive");
        }
        if (nearThreshold <= 0 || nearThreshold > 1) {
            throw new IllegalArgumentException("the near-duplicate threshold is a Jaccard similarity in (0, 1]");
        }
        if (percentile < 0 || percentile >= 100) {
            throw new IllegalArgumentException("the percentile is in [0, 100)");
        }
    }

    public CoordinationSettings withWindow(Duration w) {
        return new CoordinationSettings(w, nearThreshold, lateness, maxPerKey, accountWindow, minWeight, percentile, minClusterSize, maxSingleEdges);
    }

    public CoordinationSettings withNearThreshold(double t) {
        return new CoordinationSettings(window, t, lateness, maxPerKey, accountWindow, minWeight, percentile, minClusterSize, maxSingleEdges);
    }

    public CoordinationSettings withEdgeFilter(int weight, double pct) {
        return new CoordinationSettings(window, nearThreshold, lateness, maxPerKey, accountWindow, weight, pct, minClusterSize, maxSingleEdges);
    }

    public CoordinationSettings withLateness(Duration l) {
        return new CoordinationSettings(window, nearThreshold, l, maxPerKey, accountWindow, minWeight, percentile, minClusterSize, maxSingleEdges);
    }

    public CoordinationSettings withMaxSingleEdges(int n) {
        return new CoordinationSettings(window, nearThreshold, lateness, maxPerKey, accountWindow, minWeight, percentile, minClusterSize, n);
    }

    public CoordinationSettings withMinClusterSize(int n) {
        return new CoordinationSettings(window, nearThreshold, lateness, maxPerKey, accountWindow, minWeight, percentile, n, maxSingleEdges);
    }

    /** {@code 60s}, {@code 5m}, {@code 2h}, {@code 1d} or ISO-8601 ({@code PT60S}): how the command line and the Flink job read durations. */
    public static Duration duration(String s) {
        String t = s.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(s + ": a duration such as 60s, 5m, 2h or PT60S", e);
        }
    }
}
