package org.tocsin.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.domain.feed.CtFixtures.getEntries;
import static org.tocsin.domain.feed.CtFixtures.gzip;
import static org.tocsin.domain.feed.CtFixtures.read;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CT log get-entries feeds: real certificates and precertificates, encoded as RFC 6962 says. */
class CtFeedTest {
    private static final CtFixtures CT = CtFixtures.create();
    private static final Path FEEDS = Path.of(System.getProperty("tocsin.root", "..")).resolve("examples/feeds");

    private static List<String> names(List<FeedItem> items) {
        return items.stream().map(FeedItem::name).toList();
    }

    @Test
    void anX509EntryGivesItsCommonNameAndEverySubjectAltNameOnce() {
        String feed = getEntries(CT.x509Entry("www.examplecampaign.org", "www.examplecampaign.org", "examplecampaign.org"));

        assertThat(read("ct.json", feed)).containsExactly(
                FeedItem.name("ct.json#0", "www.examplecampaign.org"),
                FeedItem.name("ct.json#0", "examplecampaign.org"));
    }

    @Test
    void aPrecertEntryIsReadFromTheTbsCertificateInTheLeaf() {
        X509CertificateHolder precert = CT.precertificate("washingtonpost.pm", "washingtonpost.pm", "www.washingtonpost.pm");
        byte[] leaf = CT.precertLeaf(precert, CtFixtures.timestampOf(precert));
        // the leaf holds a TBSCertificate without the poison, as a log stores it, not the precertificate
        byte[] tbs = CtLeafDecoder.decode(leaf).der();
        assertThat(TBSCertificate.getInstance(tbs).getExtensions().getExtension(CtFixtures.CT_POISON)).isNull();
        assertThat(precert.getExtension(CtFixtures.CT_POISON)).isNotNull();

        List<FeedItem> items = read("ct.json", getEntries(CtFixtures.entry(leaf, CT.precertExtraData(precert))));

        assertThat(items).extracting(FeedItem::source).containsOnly("ct.json#0");
        assertThat(names(items)).containsExactly("washingtonpost.pm", "www.washingtonpost.pm");
    }

    @Test
    void wildcardsLoseTheirStarAndANameIsGivenOncePerEntry() {
        String feed = getEntries(CT.precertEntry("*.spiegel.ltd", "*.spiegel.ltd", "spiegel.ltd", "SPIEGEL.ltd"));

        assertThat(names(read("ct.json", feed))).containsExactly("spiegel.ltd");
    }

    @Test
    void aCommonNameCountsOnlyWhenItLooksLikeAHostName() {
        String feed = getEntries(
                CT.x509Entry("Riverdale Gazette", "mail.riverdalegazette.com"),
                CT.x509Entry("nato.ws"),
                CT.precertEntry(null, "fox-news.in"));

        assertThat(read("ct.json", feed)).containsExactly(
                FeedItem.name("ct.json#0", "mail.riverdalegazette.com"),
                FeedItem.name("ct.json#1", "nato.ws"),
                FeedItem.name("ct.json#2", "fox-news.in"));
    }

    @Test
    void entriesAreNumberedFromZeroAcrossResponsesThatFollowEachOther() {
        // `cat page1.json page2.json`: a second response continues the count
        String feed = getEntries(CT.x509Entry("a.example.org", "a.example.org"), CT.precertEntry("b.example.org", "b.example.org"))
                + getEntries(CT.x509Entry("c.example.org", "c.example.org"));

        assertThat(read("pages.json", feed)).extracting(FeedItem::toString).containsExactly(
                "pages.json#0: a.example.org", "pages.json#1: b.example.org", "pages.json#2: c.example.org");
    }

    @Test
    void aJsonArrayOfEntriesReadsLikeAResponse() {
        String feed = "[" + CT.x509Entry("bild.eu.com", "bild.eu.com", "www.bild.eu.com") + ","
                + CT.precertEntry("nato.ws", "nato.ws") + "]";

        assertThat(read("entries.json", feed)).extracting(FeedItem::toString).containsExactly(
                "entries.json#0: bild.eu.com", "entries.json#0: www.bild.eu.com", "entries.json#1: nato.ws");
    }

