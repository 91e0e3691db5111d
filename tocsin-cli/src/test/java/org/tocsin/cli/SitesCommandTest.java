package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tocsin sites assess} on the bundled example archives (examples/sites, written by SiteArchivesTest with jwarc). */
class SitesCommandTest {
    private static final Path ROOT = Path.of(System.getProperty("tocsin.root", ".."));

    @Test
    void theExampleArchivesGiveAVerdictPerSiteAndOneNetwork() throws Exception {
        CliRun run = CliRun.of("sites", "assess", "--json", "--profile", ROOT.resolve("examples/watch-profile.yaml").toString(),
                "--reference", ROOT.resolve("examples/sites/reference").toString(), ROOT.resolve("examples/sites").toString());
        assertThat(run.exitCode()).isZero();
        List<JsonNode> sites = run.lines().stream().filter(l -> l.has("site")).toList();
        assertThat(sites).extracting(s -> s.get("site").asText() + " " + s.get("verdict").asText()).containsExactly(
                "coastal-courier-news.example malicious", "heartland-herald.example malicious", "rivertongazette.com clean",
                "washingtonpost.pm malicious");
        JsonNode herald = sites.get(1);
        assertThat(herald.get("signals").toString()).contains("SITE_LLM_ARTIFACT", "please note that this rewrite", "T0085.001",
                "SITE_COPIED_ARTICLE", "copies or rewrites county-canvass-audit");
        assertThat(herald.get("network").asText()).isEqualTo("network-1");
        assertThat(herald.get("criteria").get(0).get("met").asBoolean()).isFalse();
        JsonNode clone = sites.get(3);
        assertThat(clone.get("criteria").get(0).get("met").isNull()).isTrue(); // one archived page cannot show what it lacks
        JsonNode network = run.lines().stream().filter(l -> l.has("network") && l.has("shared")).findFirst().orElseThrow();
        assertThat(network.get("sites").toString()).isEqualTo("[\"coastal-courier-news.example\",\"heartland-herald.example\"]");
        assertThat(network.get("shared").get(0).get("tier").asText()).isEqualTo("strong");
    }

    @Test
    void aCertificateFromCrtShPullsTheCloneIntoTheNetwork(@TempDir Path dir) throws Exception {
        Path crtsh = dir.resolve("crtsh.json");
        Files.writeString(crtsh, """
                [{"issuer_name": "C=US, O=Let's Encrypt, CN=R11", "common_name": "washingtonpost.pm", "id": 14000000001,
                  "name_value": "washingtonpost.pm\\nwww.washingtonpost.pm\\ncoastal-courier-news.example", "serial_number": "04a1b2c3d4"},
                 {"issuer_name": "C=US, O=Let's Encrypt, CN=R11"}]""");
        CliRun run = CliRun.of("sites", "assess", "--json", "--certificates", crtsh.toString(), ROOT.resolve("examples/sites").toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("tocsin: certificates " + crtsh + " row 2: not a crt.sh certificate");
        JsonNode network = run.lines().stream().filter(l -> l.has("network") && l.has("shared")).findFirst().orElseThrow();
        assertThat(network.get("sites").toString())
                .isEqualTo("[\"coastal-courier-news.example\",\"heartland-herald.example\",\"washingtonpost.pm\"]");
        assertThat(network.get("shared").toString()).contains("\"kind\":\"certificate\",\"value\":\"R11 serial 4a1b2c3d4\"");
    }

    @Test
    void scanStoresEachSiteOnceAndLinksTheCloneToTheDomainAlerts(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("store");
        String profile = ROOT.resolve("examples/watch-profile.yaml").toString();
        CliRun first = CliRun.of("scan", "--db", url, "--profile", profile, "--reference", ROOT.resolve("examples/sites/reference").toString(),
                ROOT.resolve("examples/sites").toString(), ROOT.resolve("examples/feeds").toString());
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("16 archived pages of 4 sites (3 flagged)");
        assertThat(CliRun.of("scan", "--db", url, "--profile", profile, ROOT.resolve("examples/sites").toString()).out())
                .contains("0 new pieces of evidence, 4 already in the store");
        // the clone's site finding and the lookalike alerts of the feeds share the domain
        CliRun links = CliRun.of("links", "--db", url, "washingtonpost.pm");
        assertThat(links.out()).contains("seen in site malicious 8.60  washingtonpost.pm").contains("seen in domain suspicious 0.90  washingtonpost.pm");
        assertThat(CliRun.of("export", "stix", "--db", url).out()).contains("SITE_COPIED_ARTICLE"); // the rewrite, found at scan time
        assertThat(CliRun.of("attribute", "--db", url).out()).contains("site malicious: washingtonpost.pm")
                .contains("consistent with Doppelganger — high confidence");
    }

    @Test
    void unreadableArchivesAreReportedAndNothingReadIsAnInputError(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.warc");
        Files.write(junk, new byte[] {1, 2, 3, 4, 5});
        CliRun run = CliRun.of("sites", "assess", junk.toString());
        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("junk.warc");
    }
}
