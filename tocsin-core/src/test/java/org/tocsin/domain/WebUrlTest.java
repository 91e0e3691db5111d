package org.tocsin.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebUrlTest {
    @Test
    void parsesWhatBrowsersAccept() {
        WebUrl u = WebUrl.parse(" HTTPS:\\\\Accounts.Example.COM:8443\\login?next=%2Fhome#top ");
        assertThat(u.scheme()).isEqualTo("https");
        assertThat(u.asciiHost()).isEqualTo("accounts.example.com");
        assertThat(u.port()).isEqualTo("8443");
        assertThat(u.path()).isEqualTo("/login");
        assertThat(u.queryParameter("next")).isEqualTo("/home");
        assertThat(u.registrableDomain()).isEqualTo("example.com");
    }

    @Test
    void userinfoHidesTheRealHost() {
        WebUrl u = WebUrl.parse("http://www.paypal.com@evil.example/x");
        assertThat(u.userinfo()).isEqualTo("www.paypal.com");
        assertThat(u.asciiHost()).isEqualTo("evil.example");
    }

    @Test
    void numericIpForms() {
        assertThat(WebUrl.parse("http://3627734734/").asciiHost()).isEqualTo("216.58.214.206");
        assertThat(WebUrl.parse("http://0xd8.0x3a.0xd6.0xce/").asciiHost()).isEqualTo("216.58.214.206");
        assertThat(WebUrl.parse("http://0330.072.0326.0316/").isIpLiteral()).isTrue();
        assertThat(WebUrl.parse("http://[2001:db8::1]/").isIpLiteral()).isTrue();
    }

    @Test
    void unicodeHostsBecomePunycode() {
        WebUrl u = WebUrl.parse("https://аррӏе.com/"); // Cyrillic
        assertThat(u.asciiHost()).startsWith("xn--");
        assertThat(DomainNames.toUnicode(u.asciiHost())).isEqualTo("аррӏе.com");
    }

    @Test
    void nonWebSchemesAndJunk() {
        assertThat(WebUrl.parse("mailto:x@example.com").isWeb()).isFalse();
        assertThat(WebUrl.parse("not a url")).isNull();
        assertThat(WebUrl.parse("http://")).isNull();
        assertThat(WebUrl.parse("www.example.org/page").asciiHost()).isEqualTo("www.example.org");
    }

    @Test
    void registrableDomainsFollowThePrivateSuffixList() {
        assertThat(DomainNames.registrable("foo.github.io")).isEqualTo("foo.github.io");
        assertThat(DomainNames.registrable("a.b.bild.eu.com")).isEqualTo("bild.eu.com");
        assertThat(DomainNames.registrable("news.bbc.co.uk")).isEqualTo("bbc.co.uk");
    }
}
