package org.tocsin.text;

import java.lang.Character.UnicodeScript;
import org.jspecify.annotations.Nullable;

/**
 * Characters that disguise text: invisible ones that split words for filters (zero-width spaces, bidi
 * controls, tag characters, variation selectors after letters), and look-alike letters that dress a
 * word up (mixed Latin and Cyrillic in one word, mathematical or full-width letters). The soft hyphen
 * U+00AD is not counted: Latin-1 text has always used it honestly. One definition serves body text and
 * links alike.
 */
public final class SuspiciousCharacters {
    private SuspiciousCharacters() {
    }

    /**
     * Zero-width space, bidi controls, word joiners, BOM, Mongolian vowel separator, tag characters and the
     * variation-selector supplement. Not counted: ZWNJ and ZWJ (U+200C/D, which join emoji and Persian or
     * Indic letters) and the combining grapheme joiner (U+034F), which newsletters use honestly to pad
     * their hidden preview lines.
     */
    public static boolean isInvisible(int cp) {
        return cp == 0x200B || (cp >= 0x200E && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF || cp == 0x180E
                || (cp >= 0xE0000 && cp <= 0xE007F) || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    public static int countInvisible(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (isInvisible(cp)) {
                n++;
            }
            i += Character.charCount(cp);
        }
        return n;
    }

    /** The first word that mixes scripts or uses decorative letters, or {@code null}. */
    public static @Nullable String disguisedWord(String s) {
        for (String word : s.split("[\\s\\p{Punct}]+")) {
            if (isDisguised(word)) {
                return word;
            }
        }
        return null;
    }

    static boolean isDisguised(String word) {
        UnicodeScript seen = null;
        boolean mixed = false;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            if ((cp >= 0x1D400 && cp <= 0x1D7FF) || (cp >= 0xFF21 && cp <= 0xFF5A) || (cp >= 0x24B6 && cp <= 0x24E9)
                    || (cp >= 0x1F130 && cp <= 0x1F189)) {
                return true; // mathematical, full-width, circled or squared letters
            }
            if (!Character.isLetter(cp)) {
                continue;
            }
            UnicodeScript sc = UnicodeScript.of(cp);
            if (sc != UnicodeScript.LATIN && sc != UnicodeScript.CYRILLIC && sc != UnicodeScript.GREEK
                    && sc != UnicodeScript.ARMENIAN && sc != UnicodeScript.CHEROKEE) {
                continue;
            }
            if (seen != null && sc != seen) {
                mixed = true;
            }
            seen = sc;
        }
        return mixed;
    }
}
