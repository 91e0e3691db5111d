package org.tocsin.unicode;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tocsin.text.TextFold;

class UnicodeMarksTest {
    @Test
    void accentsAndMarksNewerThanTheJdkAreStrippedButLettersStay() {
        assertThat(UnicodeMarks.strip("Cart\u00E3o")).isEqualTo("Cartao");
        assertThat(UnicodeMarks.strip("vo\u0897te\uD803\uDEFD")).isEqualTo("vote"); // U+0897, U+10EFD (Unicode 15)
        assertThat(UnicodeMarks.strip("\uD801\uDC00x")).isEqualTo("\uD801\uDC00x"); // a supplementary letter stays whole
        assertThat(TextFold.fold("Cart\u00E3o  BLOQUEAD\u1AC1O")).isEqualTo("cartao bloqueado");
    }
}
