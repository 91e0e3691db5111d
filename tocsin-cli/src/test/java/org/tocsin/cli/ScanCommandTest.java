package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.store.Observable;
import org.tocsin.store.Store;

/** {@code tocsin scan}: kinds sniffed, findings stored once, rerun adds nothing, findings linked by observables. */
class ScanCommandTest {
    private static final Path ROOT = Path.of(System.getProperty("tocsin.root", ".."));

    @Test
    void scanStoresMailAndFeedsOnceAndLinksThem(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("store");
        String profile = ROOT.resolve("examples/watch-profile.yaml").toString();
        CliRun first = CliRun.of("scan", "--db", url, "--profile", profile, ROOT.resolve("examples/feeds").toString(),
                ROOT.resolve("examples/mail").toString());
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("15 messages").contains("67 feed names").contains("18 new pieces of evidence, 0 already");
        assertThat(first.err()).contains("ct-get-entries-2024-09.json#7"); // the malformed entry, reported, and the scan went on

        CliRun again = CliRun.of("scan", "--db", url, "--profile", profile, ROOT.resolve("examples/feeds").toString(),
                ROOT.resolve("examples/mail").toString());
        assertThat(again.out()).contains("0 new pieces of evidence, 18 already in the store");

        try (Store store = Store.open(url, "sa", "")) {
            // the same lookalike seen in the NRD list, the CT log and certstream: three findings, one observable
            assertThat(store.findingsWith(new Observable("domain-name", "washingtonpost.pm"))).hasSize(3);
        }

        // the APT42-style lure's sender domain was also registered in the NRD feed: the two findings are linked
        CliRun links = CliRun.of("links", "--db", url, "washingtonpost-news.com");
        assertThat(links.exitCode()).isZero();
        assertThat(links.out()).contains("seen in email malicious").contains("seen in domain suspicious");

        Path bundle = dir.resolve("bundle.json");
        CliRun export = CliRun.of("export", "stix", "--db", url, "--tlp", "green", "--out", bundle.toString());
        assertThat(export.exitCode()).isZero();
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(bundle.toFile());
        assertThat(json.get("type").asText()).isEqualTo("bundle");
        assertThat(json.toString()).contains("[domain-name:value = 'washingtonpost.pm']").contains("TLP:GREEN");
        assertThat(CliRun.of("export", "stix", "--db", url, "--tlp", "purple").exitCode()).isEqualTo(2);

        CliRun misp = CliRun.of("export", "misp", "--db", url, "--tlp", "green");
        assertThat(misp.exitCode()).isZero();
        com.fasterxml.jackson.databind.JsonNode event = new com.fasterxml.jackson.databind.ObjectMapper().readTree(misp.out()).get("Event");
        assertThat(event.get("Tag").get(0).get("name").asText()).isEqualTo("tlp:green");
        java.util.List<String> domains = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode a : event.get("Attribute")) {
            // for detection only what a malicious finding saw; a lookalike only suspicious is context (issue 13, fault 14)
            assertThat(a.get("to_ids").asBoolean()).as(a.get("value").asText()).isEqualTo(a.get("comment").asText().contains(" malicious: "));
            if (a.get("type").asText().equals("domain")) {
                domains.add(a.get("value").asText());
            }
        }
        assertThat(domains).contains("washingtonpost.pm", "washingtonpost-news.com").doesNotHaveDuplicates();
    }

    @Test
    void anUnreachableStoreIsAUsageError(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("scan", "--db", "jdbc:postgresql://127.0.0.1:1/none", ROOT.resolve("examples/mail/legit").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("store jdbc:postgresql://127.0.0.1:1/none");
    }
}