    @Test
    void indentationOtherFieldsAndFieldOrderDoNotMatter() {
        String entry = CT.x509Entry("t-onlinr.life", "t-onlinr.life");
        String reordered = "{ \"extra_data\" : \"AAAA\", \"index\": 7, \"leaf_input\" : "
                + entry.substring(entry.indexOf(':') + 1, entry.indexOf(",\"extra_data\"")) + ", \"note\": {\"x\": [1, 2]} }";
        String feed = "\n\n  {\n    \"entries\" : [\n      " + reordered + "\n    ],\n    \"log\": \"argon2024\"\n  }\n";

        assertThat(read("pretty.json", feed)).containsExactly(FeedItem.name("pretty.json#0", "t-onlinr.life"));
    }

    @Test
    void gzipIsUndoneTransparentlyEvenInSeveralMembers() {
        byte[] feed = getEntries(
                CT.x509Entry("washingtonpost.pm", "washingtonpost.pm"),
                CT.precertEntry("spiegel.ltd", "spiegel.ltd")).getBytes(StandardCharsets.UTF_8);
        int half = feed.length / 2;
        byte[] twoMembers = CtFixtures.concat(gzip(Arrays.copyOf(feed, half)), gzip(Arrays.copyOfRange(feed, half, feed.length)));

        assertThat(names(read("ct.json.gz", gzip(feed)))).containsExactly("washingtonpost.pm", "spiegel.ltd");
        assertThat(names(read("ct.json.gz", twoMembers))).containsExactly("washingtonpost.pm", "spiegel.ltd");
    }

    @Test
    void aFileAndStandardInputReadTheSame(@TempDir Path dir) throws Exception {
        byte[] feed = getEntries(CT.precertEntry("fox-news.in", "fox-news.in")).getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("entries.json"), feed);
        List<FeedItem> fromFile = new ArrayList<>();
        List<FeedItem> fromStdin = new ArrayList<>();

        DomainFeedReader.read(file.toString(), fromFile::add);
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(feed));
            DomainFeedReader.read("-", fromStdin::add);
        } finally {
            System.setIn(stdin);
        }

        assertThat(fromFile).containsExactly(FeedItem.name(file + "#0", "fox-news.in"));
        assertThat(fromStdin).containsExactly(FeedItem.name("-#0", "fox-news.in"));
    }

    @Test
    void theExampleFeedGivesItsLookalikesAndReportsItsOneBrokenEntry() throws Exception {
        Path example = FEEDS.resolve(CtExampleWriter.GET_ENTRIES_FILE);
        List<FeedItem> items = new ArrayList<>();

        DomainFeedReader.read(example.toString(), items::add);

        assertThat(items.stream().filter(i -> !i.isProblem()).map(FeedItem::name)).containsExactly(
                "www.examplecampaign.org", "examplecampaign.org", "mail.riverdalegazette.com",
                "washingtonpost.pm", "www.washingtonpost.pm", "washingtonpost.pm", "www.washingtonpost.pm",
                "spiegel.ltd", "bild.eu.com", "www.bild.eu.com", "fox-news.in",
                "t-onlinr.life", "www.t-onlinr.life", "nato.ws", "www.nato.ws",
                "vote.examplecountyvotes.gov", "news.riverdalegazette.com");
        assertThat(items.stream().filter(FeedItem::isProblem)).singleElement()
                .satisfies(p -> assertThat(p.source()).isEqualTo(example + "#7"))
                .satisfies(p -> assertThat(p.problem()).matches("leaf_input: TBSCertificate length \\d+ past end of data"));
    }

    @Test
    void theExampleFilesAreWhatTheWriterMakes() throws Exception {
        // the examples are generated; an edit by hand would be lost at the next regeneration
        assertThat(Files.readString(FEEDS.resolve(CtExampleWriter.GET_ENTRIES_FILE)))
                .isEqualTo(CtExampleWriter.getEntries(CtFixtures.create()));
        assertThat(Files.readString(FEEDS.resolve(CtExampleWriter.CERTSTREAM_FILE)))
                .isEqualTo(CtExampleWriter.certstream(CtFixtures.create()));
    }
}
