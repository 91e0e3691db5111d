package org.tocsin.domain;

import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Names the edit that turns a protected label into a look-alike, for the alert's evidence and its kinds:
 * a flipped bit ({@code foxnews} → {@code fgxnews}: 'o' and 'g' differ in one bit, and memory errors make
 * machines ask for such names), a swapped vowel ({@code spiegel} → {@code spiagel}), a doubled, inserted,
 * omitted, replaced or transposed character.
 *
 * @param kinds  {@link LookalikeKind#TYPO}, or the more specific {@link LookalikeKind#BITSQUAT} /
 *               {@link LookalikeKind#VOWEL_SWAP} (both when one substitution is both)
 * @param detail what changed, quoting the characters
 */
record TypoEdit(Set<LookalikeKind> kinds, String detail) {
    private static final String VOWELS = "aeiouy";

    /**
     * The edit from {@code target} to {@code candidate}, or null when it is not one a reader would take for the
     * brand: a hyphen replaced by a letter or a letter by a hyphen (thonline is not t-online: the hyphen shapes the
     * name), or two characters stuck on at either end (whitehouseoh, the town of White House, Ohio — words of
     * fewer than three letters are the combosquat rule's to judge, and it does not count them).
     */
    static @Nullable TypoEdit between(String target, String candidate, int distance) {
        int n = target.length();
        int m = candidate.length();
        if (m == n + 2 && (candidate.startsWith(target) || candidate.endsWith(target))) {
            return null;
        }
        int first = 0;
        while (first < Math.min(n, m) && target.charAt(first) == candidate.charAt(first)) {
            first++;
        }
        if (distance == 1 && n == m) {
            char a = target.charAt(first);
            char b = candidate.charAt(first);
            if (a == '-' || b == '-') {
                return null;
            }
            if (first + 1 < n && a == candidate.charAt(first + 1) && b == target.charAt(first + 1)) {
                return typo("'" + a + b + "' transposed to '" + b + a + "'");
            }
            EnumSet<LookalikeKind> kinds = EnumSet.noneOf(LookalikeKind.class);
            java.util.List<String> notes = new java.util.ArrayList<>(2);
            if (VOWELS.indexOf(a) >= 0 && VOWELS.indexOf(b) >= 0) {
                kinds.add(LookalikeKind.VOWEL_SWAP);
                notes.add("vowel swap");
            }
            if (a < 128 && b < 128 && Integer.bitCount(a ^ b) == 1) {
                kinds.add(LookalikeKind.BITSQUAT);
                notes.add("one bit flipped");
            }
            String what = "'" + a + "' replaced by '" + b + "'";
            return kinds.isEmpty() ? typo(what) : new TypoEdit(kinds, what + " (" + String.join("; ", notes) + ")");
        }
        if (distance == 1 && m == n + 1) {
            char added = candidate.charAt(first);
            boolean doubled = (first > 0 && candidate.charAt(first - 1) == added)
                    || (first + 1 < m && candidate.charAt(first + 1) == added);
            return typo(doubled ? "'" + added + "' doubled" : "'" + added + "' inserted");
        }
        if (distance == 1 && n == m + 1) {
            return typo("'" + target.charAt(first) + "' omitted");
        }
        return typo(distance + " edits");
    }

    /** True when {@code candidate} is {@code target} with one letter written twice: {@code bildd}, {@code biild}. */
    static boolean isDoubledLetter(String target, String candidate) {
        if (candidate.length() != target.length() + 1) {
            return false;
        }
        for (int i = 1; i < candidate.length(); i++) {
            if (candidate.charAt(i) == candidate.charAt(i - 1)
                    && candidate.regionMatches(0, target, 0, i) && candidate.regionMatches(i + 1, target, i, target.length() - i)) {
                return true;
            }
        }
        return false;
    }

    private static TypoEdit typo(String detail) {
        return new TypoEdit(EnumSet.of(LookalikeKind.TYPO), detail);
    }
}
