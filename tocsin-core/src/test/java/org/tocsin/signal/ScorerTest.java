package org.tocsin.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScorerTest {
    private final Scorer scorer = new Scorer(new Thresholds(4, 8));
    private final SignalDefinition strong = new SignalDefinition("TEST_STRONG", "strong", 6, "T1566");
    private final SignalDefinition weak = new SignalDefinition("TEST_WEAK", "weak", 2, "T1566");
    private final SignalDefinition other = new SignalDefinition("TEST_OTHER", "other", 3, "T1656");
    private final SignalDefinition good = new SignalDefinition("TEST_GOOD", "good", -1, "T1672");

    @Test
    void repeatedSignalsCountOnceAtTheirStrongestWeight() {
        Assessment a = scorer.assess(List.of(weak.fire("a"), weak.fire("b"), weak.fire("c"), weak.fire("d")));
        assertThat(a.score()).isEqualTo(2);
        assertThat(a.verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(a.signals()).hasSize(4); // all evidence is kept
    }

    @Test
    void verdictsFollowTheThresholds() {
        assertThat(scorer.assess(List.of(strong.fire("x"))).verdict()).isEqualTo(Verdict.SUSPICIOUS);
        assertThat(scorer.assess(List.of(strong.fire("x"), weak.fire("y"))).verdict()).isEqualTo(Verdict.MALICIOUS);
        assertThat(scorer.assess(List.of(strong.fire("x"), weak.fire("y"), good.fire("z"))).verdict())
                .isEqualTo(Verdict.SUSPICIOUS);
    }

    @Test
    void confidenceNeedsIndependentReasons() {
        assertThat(scorer.assess(List.of(strong.fire("x"), strong.fire("y", 9))).confidence()).isEqualTo(Confidence.LOW);
        assertThat(scorer.assess(List.of(strong.fire("x", 8), other.fire("y"), weak.fire("z"))).confidence())
                .isEqualTo(Confidence.HIGH);
        assertThat(scorer.assess(List.of()).confidence()).isEqualTo(Confidence.HIGH);
    }

    @Test
    void thresholdsMustBeOrdered() {
        assertThatThrownBy(() -> new Thresholds(8, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
