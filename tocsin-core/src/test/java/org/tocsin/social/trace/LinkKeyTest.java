package org.tocsin.social.trace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkKeyTest {
    @Test
    void theSameArticleSharedWithTrackingAndWwwIsOneLink() {
        String a = LinkKey.of("https://www.Example-News.com/2016/10/story/?utm_source=twitter&utm_medium=social&id=7#comments");
        String b = LinkKey.of("http://example-news.com/2016/10/story?id=7&fbclid=IwAR0abc");
        assertThat(a).isEqualTo(b).isEqualTo("example-news.com/2016/10/story?id=7");
    }

    @Test
    void notWebLinksAreNothing() {
        assertThat(LinkKey.of("mailto:someone@example.org")).isNull();
        assertThat(LinkKey.of("javascript:alert(1)")).isNull();
        assertThat(LinkKey.of("https://")).isNull();
        assertThat(LinkKey.of("https://" + "a".repeat(5000) + ".com")).isNull();
    }
}
