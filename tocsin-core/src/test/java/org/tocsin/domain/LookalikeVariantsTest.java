package org.tocsin.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

class LookalikeVariantsTest {

    private static List<String> domains(String domain, String fuzzer) {
        return LookalikeVariants.of(domain).stream().filter(v -> v.fuzzer().equals(fuzzer)).map(Variant::domain).toList();
    }

    // --- each fuzzer ---

    @Test
    void additionAppendsALetterOrDigit() {
        assertThat(domains("cnn.com", "addition")).contains("cnna.com", "cnnz.com", "cnn1.com").doesNotContain("cnnn.com");
    }

    @Test
    void bitsquattingFlipsOneBitAndKeepsHostCharacters() {
        assertThat(domains("cnn.com", "bitsquatting")).contains("cfn.com", "cnf.com", "bnn.com", "snn.com")
                .allMatch(d -> d.matches("[a-z0-9-]+\\.com"));
    }

    @Test
    void homoglyphsAreAsciiLookalikesAndValidPunycode() {
        List<String> microsoft = domains("microsoft.com", "homoglyph");
        assertThat(microsoft).contains("rnicrosoft.com", "micr0soft.com", "mlcrosoft.com",
                DomainNames.toAscii("mi\u0441rosoft.com")); // Cyrillic es
        assertThat(domains("washingtonpost.com", "homoglyph")).contains("vvashingtonpost.com", "washingt0np0st.com",
                DomainNames.toAscii("w\u0430shingtonpost.com"));
        assertThat(domains("bild.de", "homoglyph")).contains("bilcl.de", "b1ld.de");
        assertThat(microsoft).anyMatch(d -> d.startsWith("xn--"))
                .filteredOn(d -> d.startsWith("xn--"))
                .allMatch(d -> !DomainNames.toUnicode(d).equals(d) && DomainNames.toAscii(DomainNames.toUnicode(d)).equals(d));
    }

    @Test
    void aLabelWhollyInCyrillicWhenEveryLetterHasATwin() {
        assertThat(domains("apple.com", "homoglyph")).contains(DomainNames.toAscii("\u0430\u0440\u0440\u04cf\u0435.com"));
        assertThat(domains("space.com", "homoglyph")).contains(DomainNames.toAscii("\u0455\u0440\u0430\u0441\u0435.com"));
    }

    @Test
    void hyphenationInsertsAHyphenBetweenLetters() {
        assertThat(domains("foxnews.com", "hyphenation")).contains("fox-news.com", "f-oxnews.com", "foxnew-s.com")
                .noneMatch(d -> d.startsWith("-") || d.contains("-."));
    }

    @Test
    void insertionAndReplacementUseKeyboardNeighbours() {
        assertThat(domains("spiegel.de", "insertion")).contains("spioegel.de", "spiegelk.de");
        assertThat(domains("cnn.com", "replacement")).contains("cbn.com", "chn.com", "xnn.com");
        // QWERTZ too: z sits next to t and u on a German keyboard
        assertThat(domains("reuters.com", "replacement")).contains("reuzers.com");
    }

    @Test
    void omissionRepetitionTransposition() {
        assertThat(domains("reuters.com", "omission")).contains("reuers.com", "euters.com", "reuter.com");
        assertThat(domains("bild.de", "repetition")).contains("bildd.de", "biild.de");
        assertThat(domains("foxnews.com", "transposition")).contains("fxonews.com", "foxnesw.com");
    }

    @Test
    void vowelSwap() {
        assertThat(domains("spiegel.de", "vowel-swap")).contains("spiagel.de", "spiegol.de", "spuegel.de");
    }

    @Test
    void dictionaryGluesWordsBeforeAndAfter() {
        assertThat(domains("washingtonpost.com", "dictionary")).contains("washingtonpost-login.com",
                "washingtonpostlogin.com", "loginwashingtonpost.com", "secure-washingtonpost.com", "washingtonpost-election.com");
        assertThat(domains("spiegel.de", "dictionary")).contains("spiegel24.de", "spiegel-aktuell.de");
    }

    @Test
    void tldSwapKeepsTheLabelUnderListedSuffixes() {
        assertThat(domains("washingtonpost.com", "tld-swap")).contains("washingtonpost.pm", "washingtonpost.eu.com",
                "washingtonpost.co.uk", "washingtonpost.xyz", "washingtonpost.com.de").doesNotContain("washingtonpost.com");
        assertThat(domains("bbc.co.uk", "tld-swap")).contains("bbc.com", "bbc.uk", "bbc.co.com");
    }

    @Test
    void everyListedSuffixIsAPublicSuffixAndIsUsed() {
        List<String> suffixes = referenceList("variant-suffixes.txt");
        assertThat(suffixes).isNotEmpty().doesNotHaveDuplicates();
        for (String s : suffixes) {
            assertThat(DomainNames.registrable("example." + s)).as(s).isEqualTo("example." + s);
        }
        assertThat(domains("washingtonpost.com", "tld-swap")).hasSize(suffixes.size() - 1); // all but .com itself
    }

