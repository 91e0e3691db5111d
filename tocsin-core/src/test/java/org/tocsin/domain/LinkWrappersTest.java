package org.tocsin.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkWrappersTest {
    @Test
    void safeLinksAndUrlDefenseAreUndone() {
        assertThat(LinkWrappers.unwrap(WebUrl.parse("https://nam12.safelinks.protection.outlook.com/?url="
                + "https%3A%2F%2Fsites.google.com%2Fview%2Fx&data=05%7C01&reserved=0")).asciiHost())
                .isEqualTo("sites.google.com");
        assertThat(LinkWrappers.unwrap(WebUrl.parse("https://urldefense.proofpoint.com/v2/url?u=https-3A__evil.example"
                + "_login&d=DwMF&c=x")).asciiHost()).isEqualTo("evil.example");
        assertThat(LinkWrappers.unwrap(WebUrl.parse("https://urldefense.com/v3/__https://evil.example/a__;!!abc$"))
                .asciiHost()).isEqualTo("evil.example");
    }

    @Test
    void ordinaryLinksAreLeftAlone() {
        assertThat(LinkWrappers.unwrap(WebUrl.parse("https://www.washingtonpost.com/politics/"))).isNull();
        assertThat(LinkWrappers.unwrap(WebUrl.parse("https://x.safelinks.protection.outlook.com/?data=1"))).isNull();
    }
}
