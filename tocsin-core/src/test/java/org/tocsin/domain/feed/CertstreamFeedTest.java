package org.tocsin.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.domain.feed.CtFixtures.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Certstream JSON lines: one message a line, each name of a certificate update, dns_entries as given. */
class CertstreamFeedTest {
    private static final Path FEEDS = Path.of(System.getProperty("tocsin.root", "..")).resolve("examples/feeds");

    private static String update(String cn, String... allDomains) {
        String all = allDomains.length == 0 ? "" : "\"" + String.join("\",\"", allDomains) + "\"";
        return "{\"data\":{\"cert_index\":42,\"leaf_cert\":{\"all_domains\":[" + all + "],"
                + "\"subject\":{\"CN\":" + (cn == null ? "null" : "\"" + cn + "\"") + ",\"O\":null}},"
                + "\"update_type\":\"X509LogEntry\"},\"message_type\":\"certificate_update\"}";
    }

    @Test
    void aCertificateUpdateGivesAllDomainsAndTheCommonNameWhenMissing() {
        String feed = update("nato.ws", "www.nato.ws", "*.nato.ws") + "\n"
                + update("washingtonpost.pm", "washingtonpost.pm", "www.washingtonpost.pm") + "\n";

        assertThat(read("cs.jsonl", feed)).extracting(FeedItem::toString).containsExactly(
                "cs.jsonl:1: www.nato.ws", "cs.jsonl:1: nato.ws",
                "cs.jsonl:2: washingtonpost.pm", "cs.jsonl:2: www.washingtonpost.pm");
    }

    @Test
    void aCommonNameThatIsNotAHostNameIsLeftOut() {
        assertThat(read("cs.jsonl", update("Riverdale Gazette", "mail.riverdalegazette.com")))
                .containsExactly(FeedItem.name("cs.jsonl:1", "mail.riverdalegazette.com"));
    }

    @Test
    void heartbeatsGiveNothingAndDnsEntriesGiveEachString() {
        String feed = "{\"message_type\":\"heartbeat\",\"timestamp\":1725264000.118}\r\n"
                + "\r\n"
                + "{\"message_type\":\"dns_entries\",\"data\":[\"spiegel.ltd\",\" bild.eu.com \"]}\r\n";

        assertThat(read("cs.jsonl", feed)).containsExactly(
                FeedItem.name("cs.jsonl:3", "spiegel.ltd"), FeedItem.name("cs.jsonl:3", "bild.eu.com"));
    }

    @Test
    void aLineThatIsNotJsonIsOneProblemAndTheNextLineIsRead() {
        String feed = update("a.example.org", "a.example.org") + "\n"
                + "{\"message_type\":\"certificate_update\",\"data\":{\"leaf_c\n"
                + "{\"message_type\":\"heartbeat\"} trailing garbage\n"
                + update("b.example.org", "b.example.org") + "\n";

        List<FeedItem> items = read("cs.jsonl", feed);

        assertThat(items).extracting(FeedItem::source).containsExactly("cs.jsonl:1", "cs.jsonl:2", "cs.jsonl:3", "cs.jsonl:4");
        assertThat(items.get(1).problem()).startsWith("not valid JSON");
        assertThat(items.get(2).problem()).startsWith("not valid JSON");
        assertThat(items.get(3).name()).isEqualTo("b.example.org");
    }

    @Test
    void aMessageOfAnotherShapeIsOneProblemEach() {
        String feed = String.join("\n",
                "{\"message_type\":\"certificate_update\",\"data\":{}}",
                "{\"message_type\":\"certificate_update\",\"data\":{\"leaf_cert\":{\"all_domains\":\"a.com\"}}}",
                "{\"message_type\":\"certificate_update\",\"data\":{\"leaf_cert\":{\"all_domains\":[\"a.com\", 7]}}}",
                "{\"message_type\":\"certificate_update\",\"data\":{\"leaf_cert\":{\"all_domains\":[],\"subject\":{\"CN\":\"Acme\"}}}}",
                "{\"message_type\":\"dns_entries\",\"data\":{\"a.com\":1}}",
                "{\"message_type\":\"ssl_stats\"}",
                "{\"data\":[]}",
                "[\"a.com\"]",
                update("fox-news.in", "fox-news.in"));

        List<FeedItem> items = read("cs.jsonl", feed);

        assertThat(items).extracting(FeedItem::problem).containsExactly(
                "certificate_update without data.leaf_cert",
                "all_domains is not an array of names",
                "all_domains holds a number, not a name",
                "certificate_update names no domain",
                "data is not an array of names",
                "unknown message_type \"ssl_stats\"",
                "certstream message without a message_type",
                "not a certstream message (a JSON array)",
                null);
        assertThat(items.get(8)).isEqualTo(FeedItem.name("cs.jsonl:9", "fox-news.in"));
    }

    @Test
    void theExampleCaptureGivesItsNamesAndReportsItsCutLine() throws Exception {
        Path example = FEEDS.resolve(CtExampleWriter.CERTSTREAM_FILE);
        List<FeedItem> items = new ArrayList<>();

        DomainFeedReader.read(example.toString(), items::add);

        assertThat(items).extracting(i -> i.source().substring(example.toString().length()) + " " + (i.isProblem() ? "!" : i.name()))
                .containsExactly(
                        ":2 www.examplecampaign.org", ":2 examplecampaign.org",
                        ":3 washingtonpost.pm", ":3 www.washingtonpost.pm",
                        ":4 spiegel.ltd", ":4 bild.eu.com",
                        ":5 fox-news.in",
                        ":6 mail.riverdalegazette.com",
                        ":8 t-onlinr.life", ":8 www.t-onlinr.life",
                        ":9 !",
                        ":10 www.nato.ws", ":10 nato.ws");
    }
}