    @Test
    void everyWordIsAHostLabel() {
        assertThat(referenceList("variant-words.txt")).isNotEmpty().doesNotHaveDuplicates()
                .allMatch(w -> w.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?"));
    }

    @Test
    void subdomainMovesTheRegistrableDomain() {
        assertThat(domains("washingtonpost.com", "subdomain")).contains("washington.post.com", "washi.ngtonpost.com")
                .allMatch(d -> !DomainNames.registrable(d).equals("washingtonpost.com"));
        assertThat(LookalikeVariants.of("washingtonpost.com")).filteredOn(v -> v.fuzzer().equals("subdomain"))
                .extracting(Variant::registrable).contains("post.com", "ngtonpost.com");
    }

    @Test
    void variousGluesTheSuffixOrWww() {
        assertThat(domains("bild.de", "various")).contains("bildde.com", "bildde.de", "bild-de.com", "wwwbild.de", "www-bild.de");
        assertThat(domains("washingtonpost.com", "various")).contains("washingtonpostcom.com", "wwwwashingtonpost.com");
        assertThat(domains("bbc.co.uk", "various")).contains("bbccouk.com", "bbc-co-uk.com", "bbcco.uk");
    }

    // --- the list as a whole ---

    @Test
    void everyFuzzerContributesForALongLabel() {
        assertThat(LookalikeVariants.of("washingtonpost.com")).extracting(Variant::fuzzer).containsAll(LookalikeVariants.FUZZERS);
    }

    @Test
    void noDuplicatesNoOriginalAndTheMostSpecificFuzzerWins() {
        for (String d : List.of("washingtonpost.com", "bild.de", "bbc.co.uk", "spiegel.de")) {
            List<Variant> all = LookalikeVariants.of(d);
            assertThat(all).extracting(Variant::domain).doesNotHaveDuplicates().doesNotContain(d);
        }
        // bildd is also bild + 'd' (addition), spiagel also a flipped bit: the more telling name is kept
        assertThat(LookalikeVariants.of("bild.de")).contains(new Variant("bildd.de", "repetition"))
                .doesNotContain(new Variant("bildd.de", "addition"));
        assertThat(LookalikeVariants.of("spiegel.de")).contains(new Variant("spiagel.de", "vowel-swap"));
    }

    @Test
    void deterministicAndInFuzzerOrder() {
        List<Variant> first = LookalikeVariants.of("spiegel.de");
        assertThat(LookalikeVariants.of("spiegel.de")).isEqualTo(first);
        List<Integer> order = first.stream().map(v -> LookalikeVariants.FUZZERS.indexOf(v.fuzzer())).toList();
        assertThat(order).isSorted().doesNotContain(-1);
        assertThat(LookalikeVariants.of("spiegel.de", 25)).isEqualTo(first.subList(0, 25));
    }

    @Test
    void everyVariantIsAValidLowerCaseName() {
        String longest = "a".repeat(62) + "b.com"; // additions would pass 63 characters
        for (String d : List.of("washingtonpost.com", "bbc.co.uk", "t-online.de", "müller.de", longest)) {
            for (Variant v : LookalikeVariants.of(d)) {
                assertThat(v.domain()).as(v.toString()).matches("[a-z0-9.-]+").doesNotStartWith("-").doesNotContain("..");
                for (String label : v.domain().split("\\.")) {
                    assertThat(label).as(v.toString()).hasSizeBetween(1, 63).doesNotStartWith("-").doesNotEndWith("-");
                    assertThat(label.length() >= 4 && label.startsWith("--", 2) && !label.startsWith("xn--")).as(v.toString()).isFalse();
                }
            }
        }
    }

    @Test
    void inputIsReducedToItsRegistrableDomain() {
        assertThat(LookalikeVariants.of("WWW.Bild.de.")).isEqualTo(LookalikeVariants.of("bild.de"));
        // an internationalised name is varied letter by letter and written back in punycode
        assertThat(domains("müller.de", "omission")).contains("mller.de", DomainNames.toAscii("müler.de"));
    }

    @Test
    void rejectsWhatIsNotARegistrableDomain() {
        for (String bad : List.of("", "localhost", "co.uk", "com", "192.0.2.1", "foo.notatld")) {
            assertThatThrownBy(() -> LookalikeVariants.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    // --- the lookalike index finds what the fuzzers make ---

    private static final List<String> PROTECTED = List.of("washingtonpost.com", "spiegel.de", "foxnews.com", "reuters.com",
            "tagesschau.de", "heise.de", "bbc.co.uk", "bild.de", "cnn.com");

    private static final Set<String> TYPO_FUZZERS = Set.of("addition", "bitsquatting", "insertion", "omission",
            "repetition", "replacement", "transposition", "vowel-swap");

    /**
     * A reason the index does not match a variant. {@code deliberate} ones follow the precision rules in
     * {@link LookalikeIndex}'s comments; the others are reported gaps, kept here so this test documents the
     * recall as it is (and fails when a gap is closed, so the entry can go).
     *
     * @param applies given the protected label and the variant's registrable label in Unicode
     */
    private record KnownMiss(String why, boolean deliberate, Set<String> fuzzers, BiPredicate<String, String> applies) {
    }

    private static final List<KnownMiss> KNOWN_MISSES = List.of(
            new KnownMiss("labels of five characters or fewer allow no edit, only a doubled letter (bildd)", true,
                    TYPO_FUZZERS, (brand, label) -> brand.length() <= 5 && !doubled(brand, label)),
            new KnownMiss("three-character labels allow not even a doubled letter (app is not ap)", true,
                    Set.of("repetition", "insertion", "addition"), (brand, label) -> brand.length() <= 3 && doubled(brand, label)),
            new KnownMiss("a digit 2-9 added to a brand is a TV station, not a typo (fox4news)", true,
                    Set.of("addition", "insertion"), (brand, label) -> hasRealDigit(label) && !hasRealDigit(brand)),
            new KnownMiss("two-character words glued to a brand are not counted (the spiegelei rule)", true,
                    Set.of("dictionary"), (brand, label) -> gluedWordLength(brand, label) > 0 && gluedWordLength(brand, label) < 3),
            new KnownMiss("brands of 2-4 characters are only found as hyphen-separated words, never inside a label", true,
                    Set.of("dictionary", "various"), (brand, label) -> brand.length() <= 4 && !isWordOf(brand, label)),
            new KnownMiss("GAP: an m typed by mistake costs two edits, because the skeleton of m is rn (spiegelm, smiegel)", false,
                    TYPO_FUZZERS, (brand, label) -> count(label, 'm') > count(brand, 'm')),
            new KnownMiss("GAP: ASCII look-alikes TS39 does not fold: vv/w, cl/d, i/l/1, and Cyrillic palochka read as i", false,
                    Set.of("homoglyph"), (brand, label) -> asciiFold(Confusables.skeleton(label)).equals(asciiFold(Confusables.skeleton(brand)))),
            new KnownMiss("GAP: five-character brands are not looked for inside longer labels (EmbeddedBrands.WINDOW is 6)", false,
                    Set.of("dictionary", "various"), (brand, label) -> brand.length() == 5 && !isWordOf(brand, label)),
            new KnownMiss("GAP: a brand split by a dot (washi.ngtonpost.com) is judged by its tail alone", false,
                    Set.of("subdomain"), (brand, label) -> true));

    @Test
    void theLookalikeIndexMatchesEveryVariantBarTheDocumentedExceptions() {
        List<ProtectedName> names = PROTECTED.stream().map(d -> new ProtectedName(DomainNames.registrableLabel(d), d,
                "Org " + d, ProtectedName.Source.ORGANIZATION, Set.of(d), false)).toList();
        LookalikeIndex index = LookalikeIndex.of(names);

        List<String> unexplained = new ArrayList<>();
        Map<String, List<String>> explained = new LinkedHashMap<>();
        KNOWN_MISSES.forEach(k -> explained.put(k.why(), new ArrayList<>()));
        for (ProtectedName p : names) {
            for (Variant v : LookalikeVariants.of(p.domain())) {
                boolean matched = index.matches(v.domain()).stream().anyMatch(m -> m.target().domain().equals(p.domain()));
                if (matched) {
                    continue;
                }
                String label = DomainNames.toUnicode(DomainNames.registrableLabel(v.registrable()));
                KnownMiss why = KNOWN_MISSES.stream()
                        .filter(k -> k.fuzzers().contains(v.fuzzer()) && k.applies().test(p.label(), label))
                        .findFirst().orElse(null);
                if (why == null) {
                    unexplained.add(v.fuzzer() + " " + v.unicode() + " (" + v.domain() + ") of " + p.domain());
                } else {
                    explained.get(why.why()).add(v.unicode());
                }
            }
        }
        assertThat(unexplained).as("variants the index misses for no documented reason").isEmpty();
        // every listed reason still explains a miss: when the index closes a gap, its entry must go
        assertThat(explained.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey).toList())
                .as("documented misses that no longer happen").isEmpty();
    }

    // --- helpers mirroring the index's rules ---

    private static boolean doubled(String brand, String label) {
        return TypoEdit.isDoubledLetter(brand, label);
    }

    private static boolean hasRealDigit(String s) {
        return s.chars().anyMatch(c -> c >= '2' && c <= '9'); // 0 and 1 fold to o and l
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(x -> x == c).count();
    }

    /** Length of the dictionary word glued (without a hyphen) before or after the brand, or 0. */
    private static int gluedWordLength(String brand, String label) {
        if (label.length() > brand.length() && (label.startsWith(brand) || label.endsWith(brand))) {
            String word = label.startsWith(brand) ? label.substring(brand.length()) : label.substring(0, label.length() - brand.length());
            return word.startsWith("-") || word.endsWith("-") ? 0 : word.length();
        }
        return 0;
    }

    private static boolean isWordOf(String brand, String label) {
        return Arrays.asList(label.split("-")).contains(brand);
    }

    private static String asciiFold(String skeleton) {
        return skeleton.replace("vv", "w").replace("cl", "d").replace('1', 'l').replace('i', 'l');
    }

    private static List<String> referenceList(String name) {
        try (InputStream in = LookalikeVariantsTest.class.getResourceAsStream("/tocsin/reference/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
