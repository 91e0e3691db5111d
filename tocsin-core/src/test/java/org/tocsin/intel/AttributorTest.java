package org.tocsin.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tocsin.intel.KnownIndicator.Level;
import org.tocsin.reference.ReferenceData;

class AttributorTest {
    private static final ThreatActors ACTORS = ThreatActors.bundled();

    private static Attributor attributor(KnownIndicator... extra) {
        List<KnownIndicator> all = new ArrayList<>(KnownIndicators.bundled());
        all.addAll(List.of(extra));
        return new Attributor(ACTORS, all, ReferenceData.bundled().disarmTechniques());
    }

    private static KnownIndicator analyst(String type, String value, String actor, String confidence) {
        return new KnownIndicator(new Observed(type, value), actor, confidence, "analyst j.doe", "seen in case 12", List.of());
    }

    @Test
    void aSeizedDomainWithTheActorsTechniqueIsHighConfidence() {
        Attribution a = attributor().attribute(List.of(new Observed("domain-name", "WashingtonPost.pm")), Set.of("T0149.003"));
        assertThat(a.actorId()).isEqualTo("doppelganger");
        assertThat(a.confidence()).isEqualTo(Level.HIGH);
        assertThat(a.statement()).startsWith("consistent with Doppelganger — high confidence — because washingtonpost.pm is a known"
                + " Doppelganger domain — high confidence, per US DOJ, 2024-09-04")
                .contains("T0149.003 Lookalike Domain (only Doppelganger)");
    }

    @Test
    void aLinkIntoAKnownSiteIsInfrastructureButAloneOnlyModerate() {
        Attribution a = attributor().attribute(List.of(new Observed("url", "https://www.niothinker.com/2024/08/story.html")), Set.of());
        assertThat(a.actorId()).isEqualTo("storm-2035");
        assertThat(a.confidence()).isEqualTo(Level.MODERATE);
        assertThat(a.because().get(0)).startsWith("the link host www.niothinker.com is a known Storm-2035 domain (niothinker.com)");
        // two of its sites in one case: high
        Attribution two = attributor().attribute(List.of(new Observed("domain-name", "niothinker.com"),
                new Observed("email-addr", "editor@savannahtime.com")), Set.of());
        assertThat(two.confidence()).isEqualTo(Level.HIGH);
        assertThat(two.because()).hasSize(2);
    }

    @Test
    void commonTechniquesAloneAttributeNothing() {
        Attribution a = attributor().attribute(List.of(new Observed("domain-name", "example.org")), Set.of("T1566.002", "T1598.003"));
        assertThat(a.attributed()).isFalse();
        assertThat(a.statement()).startsWith("unattributed — because no known indicator matches, and the techniques it shares with"
                + " known actors are too few or too common to tell: T1566.002");
        // however many of them a lure cites: five common techniques are still no evidence of who sent it
        assertThat(attributor().attribute(List.of(), Set.of("T1598", "T1566.002", "T1583.001", "T1598.003", "T1583.006")).attributed())
                .isFalse();
        // one technique only Doppelganger is known for, alone, is not enough either
        assertThat(attributor().attribute(List.of(new Observed("domain-name", "spiegel.ltd")), Set.of("T0149.003")).statement())
                .isEqualTo("unattributed — because no known indicator matches, and the techniques it shares with known actors are"
                        + " too few or too common to tell: T0149.003 Lookalike Domain (Doppelganger)");
    }

    @Test
    void distinctiveTechniquesTogetherGiveLowConfidenceAtMost() {
        Attribution a = attributor().attribute(List.of(), Set.of("T0098.001", "T0085.001"));
        assertThat(a.actorId()).isEqualTo("storm-2035");
        assertThat(a.confidence()).isEqualTo(Level.LOW);
        assertThat(a.statement()).contains("shared by 2 actors");
        // one of them alone: too little
        assertThat(attributor().attribute(List.of(), Set.of("T0098.001")).attributed()).isFalse();
    }

    @Test
    void aRivalWithItsOwnInfrastructureLowersConfidence() {
        Attributor at = attributor(analyst("domain-name", "secure-login-verify.com", "Mint Sandstorm", "moderate"),
                analyst("ipv4-addr", "203.0.113.9", "APT28", "moderate"));
        Attribution a = at.attribute(List.of(new Observed("url", "https://secure-login-verify.com/x"),
                new Observed("ipv4-addr", "203.0.113.9")), Set.of());
        assertThat(a.confidence()).isEqualTo(Level.LOW);
        assertThat(a.because()).anyMatch(b -> b.startsWith("lowered one step"));
        assertThat(a.alternatives()).hasSize(1);
    }

    @Test
    void actorsUnknownToTocsinAndActorlessIndicatorsAreStatedAsSuch() {
        Attributor at = attributor(analyst("email-addr", "hr@acme-careers.net", "UNC9999", "high"),
                new KnownIndicator(new Observed("file", "AB".repeat(32)), null, "high", "partner feed", "", List.of()));
        Attribution a = at.attribute(List.of(new Observed("email-addr", "HR@acme-careers.net")), Set.of());
        assertThat(a.actorName()).isEqualTo("UNC9999");
        assertThat(a.confidence()).isEqualTo(Level.MODERATE);
        Attribution b = at.attribute(List.of(new Observed("file", "ab".repeat(32))), Set.of());
        assertThat(b.attributed()).isFalse();
        assertThat(b.statement()).contains("a known-bad file — high confidence, per partner feed (tied to no actor)");
    }

    @Test
    void bundledIndicatorsNameBundledActorsAndConfidenceWordsAreStrict() {
        assertThat(KnownIndicators.bundled()).isNotEmpty().allSatisfy(k -> assertThat(ACTORS.resolve(k.actor())).isPresent());
        assertThat(Level.parse("medium")).isEqualTo(Level.MODERATE);
        assertThat(Level.parse("72")).isEqualTo(Level.HIGH);
        assertThatThrownBy(() -> Level.parse("sure")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Level.parse("101")).isInstanceOf(IllegalArgumentException.class);
    }
}
