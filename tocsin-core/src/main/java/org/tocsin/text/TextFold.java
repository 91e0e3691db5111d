package org.tocsin.text;

import java.util.Locale;
import org.tocsin.unicode.UnicodeMarks;

/**
 * Folds text for phrase matching: lower case, accents removed ({@link UnicodeMarks}), runs of
 * white space collapsed to one space. "Cartão BLOQUEADO" and "cartao bloqueado" fold alike, so phrase
 * lists are written once, without accents.
 */
public final class TextFold {
    private TextFold() {
    }

    public static String fold(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        boolean ascii = true;
        for (int i = 0; i < lower.length() && ascii; i++) {
            ascii = lower.charAt(i) < 128;
        }
        String base = ascii ? lower : UnicodeMarks.strip(lower);
        StringBuilder out = new StringBuilder(base.length());
        boolean space = false;
        for (int i = 0; i < base.length(); i++) {
            char c = base.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
            } else {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }
}
