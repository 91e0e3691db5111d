package org.tocsin.domain.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tocsin.domain.LookalikeIndex;
import org.tocsin.domain.LookalikeKind;
import org.tocsin.domain.ProtectedName;

class DomainWatchTest {
    private static final LookalikeIndex INDEX = LookalikeIndex.of(List.of(
            new ProtectedName("spiegel", "spiegel.de", "Der Spiegel", ProtectedName.Source.ORGANIZATION,
                    Set.of("spiegel.de", "spiegel.com"), false),
            new ProtectedName("bild", "bild.de", "Bild", ProtectedName.Source.ORGANIZATION, Set.of("bild.de"), false)));

    private DomainWatch watch(String... allowed) {
        return new DomainWatch(INDEX, Allowlist.of(List.of(allowed)));
    }

    @Test
    void oneAlertPerDomainHoweverManyNamesShowIt() {
        DomainWatch w = watch();
        DomainWatch.Outcome first = w.examine("ct#0", "spiegel.ltd");
        assertThat(first.alert()).isNotNull();
        assertThat(first.alert().organization()).isEqualTo("Der Spiegel");
        assertThat(first.alert().protectedDomain()).isEqualTo("spiegel.de");
        assertThat(first.alert().match().kinds()).containsExactly(LookalikeKind.TLD_SWAP);
        assertThat(first.alert().techniques()).containsExactly("T0149.003", "T1583.001");
        assertThat(first.alert().signals()).extracting(s -> s.id()).containsExactly("DOMAIN_LOOKALIKE_TLD_SWAP");
        assertThat(w.examine("ct#1", "www.spiegel.ltd").alert()).isNull();
        assertThat(w.examine("ct#2", "*.spiegel.ltd").alert()).isNull();
        assertThat(w.alerts()).isEqualTo(1);
    }

    @Test
    void ownDomainsAndTheAllowlistNeverAlert() {
        DomainWatch w = watch("bild.eu.com");
        assertThat(w.examine("f:1", "www.spiegel.com").alert()).isNull();
        assertThat(w.examine("f:2", "bild.eu.com").alert()).isNull();
        assertThat(w.examine("f:3", "shop.bild.eu.com").alert()).isNull();
        assertThat(w.suppressedByAllowlist()).isEqualTo(2);
        assertThat(w.examine("f:4", "bild.co.com").alert()).isNotNull();
    }

    @Test
    void wildcardsAndUnicodeNamesAreNormalised() {
        DomainWatch w = watch();
        assertThat(w.examine("f:1", "*.spiegel.lol").alert().host()).isEqualTo("spiegel.lol");
        DomainWatch.Outcome idn = w.examine("f:2", "spiеgel.de"); // Cyrillic e
        assertThat(idn.alert().host()).startsWith("xn--");
        assertThat(idn.alert().match().kinds()).contains(LookalikeKind.HOMOGLYPH);
    }

    @Test
    void malformedNamesAreProblemsAndTheWatchGoesOn() {
        DomainWatch w = watch();
        assertThat(w.examine("f:1", "a".repeat(64) + ".com").problem()).contains("label longer than 63");
        assertThat(w.examine("f:2", "bad\u0000name.com").problem()).startsWith("not a host name");
        assertThat(w.examine("f:3", "x".repeat(300)).problem()).startsWith("not a host name");
        assertThat(w.examine("f:4", "bildd.lol").alert()).isNotNull();
    }

    @Test
    void minimumScoreFiltersWeakAlerts() {
        DomainWatch w = new DomainWatch(INDEX, Allowlist.of(List.of()), 0.8, 100);
        assertThat(w.examine("f:1", "bild-shop.com").alert()).isNull(); // short brand as a word: 0.55
        assertThat(w.examine("f:2", "bild.shop").alert()).isNotNull();
    }
}
