package org.tocsin.domain;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.SpoofChecker;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tocsin.unicode.UnicodeMarks;

/**
 * Confusable skeletons (Unicode TS #39) from ICU's {@link SpoofChecker}: two strings that look
 * alike to a reader share a skeleton ({@code paypaI}, {@code pаypal} with a Cyrillic a, {@code g00gle}
 * and {@code rnicrosoft} reduce to the skeleton of their original). Skeletons are lower-cased after
 * mapping, not before, because ICU maps some look-alikes to upper-case prototypes ({@code 0 -> O})
 * and an upper-case {@code I} posing as {@code l} must be mapped while it is still upper case.
 */
public final class Confusables {
    private static final SpoofChecker CHECKER = new SpoofChecker.Builder().build();
    /** The TS #39 skeleton maps character by character, so ASCII can use a table built from ICU. */
    private static final String[] ASCII = new String[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII[c] = lower(CHECKER.getSkeleton(String.valueOf(c)));
        }
    }

    private Confusables() {
    }

    public static String skeleton(String s) {
        StringBuilder out = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128) {
                return withoutMarks(lower(CHECKER.getSkeleton(s)));
            }
            out.append(ASCII[c]);
        }
        return out.toString();
    }

    /**
     * TS #39 keeps accents and strokes (bíld, biłd skeleton to b + i + combining acute + ld): a reader skims past
     * them, so they are dropped after decomposition, by ICU's own Unicode data (see {@link UnicodeMarks}).
     */
    /** Lower case by ICU's data too: letters newer than the JDK's Unicode (Glagolitic U+2C2F, ..) have a lower case. */
    private static String lower(String skeleton) {
        return UCharacter.toLowerCase(Locale.ROOT, skeleton);
    }

    private static String withoutMarks(String skeleton) {
        return UnicodeMarks.strip(skeleton);
    }

    /**
     * For an ASCII string, where each position of its skeleton came from: {@code offsets[i]} is the index in
     * {@code s} of the character that produced skeleton character {@code i}, and {@code offsets[skeleton
     * length]} is {@code s.length()}. Null for other strings, whose skeletons ICU computes as a whole.
     */
    public static int @Nullable [] sourceOffsets(String s) {
        int length = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128) {
                return null;
            }
            length += ASCII[c].length();
        }
        int[] out = new int[length + 1];
        int k = 0;
        for (int i = 0; i < s.length(); i++) {
            for (int j = 0; j < ASCII[s.charAt(i)].length(); j++) {
                out[k++] = i;
            }
        }
        out[length] = s.length();
        return out;
    }
}
