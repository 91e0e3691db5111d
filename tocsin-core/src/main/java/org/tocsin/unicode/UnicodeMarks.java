package org.tocsin.unicode;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.text.Normalizer2;

/**
 * Removes accents and other combining marks: decompose (NFD), then drop every non-spacing and enclosing mark.
 * Both steps use ICU's Unicode data, by code point, never the JDK's: Java 17 knows Unicode 13, ICU 79 Unicode 18,
 * so marks encoded since (U+0897 ARABIC PEPET, U+1AC1.., U+10EFD..) are unassigned to {@link Character} and
 * survived, and marks outside the BMP (U+1D167, U+1E944, ..) were seen as two surrogates and survived too. Text
 * that ICU itself produced (a confusable skeleton) must be read with the same table that produced it.
 */
public final class UnicodeMarks {
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

    private UnicodeMarks() {
    }

    public static String strip(String s) {
        String d = NFD.normalize(s);
        StringBuilder out = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); ) {
            int cp = d.codePointAt(i);
            if (!isMark(cp)) {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** A non-spacing (Mn) or enclosing (Me) mark under ICU's Unicode data. */
    public static boolean isMark(int codePoint) {
        int type = UCharacter.getType(codePoint);
        return type == UCharacterCategory.NON_SPACING_MARK || type == UCharacterCategory.ENCLOSING_MARK;
    }
}
