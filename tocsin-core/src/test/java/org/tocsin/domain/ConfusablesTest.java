package org.tocsin.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Skeletons are read with the Unicode data that made them (ICU's), never the JDK's: Java 17 knows Unicode 13,
 * ICU 79 Unicode 18, so a mark encoded since, or one outside the BMP, must fall away like an acute accent does.
 */
class ConfusablesTest {
    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {
        "0301", // COMBINING ACUTE ACCENT: the baseline, known to both
        "0897", // ARABIC PEPET (Unicode 15): unassigned to Java 17
        "1AC1", // COMBINING LEFT PARENTHESIS ABOVE LEFT (Unicode 14)
        "1ACF", // COMBINING DOUBLED CIRCUMFLEX ACCENT (Unicode 14)
        "10EFD", // ARABIC SMALL LOW WORD SAKTA (Unicode 15), outside the BMP too
        "1E4EC", // NAG MUNDARI SIGN MUHOR (Unicode 15)
        "1D167", // MUSICAL SYMBOL COMBINING TREMOLO-1: known to Java, but two chars (surrogates)
        "1E944", // ADLAM ALIF LENGTHENER: the same
        "11001", // BRAHMI SIGN ANUSVARA: ICU 79 maps it to a combining dot above
    })
    void everyCombiningMarkFallsAwayFromTheSkeleton(String hex) {
        String mark = Character.toString(Integer.parseInt(hex, 16));
        assertThat(Confusables.skeleton("bi" + mark + "ld")).isEqualTo(Confusables.skeleton("bild")).isEqualTo("bild");
    }

    @Test
    void aLetterNewerThanTheJdksUnicodeIsLowerCasedToo() {
        // GLAGOLITIC CAPITAL / SMALL LETTER CAUDATE CHRIVI (Unicode 14)
        assertThat(Confusables.skeleton("x\u2C2F")).isEqualTo(Confusables.skeleton("x\u2C5F"));
    }

    @ParameterizedTest
    @CsvSource({"paypaI,paypal", "p\u0430ypal,paypal", "rnicrosoft,microsoft", "b\u00EDld,bild", "bi\u0142d,bild"})
    void lookAlikesShareTheSkeletonOfTheirOriginal(String lookalike, String original) {
        assertThat(Confusables.skeleton(lookalike)).isEqualTo(Confusables.skeleton(original));
    }
}
