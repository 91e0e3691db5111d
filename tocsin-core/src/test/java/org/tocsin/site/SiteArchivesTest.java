package org.tocsin.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.tocsin.domain.LookalikeIndex;
import org.tocsin.domain.ProtectedNames;
import org.tocsin.profile.Organization;
import org.tocsin.profile.OrganizationKind;
import org.tocsin.profile.Profile;
import org.tocsin.reference.ReferenceData;
import org.tocsin.signal.Scorer;
import org.tocsin.signal.Verdict;
import org.tocsin.site.assess.SiteAssessor;
import org.tocsin.site.read.SiteArchiveReader;
import org.tocsin.site.read.SitePage;
import org.tocsin.text.NearDuplicates;
import org.tocsin.text.ReferenceCorpus;

/**
 * End to end from web archives: the example sites written as WARCs with jwarc, read back by the archive reader and
 * assessed. {@code -Dtocsin.writeExamples=DIR} also writes them where the README's tour reads them
 * ({@code examples/sites}).
 */
class SiteArchivesTest {
    /** One WARC (gzip per record) per site, as `wget --warc-file` would make while crawling it. */
    static void write(Path dir) throws IOException {
        Files.createDirectories(dir);
        // addresses from the documentation ranges: the two fakes on one hosting block, as such networks were
        Map<String, List<SitePage>> sites = Map.of(
                "rivertongazette.com", at("203.0.113.10", ExampleSites.genuine()),
                "heartland-herald.example", at("198.51.100.23",
                        ExampleSites.inauthentic("heartland-herald.example", "Heartland Herald", "Jake Miller", true)),
                "coastal-courier-news.example", at("198.51.100.24",
                        ExampleSites.inauthentic("coastal-courier-news.example", "Coastal Courier News", "Emily Carter", false)),
                "washingtonpost.pm", at("192.0.2.50", ExampleSites.outletClone()));
        for (var e : sites.entrySet()) {
            try (FileChannel out = FileChannel.open(dir.resolve(e.getKey() + ".warc.gz"), StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                 WarcWriter writer = new WarcWriter(out, WarcCompression.GZIP)) {
                for (SitePage p : e.getValue()) {
                    HttpResponse.Builder http = new HttpResponse.Builder(200, "OK");
                    p.headers().forEach((k, v) -> {
                        if (!k.equals("content-type")) {
                            http.addHeader(k, v);
                        }
                    });
                    http.body(MediaType.parse("text/html; charset=utf-8"), p.html().getBytes(StandardCharsets.UTF_8));
                    writer.write(new WarcResponse.Builder(p.url()).date(p.fetched()).ipAddress(java.net.InetAddress.getByName(p.ip()))
                            .body(http.build()).build());
                }
            }
        }
    }

    private static List<SitePage> at(String ip, List<SitePage> pages) {
        return pages.stream().map(p -> new SitePage(p.url(), p.host(), p.status(), p.headers(), p.html(), p.fetched(), p.evidence(),
                p.truncated(), ip)).toList();
    }

    @Test
    void archivedSitesAreAssessedAndTheirNetworkFound(@TempDir Path dir) throws IOException {
        write(dir);
        String examples = System.getProperty("tocsin.writeExamples");
        if (examples != null) {
            write(Path.of(examples));
        }
        List<SitePage> pages = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        SiteArchiveReader.read(dir, item -> {
            if (item.ok()) {
                pages.add(item.page());
            } else {
                problems.add(item.problem());
            }
        });
        assertThat(problems).isEmpty();
        assertThat(pages).hasSize(5 + 5 + 5 + 1);
        Profile profile = new Profile(List.of(new Organization("The Washington Post", OrganizationKind.NEWS_OUTLET,
                List.of("washingtonpost.com"), List.of())), List.of(), List.of(), List.of(), List.of());
        ReferenceCorpus corpus = ReferenceCorpus.read(Path.of(System.getProperty("tocsin.root", "..")).resolve("examples/sites/reference"));
        CopyCheck copies = new ReferenceCopies(NearDuplicates.builder().addAll(corpus.articles()).build());
        SiteAssessor.Report report = new SiteAssessor(profile, LookalikeIndex.of(ProtectedNames.of(profile, ReferenceData.bundled(), false)),
                new Scorer(SiteAssessor.DEFAULT_THRESHOLDS), copies).assess(pages);
        assertThat(report.sites()).extracting(s -> s.site() + " " + s.assessment().verdict()).containsExactly(
                "coastal-courier-news.example " + Verdict.MALICIOUS, "heartland-herald.example " + Verdict.MALICIOUS,
                "rivertongazette.com " + Verdict.CLEAN, "washingtonpost.pm " + Verdict.MALICIOUS);
        assertThat(report.networks()).singleElement().satisfies(n -> {
            assertThat(n.sites()).containsExactly("coastal-courier-news.example", "heartland-herald.example");
            assertThat(n.shared()).extracting(sh -> sh.tier().jsonName() + " " + sh.kind() + " " + sh.value())
                    .contains("medium hosting-block 198.51.100.0/24");
        });
        assertThat(pages).allSatisfy(p -> assertThat(p.ip()).isNotNull()); // WARC-IP-Address read back
        // the rewrite of a real county story is found, its source named
        assertThat(report.sites().get(1).assessment().signals()).filteredOn(sig -> sig.id().equals("SITE_COPIED_ARTICLE")).singleElement()
                .satisfies(sig -> assertThat(sig.evidence()).contains("/politics/story-3/ copies or rewrites")
                        .contains("county-canvass-audit").contains("word for word"));
        // every signal explains itself
        report.sites().forEach(s -> s.assessment().signals().forEach(sig -> assertThat(sig.evidence()).isNotBlank()));
    }
}
