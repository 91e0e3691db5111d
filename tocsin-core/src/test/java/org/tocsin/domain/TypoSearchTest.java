package org.tocsin.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The deletion index against brute force: for random protected labels and candidates a few random edits
 * away, the index must report a typo exactly for the pairs whose Damerau–Levenshtein distance is within the
 * label's allowance (1 for 6–8 letters, 2 from 9), bar the documented non-typos (two letters stuck on an
 * end). Letters whose confusable skeleton is not themselves (i, l, m, o, w …) are left out so that distances
 * on labels and skeletons agree; a small alphabet makes near misses common.
 */
class TypoSearchTest {
    private static final String ALPHABET = "abcdefghjk";
    private static final Set<LookalikeKind> TYPO_KINDS = EnumSet.of(LookalikeKind.TYPO, LookalikeKind.BITSQUAT, LookalikeKind.VOWEL_SWAP);

    @Test
    void theIndexFindsExactlyThePairsWithinReach() {
        check(new Random(20261121), 6, 15);
    }

    /** Only long names (13–24 letters): two edits anywhere in them, on either side. */
    @Test
    void longNamesCutToTheirPrefixAreFoundToo() {
        check(new Random(42), 13, 12);
    }

    private static void check(Random r, int minLength, int lengthSpread) {
        List<ProtectedName> names = new ArrayList<>();
        Set<String> labels = new TreeSet<>();
        while (labels.size() < 300) {
            labels.add(word(r, minLength + r.nextInt(lengthSpread)));
        }
        for (String l : labels) {
            names.add(new ProtectedName(l, l + ".com", l, ProtectedName.Source.ORGANIZATION, Set.of(l + ".com"), false));
        }
        LookalikeIndex index = LookalikeIndex.of(names);
        List<String> labelList = new ArrayList<>(labels);
        int checkedPairs = 0;
        for (int i = 0; i < 4000; i++) {
            String candidate = edit(r, labelList.get(r.nextInt(labelList.size())), r.nextInt(4));
            if (labels.contains(candidate) || candidate.length() < 2) {
                continue;
            }
            Set<String> expected = new TreeSet<>();
            for (String p : labelList) {
                int allowed = p.length() <= 5 ? 0 : p.length() <= 8 ? 1 : 2;
                boolean affix = candidate.length() == p.length() + 2 && (candidate.startsWith(p) || candidate.endsWith(p));
                if (!affix && EditDistance.damerauLevenshtein(candidate, p, allowed) <= allowed) {
                    expected.add(p);
                }
            }
            Set<String> found = new TreeSet<>();
            for (LookalikeMatch m : index.examine(candidate + ".net")) {
                if (m.kinds().stream().anyMatch(TYPO_KINDS::contains)) {
                    found.add(m.target().label());
                }
            }
            assertThat(found).as(candidate).isEqualTo(expected);
            checkedPairs += expected.size();
        }
        assertThat(checkedPairs).isGreaterThan(1500); // the candidates were near enough to test something
    }

    private static String word(Random r, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** {@code s} after {@code edits} random insertions, deletions, substitutions or adjacent transpositions. */
    private static String edit(Random r, String s, int edits) {
        StringBuilder b = new StringBuilder(s);
        for (int e = 0; e < edits && b.length() > 1; e++) {
            int at = r.nextInt(b.length());
            char c = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
            switch (r.nextInt(4)) {
                case 0 -> b.insert(at, c);
                case 1 -> b.deleteCharAt(at);
                case 2 -> b.setCharAt(at, c);
                default -> {
                    if (at + 1 < b.length()) {
                        char t = b.charAt(at);
                        b.setCharAt(at, b.charAt(at + 1));
                        b.setCharAt(at + 1, t);
                    }
                }
            }
        }
        return b.toString();
    }
}
