package org.tocsin.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LookalikeIndexTest {
    private static ProtectedName org(String label, String domain) {
        return new ProtectedName(label, domain, "Org " + label, ProtectedName.Source.ORGANIZATION, Set.of(domain), false);
    }

    private final LookalikeIndex index = LookalikeIndex.of(List.of(
            org("washingtonpost", "washingtonpost.com"),
            org("foxnews", "foxnews.com"),
            org("spiegel", "spiegel.de"),
            org("bild", "bild.de"),
            org("t-online", "t-online.de"),
            org("bbc", "bbc.co.uk"),
            org("cnn", "cnn.com"),
            org("nato", "nato.int"),
            org("mfa", "mfa.gov.ua"),
            new ProtectedName("google", "google.com", "Google", ProtectedName.Source.PROVIDER,
                    Set.of("google.com", "gmail.com"), false),
            new ProtectedName("slack", "slack.com", "Slack", ProtectedName.Source.PROVIDER, Set.of("slack.com"), true)));

    private Set<LookalikeKind> kinds(String host) {
        return index.best(host).map(LookalikeMatch::kinds).orElse(Set.of());
    }

    @Test
    void sameLabelOnAnotherSuffixIsATldSwap() {
        assertThat(kinds("washingtonpost.pm")).containsExactly(LookalikeKind.TLD_SWAP);
        assertThat(kinds("bild.eu.com")).contains(LookalikeKind.TLD_SWAP); // private suffix eu.com
    }

    @Test
    void ownDomainsAndTheirSubdomainsNeverAlert() {
        assertThat(index.matches("www.washingtonpost.com")).isEmpty();
        assertThat(index.matches("mail.google.com")).isEmpty();
        assertThat(index.matches("gmail.com")).isEmpty();
    }

    @Test
    void editDistanceTyposAreFoundThroughTheDeletionIndex() {
        assertThat(kinds("washingtonpots.com")).contains(LookalikeKind.TYPO); // transposition
        assertThat(kinds("washingtonposst.com")).contains(LookalikeKind.TYPO); // doubled letter
        assertThat(kinds("washngtonpst.com")).contains(LookalikeKind.TYPO); // two deletions, long label
        assertThat(kinds("spiegl.de")).contains(LookalikeKind.TYPO);
        assertThat(index.best("spigl.de")).isEmpty(); // two edits on a 7-letter label is too far
    }

    @Test
    void hyphensAddedOrRemoved() {
        assertThat(kinds("fox-news.in")).contains(LookalikeKind.HYPHENATION, LookalikeKind.TLD_SWAP);
        assertThat(kinds("washington-post.com")).contains(LookalikeKind.HYPHENATION);
    }

    @Test
    void homoglyphsAsciiAndUnicodeFoldToTheSameSkeleton() {
        assertThat(kinds("g00gle.com")).contains(LookalikeKind.HOMOGLYPH);
        assertThat(kinds(DomainNames.toAscii("gооgle.com"))).contains(LookalikeKind.HOMOGLYPH); // Cyrillic o
        assertThat(kinds(DomainNames.toAscii("spiеgel.de"))).contains(LookalikeKind.HOMOGLYPH); // Cyrillic e
    }

    @Test
    void brandCombinedWithWordsIsACombosquat() {
        assertThat(kinds("washingtonpost-news.com")).contains(LookalikeKind.COMBOSQUAT);
        assertThat(kinds("login-spiegel.net")).contains(LookalikeKind.COMBOSQUAT);
        assertThat(kinds("googleaccountsecurity.com")).contains(LookalikeKind.COMBOSQUAT);
    }

    @Test
    void protectedDomainInsideASubdomainIsASubdomainTrick() {
        assertThat(kinds("spiegel.de.example.site")).contains(LookalikeKind.SUBDOMAIN);
    }

    @Test
    void shortLabelsMatchOnlyExactlyOrAsWholeTokens() {
        assertThat(kinds("bild.lol")).contains(LookalikeKind.TLD_SWAP);
        assertThat(index.best("bilder.com")).isEmpty();
        assertThat(index.best("bold.de")).isEmpty();
        assertThat(kinds("bild-news.com")).contains(LookalikeKind.COMBOSQUAT);
    }

    @Test
    void ordinaryWordProvidersNeedMoreThanASuffixSwap() {
        assertThat(index.best("slack.net")).isEmpty();
        assertThat(index.best("slackware.com")).isEmpty();
        assertThat(kinds("s1ack.com")).contains(LookalikeKind.HOMOGLYPH);
    }

    @Test
    void unrelatedDomainsDoNotMatch() {
        for (String d : List.of("nytimes.com", "example.org", "postwashington.org", "spiegelei-rezepte.de", "10.0.0.1")) {
            assertThat(index.matches(d)).as(d).isEmpty();
        }
    }

    @Test
    void secondLevelAndPrivateSuffixSwaps() {
        assertThat(kinds("bbc.org.uk")).containsExactly(LookalikeKind.TLD_SWAP);
        assertThat(kinds("bbc.com.co")).containsExactly(LookalikeKind.TLD_SWAP);
        assertThat(kinds("spiegel.co.com")).containsExactly(LookalikeKind.TLD_SWAP);
        assertThat(kinds("nato.ws")).containsExactly(LookalikeKind.TLD_SWAP);
        assertThat(index.best("spiegel.ltd").orElseThrow().detail()).isEqualTo("suffix .ltd for .de");
    }

    @Test
    void typoCombinedWithANewSuffix() {
        assertThat(kinds("t-onlinr.life")).containsExactly(LookalikeKind.TLD_SWAP, LookalikeKind.TYPO);
        assertThat(index.best("t-onlinr.life").orElseThrow().detail()).contains("'e' replaced by 'r'");
        assertThat(kinds("bildd.beauty")).containsExactly(LookalikeKind.TLD_SWAP, LookalikeKind.TYPO);
        assertThat(index.best("bildd.lol").orElseThrow().detail()).contains("'d' doubled");
        assertThat(index.best("cnnn.net")).isEmpty(); // 2-3 letters: a doubled letter makes words (app, dhhs), not typos
    }

    @Test
    void bitFlipsAndVowelSwapsAreNamed() {
        assertThat(kinds("foxnevs.com")).containsExactly(LookalikeKind.BITSQUAT); // 'w' 0x77 -> 'v' 0x76
        assertThat(kinds("fgxnews.com")).containsExactly(LookalikeKind.BITSQUAT); // 'o' 0x6f -> 'g' 0x67
        assertThat(kinds("spiogel.de")).containsExactly(LookalikeKind.VOWEL_SWAP);
        assertThat(kinds("washingtanpost.com")).contains(LookalikeKind.VOWEL_SWAP);
        assertThat(index.best("fgxnews.com").orElseThrow().detail()).isEqualTo("'o' replaced by 'g' (one bit flipped)");
    }

    @Test
    void protectedDomainGluedOrPlacedInSubdomains() {
        assertThat(kinds("spiegelde.com")).contains(LookalikeKind.COMBOSQUAT);
        assertThat(kinds("bbc.co.uk.news-today.site")).contains(LookalikeKind.SUBDOMAIN);
        assertThat(kinds("washingtonpost.secure-login.info")).contains(LookalikeKind.SUBDOMAIN);
    }

    @Test
    void shortBrandAsAHyphenatedWordWithALookalikeSuffixWord() {
        assertThat(kinds("mfa-qov.info")).contains(LookalikeKind.COMBOSQUAT);
    }

    @Test
    void aProtectedIdnIsMatchedLikeAnyOtherName() {
        ProtectedName mueller = new ProtectedName("müller", DomainNames.toAscii("müller.de"), "Müller",
                ProtectedName.Source.ORGANIZATION, Set.of(DomainNames.toAscii("müller.de")), false);
        LookalikeIndex idn = LookalikeIndex.of(List.of(mueller));
        assertThat(idn.best(DomainNames.toAscii("müller.com")).orElseThrow().kinds()).containsExactly(LookalikeKind.TLD_SWAP);
        assertThat(idn.best("muller.de").orElseThrow().kinds()).contains(LookalikeKind.HOMOGLYPH);
        assertThat(idn.matches(DomainNames.toAscii("www.müller.de"))).isEmpty();
    }

    @Test
    void embeddedBrandsMustNotStartInsideAFoldedCharacter() {
        LookalikeIndex nyt = LookalikeIndex.of(List.of(org("nytimes", "nytimes.com")));
        assertThat(nyt.best("usarmytimes.com")).isEmpty(); // skeleton usarrnytirnes holds "nytirnes" from the m
        assertThat(nyt.best("breaking-nytimes.com")).isPresent();
        assertThat(index.best("mffa.net")).isEmpty(); // mfa: three letters, however its skeleton (rnfa) is spelt
        assertThat(kinds("bbccouk.com")).isEmpty(); // short brand: never inside a word
    }

    @Test
    void scoresRankConvincingImitationsHigher() {
        double homoglyph = index.best("g00gle.com").orElseThrow().score();
        double combo = index.best("googleaccountsecurity.com").orElseThrow().score();
        assertThat(homoglyph).isGreaterThan(combo);
    }
}
