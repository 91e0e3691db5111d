package org.tocsin.domain;

import com.ibm.icu.text.SpoofChecker;
import java.util.Locale;

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
            ASCII[c] = CHECKER.getSkeleton(String.valueOf(c)).toLowerCase(Locale.ROOT);
        }
    }

    private Confusables() {
    }

    public static String skeleton(String s) {
        StringBuilder out = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 128) {
                return CHECKER.getSkeleton(s).toLowerCase(Locale.ROOT);
            }
            out.append(ASCII[c]);
        }
        return out.toString();
    }
}
