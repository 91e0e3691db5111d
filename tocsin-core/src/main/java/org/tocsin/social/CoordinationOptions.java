package org.tocsin.social;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The coordination settings as command-line options, written once for {@code tocsin posts coordination} and the
 * Flink job (a picocli mixin: {@code @Mixin CoordinationOptions}): the same names, descriptions and defaults, the
 * defaults taken from {@link CoordinationSettings#DEFAULTS}. Picocli lives in core for this one class because both
 * front ends parse their command lines with it and it is a single small jar with no dependencies of its own, while the
 * alternative — each front end declaring the options again — is how the two had drifted apart (the Flink job's
 * {@code --max-per-key} was missing from the CLI).
 */
public final class CoordinationOptions {
    private static final CoordinationSettings D = CoordinationSettings.DEFAULTS;

    @Option(names = "--window", paramLabel = "DURATION",
            description = "Two actions are coordinated when at most this far apart (e.g. 30s, 5m, PT1H). Default ${DEFAULT-VALUE}.")
    String window = text(D.window());

    @Option(names = "--near-threshold", paramLabel = "J",
            description = "Jaccard similarity of word-pair shingles at which texts are near-identical. Default ${DEFAULT-VALUE}.")
    double nearThreshold = D.nearThreshold();

    @Option(names = "--lateness", paramLabel = "DURATION",
            description = "How far out of time order the input may be: posts within it are put in order, later ones counted as late."
                    + " Default ${DEFAULT-VALUE}.")
    String lateness = text(D.lateness());

    @Option(names = "--max-per-key", paramLabel = "N",
            description = "Most recent uses of one item kept per window (a trending item's oldest go first). Default ${DEFAULT-VALUE}.")
    int maxPerKey = D.maxPerKey();

    @Option(names = "--min-weight", paramLabel = "N",
            description = "Drop edges with fewer co-actions before clustering. Default ${DEFAULT-VALUE}.")
    int minWeight = D.minWeight();

    @Option(names = "--percentile", paramLabel = "P",
            description = "Also drop edges below this percentile of weight (0-99). Default ${DEFAULT-VALUE}.")
    double percentile = D.percentile();

    @Option(names = "--min-accounts", paramLabel = "N", description = "Smallest cluster reported. Default ${DEFAULT-VALUE}.")
    int minAccounts = D.minClusterSize();

    /**
     * The settings the options give.
     *
     * @throws IllegalArgumentException naming the option, for a duration that does not parse or a value out of range
     */
    public CoordinationSettings settings() {
        Duration w = duration(window, "--window");
        Duration l = duration(lateness, "--lateness");
        if (maxPerKey < 1) {
            throw new IllegalArgumentException("--max-per-key " + maxPerKey + ": at least 1");
        }
        return new CoordinationSettings(w, nearThreshold, l, maxPerKey, D.accountWindow(), minWeight, percentile, minAccounts,
                D.maxSingleEdges());
    }

    private static Duration duration(String s, String option) {
        try {
            return CoordinationSettings.duration(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + e.getMessage(), e);
        }
    }

    /** A duration as the options write it: {@code 60s}, {@code 10m}, {@code 1h}, {@code 2d} (the largest exact unit past 2). */
    public static String text(Duration d) {
        long s = d.toSeconds();
        if (s >= 2 * 86_400 && s % 86_400 == 0) {
            return s / 86_400 + "d";
        }
        if (s >= 2 * 3_600 && s % 3_600 == 0) {
            return s / 3_600 + "h";
        }
        if (s >= 120 && s % 60 == 0) {
            return s / 60 + "m";
        }
        return String.format(Locale.ROOT, "%ds", s);
    }
}
