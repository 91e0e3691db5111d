package org.tocsin.site.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tocsin.evidence.EvidenceRef;
import org.tocsin.site.PageView;
import org.tocsin.site.SiteId;
import org.tocsin.site.read.SitePage;

class SiteIdsTest {
    private static PageView page(String html, Map<String, String> headers, String ip) {
        return PageView.of(new SitePage("https://x.example/", "x.example", 200, headers, html, Instant.EPOCH,
                new EvidenceRef("t", "a".repeat(64), html.length()), false, ip));
    }

    @Test
    void hostingBlocksAreMediumUnlessACdnStandsInFront() {
        assertThat(SiteIds.hostingBlock("198.51.100.23")).isEqualTo("198.51.100.0/24");
        assertThat(SiteIds.hostingBlock("2001:db8:85a3::8a2e:370:7334")).isEqualTo("2001:0db8:85a3::/48");
        assertThat(SiteIds.hostingBlock("not an address")).isNull();
        assertThat(SiteIds.hostingBlock(null)).isNull();
        assertThat(SiteIds.of(page("<html></html>", Map.of(), "198.51.100.23")))
                .contains(new SiteId("hosting-block", "198.51.100.0/24", SiteId.Tier.MEDIUM, "https://x.example/"));
        assertThat(SiteIds.of(page("<html></html>", Map.of("cf-ray", "8b1f"), "104.21.3.4")))
                .contains(new SiteId("hosting-block", "104.21.3.0/24", SiteId.Tier.WEAK, "https://x.example/"));
    }

    private static String chrome(String sections, String body) {
        StringBuilder nav = new StringBuilder("<header class='site-header'><div class='logo'><a href='/'><img src='/logo.png'></a></div>"
                + "<nav class='main-nav'><ul class='menu'>");
        for (String s : sections.split(",")) {
            nav.append("<li class='menu-item'><a href='/").append(s).append("/'>").append(s).append("</a></li>");
        }
        return "<html><body>" + nav + "</ul></nav></header><main>" + body + "</main><footer class='site-footer'><p>© 2024</p>"
                + "<a href='/privacy/'>Privacy</a></footer></body></html>";
    }

    @Test
    void sitesBuiltFromOneTemplateShareItWhateverTheirSectionsAndArticles() {
        String a = PageView.of(new SitePage("https://a.example/", "a.example", 200, Map.of(), chrome("politics,world,sports", "<p>one</p>"),
                Instant.EPOCH, new EvidenceRef("t", "a".repeat(64), 1), false, null)).template();
        String b = PageView.of(new SitePage("https://b.example/", "b.example", 200, Map.of(), chrome("local,nation,opinion",
                "<article><h1>x</h1><p>two</p><p>three</p></article>"), Instant.EPOCH, new EvidenceRef("t", "b".repeat(64), 1), false, null)).template();
        String c = PageView.of(new SitePage("https://c.example/", "c.example", 200, Map.of(), chrome("politics,world,sports,tech", "<p>one</p>"),
                Instant.EPOCH, new EvidenceRef("t", "c".repeat(64), 1), false, null)).template();
        assertThat(a).isNotNull().isEqualTo(b); // the same chrome, other words in it and other content below it
        assertThat(c).isNotEqualTo(a); // another menu is another template
        assertThat(SiteIds.of(page(chrome("politics,world,sports", ""), Map.of(), null)))
                .anySatisfy(id -> assertThat(id.kind() + " " + id.tier()).isEqualTo("page-template MEDIUM"));
        assertThat(page("<html><body><nav><a href='/'>Home</a></nav></body></html>", Map.of(), null).template()).isNull();
    }

    @Test
    void idsAreReadWhereTheyWorkAndPlaceholdersAreNobodys() {
        String html = "<html><head><meta name='google-site-verification' content='abcDEF123456'>"
                + "<script async src='https://www.googletagmanager.com/gtag/js?id=G-XXXXXXXXXX'></script>"
                + "<script>ym(98765432, 'init', {}); fbq('init', '1234567890123456');</script></head>"
                + "<body><p>Our analytics id is UA-11111111-1 (an article about tracking).</p></body></html>";
        assertThat(SiteIds.of(page(html, Map.of(), null))).extracting(id -> id.kind() + " " + id.value())
                .containsExactlyInAnyOrder("yandex-metrica 98765432", "meta-pixel 1234567890123456", "google-site-verification abcDEF123456");
    }
}
