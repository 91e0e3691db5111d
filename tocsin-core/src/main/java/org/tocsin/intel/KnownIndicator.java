package org.tocsin.intel;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An observable someone vouches for as an actor's (or as bad, actor unknown).
 *
 * @param actor      a Tocsin actor id or, when Tocsin does not know the actor, the name the source gives;
 *                   null when the source ties it to no actor
 * @param confidence how sure the source is: {@code low}, {@code moderate} or {@code high}
 * @param source     who says so (a report with its URL, an analyst, a MISP event)
 * @param note       why, in the source's words
 * @param techniques ATT&amp;CK or DISARM ids the source associates with it
 */
public record KnownIndicator(Observed observed, @Nullable String actor, @Nullable String confidence, String source, @Nullable String note,
                             @Nullable List<String> techniques) {
    public KnownIndicator {
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(source, "source");
        confidence = Level.parse(confidence).word();
        note = note == null ? "" : note;
        techniques = techniques == null ? List.of() : List.copyOf(techniques);
    }

    /** Estimative confidence, as the words people read and the STIX integers partners get. */
    public enum Level {
        LOW(15), MODERATE(50), HIGH(85);

        private final int stix;

        Level(int stix) {
            this.stix = stix;
        }

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** The STIX 2.1 confidence integer (Appendix A, "Admiralty"-free 0–100 scale: low 15, moderate 50, high 85). */
        public int stix() {
            return stix;
        }

        /** From a word ({@code low}, {@code moderate}/{@code medium}, {@code high}) or a STIX integer; anything else is an error. */
        public static Level parse(@Nullable String s) {
            if (s == null) {
                throw new IllegalArgumentException("confidence is missing (low, moderate or high)");
            }
            String w = s.strip().toLowerCase(java.util.Locale.ROOT);
            switch (w) {
                case "low" -> { return LOW; }
                case "moderate", "medium" -> { return MODERATE; }
                case "high" -> { return HIGH; }
                default -> { }
            }
            try {
                return fromStix(Integer.parseInt(w));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("confidence must be low, moderate or high (or 0-100), not '" + s + "'");
            }
        }

        /** STIX 0–100 to words by the spec's "Low/Med/High" mapping (Appendix A): 1–29 low, 30–69 moderate, 70–100 high. */
        public static Level fromStix(int value) {
            if (value < 0 || value > 100) {
                throw new IllegalArgumentException("STIX confidence is 0-100, not " + value);
            }
            return value >= 70 ? HIGH : value >= 30 ? MODERATE : LOW;
        }
    }
}
