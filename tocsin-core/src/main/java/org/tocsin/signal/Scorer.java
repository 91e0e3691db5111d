package org.tocsin.signal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns signals into an {@link Assessment}.
 *
 * <p>Each signal id counts once, at its largest weight: ten shortened links are one reason, not ten,
 * so a message cannot reach a verdict by repetition alone (rspamd scores a symbol once in the same
 * way). All fired signals stay in the assessment as evidence.
 *
 * <p>Confidence follows two things an analyst would weigh: how far the score lies past the cut-off,
 * and how many independent reasons agree. A verdict resting on one rule is never high confidence.
 */
public final class Scorer {
    private final Thresholds thresholds;

    public Scorer(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public Assessment assess(List<Signal> fired) {
        Map<String, Double> strongest = new HashMap<>();
        for (Signal s : fired) {
            strongest.merge(s.id(), s.weight(), (a, b) -> Math.abs(b) > Math.abs(a) ? b : a);
        }
        double score = 0;
        int positiveReasons = 0;
        for (double w : strongest.values()) {
            score += w;
            if (w > 0) {
                positiveReasons++;
            }
        }
        score = Math.round(score * 100) / 100.0;
        Verdict verdict = score >= thresholds.malicious() ? Verdict.MALICIOUS
                : score >= thresholds.suspicious() ? Verdict.SUSPICIOUS : Verdict.CLEAN;
        List<Signal> ordered = new ArrayList<>(fired);
        ordered.sort(Comparator.comparingDouble(Signal::weight).reversed().thenComparing(Signal::id));
        return new Assessment(verdict, score, confidence(verdict, score, positiveReasons), ordered);
    }

    private Confidence confidence(Verdict verdict, double score, int reasons) {
        return switch (verdict) {
            case MALICIOUS -> score >= 1.5 * thresholds.malicious() && reasons >= 3 ? Confidence.HIGH
                    : reasons >= 2 ? Confidence.MODERATE : Confidence.LOW;
            case SUSPICIOUS -> reasons >= 2
                    && score >= (thresholds.suspicious() + thresholds.malicious()) / 2
                    ? Confidence.MODERATE : Confidence.LOW;
            case CLEAN -> score < 0.25 * thresholds.suspicious() ? Confidence.HIGH
                    : score < 0.6 * thresholds.suspicious() ? Confidence.MODERATE : Confidence.LOW;
        };
    }
}
