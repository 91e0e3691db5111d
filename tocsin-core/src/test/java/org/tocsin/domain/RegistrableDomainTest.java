package org.tocsin.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.testing.Needs;

/** Our Public Suffix List walk must answer as Guava's topPrivateDomain does, private section included. */
class RegistrableDomainTest {
    private static final Path OUTLETS = Needs.sharedRoot().resolve("outlets");

    @Test
    void privateSectionWildcardsAndExceptions() {
        assertThat(DomainNames.registrable("www.bild.eu.com")).isEqualTo("bild.eu.com");
        assertThat(DomainNames.registrable("foo.github.io")).isEqualTo("foo.github.io");
        assertThat(DomainNames.registrable("news.bbc.co.uk")).isEqualTo("bbc.co.uk");
        assertThat(DomainNames.registrable("a.b.example.ck")).isEqualTo("b.example.ck"); // *.ck
        assertThat(DomainNames.registrable("www.city.kawasaki.jp")).isEqualTo("city.kawasaki.jp"); // !city.kawasaki.jp
        assertThat(DomainNames.registrable("co.uk")).isEqualTo("co.uk");
        assertThat(DomainNames.registrable("host.unknowntld")).isEqualTo("host.unknowntld");
        assertThat(DomainNames.registrable("localhost")).isEqualTo("localhost");
    }

    @Test
    void agreesWithGuavaOnConstructedNames() {
        for (String h : List.of("www.bild.eu.com", "foo.github.io", "x.y.blogspot.com", "a.b.example.ck",
                "www.city.kawasaki.jp", "x.kawasaki.jp", "spiegel.de.example.site", "bbc.com.co", "mfa.gov.ua",
                "sos.ca.gov", "deep.a.b.c.d.co.uk", "x.appspot.com", "ipfs.io", "x.ipfs.dweb.link")) {
            assertThat(DomainNames.registrable(h)).as(h).isEqualTo(DomainNames.registrableByGuava(h));
        }
    }

    @Test
    void agreesWithGuavaOnRealDomainLists() throws IOException {
        Needs.sharedData("outlets");
        List<String> hosts = new ArrayList<>();
        for (String line : Files.readAllLines(OUTLETS.resolve("dotgov-current-full.csv"))) {
            hosts.add(line.split(",", 2)[0].toLowerCase(java.util.Locale.ROOT));
        }
        for (String line : Files.readAllLines(OUTLETS.resolve("local_news_dataset_2018.csv"))) {
            String[] f = line.split(",");
            if (f.length > 3) {
                hosts.add(f[3].toLowerCase(java.util.Locale.ROOT));
                hosts.add("www." + f[3].toLowerCase(java.util.Locale.ROOT));
            }
        }
        int compared = 0;
        for (String h : hosts) {
            String guava = DomainNames.registrableByGuava(h);
            if (guava != null) { // Guava rejects malformed names outright; ours still answers
                assertThat(DomainNames.registrable(h)).as(h).isEqualTo(guava);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(20_000);
    }
}
