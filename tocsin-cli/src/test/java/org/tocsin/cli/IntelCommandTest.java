package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.store.ExampleStore;
import org.tocsin.store.stix.StixSchemas;

/** The analyst's loop: scan, read the attributions, add what one knows, attribute again, share and import back. */
class IntelCommandTest {
    private static final Path ROOT = Path.of(System.getProperty("tocsin.root", ".."));
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void attributionFollowsWhatAnalystsAddAndEverythingImportsBack(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("store");
        assertThat(CliRun.of("scan", "--db", url, "--profile", ROOT.resolve("examples/watch-profile.yaml").toString(),
                ROOT.resolve("examples/feeds").toString(), ROOT.resolve("examples/mail").toString()).exitCode()).isZero();

        CliRun before = CliRun.of("attribute", "--db", url, "--json");
        assertThat(before.exitCode()).isZero();
        JsonNode seized = before.lines().stream().filter(l -> l.get("subject").asText().equals("washingtonpost.pm")).findFirst().orElseThrow();
        assertThat(seized.get("actor").asText()).isEqualTo("doppelganger");
        assertThat(seized.get("statement").asText()).startsWith("consistent with Doppelganger — high confidence — because washingtonpost.pm");
        JsonNode lure = before.lines().stream().filter(l -> l.get("subject").asText().startsWith("Interview request")).findFirst().orElseThrow();
        assertThat(lure.get("actor").isNull()).isTrue();

        CliRun add = CliRun.of("intel", "add", "--db", url, "washingtonpost-news.com", "--actor", "Mint Sandstorm",
                "--confidence", "high", "--source", "analyst j.doe, case 2024-117", "--note", "Same registrant as earlier TA453 lures");
        assertThat(add.exitCode()).isZero();
        assertThat(add.out()).contains("kept indicator--").contains("-> apt42 (high)");
        assertThat(CliRun.of("intel", "add", "--db", url, "washingtonpost-news.com", "--actor", "Mint Sandstorm",
                "--confidence", "high", "--source", "analyst j.doe, case 2024-117").out()).startsWith("already kept");
        assertThat(CliRun.of("intel", "add", "--db", url, "not a domain", "--source", "x").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("intel", "add", "--db", url, "x.example", "--confidence", "certain", "--source", "x").exitCode()).isEqualTo(2);

        JsonNode after = CliRun.of("attribute", "--db", url, "--json").lines().stream()
                .filter(l -> l.get("subject").asText().startsWith("Interview request")).findFirst().orElseThrow();
        assertThat(after.get("actor").asText()).isEqualTo("apt42");
        assertThat(after.get("statement").asText()).startsWith("consistent with APT42 — high confidence — because")
                .contains("washingtonpost-news.com is a known APT42 domain — high confidence, per analyst j.doe, case 2024-117");

        CliRun actors = CliRun.of("intel", "actors", "TA453");
        assertThat(actors.out()).startsWith("APT42 (apt42, IR)").contains("Mint Sandstorm");
        assertThat(CliRun.of("intel", "indicators", "--db", url).out()).contains("domain-name washingtonpost-news.com  actor=apt42  high");

        // STIX: export, import into a fresh store, export again: the same objects
        Path bundle = dir.resolve("bundle.json");
        assertThat(CliRun.of("export", "stix", "--db", url, "--out", bundle.toString()).exitCode()).isZero();
        String copy = "jdbc:h2:file:" + dir.resolve("copy");
        CliRun imported = CliRun.of("import", "--db", copy, bundle.toString());
        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out()).contains("(STIX)").contains("0 problems");
        Path again = dir.resolve("again.json");
        assertThat(CliRun.of("export", "stix", "--db", copy, "--out", again.toString()).exitCode()).isZero();
        assertThat(objects(again)).isEqualTo(objects(bundle));

        // MISP: the event imports as known indicators
        Path event = dir.resolve("event.json");
        assertThat(CliRun.of("export", "misp", "--db", url, "--out", event.toString()).exitCode()).isZero();
        CliRun misp = CliRun.of("import", "--db", "jdbc:h2:file:" + dir.resolve("misp"), event.toString());
        assertThat(misp.out()).contains("(MISP)").contains("0 problems");

        Path junk = dir.resolve("junk.json");
        Files.writeString(junk, "{\"objects\": [1, 2");
        CliRun bad = CliRun.of("import", "--db", copy, junk.toString());
        assertThat(bad.exitCode()).isEqualTo(3);
        assertThat(bad.err()).contains("junk.json: not JSON");
    }

    /**
     * Issue 13, fault 12: an indicator added without --technique exported {@code "techniques": []}, which STIX forbids.
     * What {@code export stix} writes — findings, analysts' indicators, a partner's objects kept from an import — passes
     * the OASIS STIX 2.1 schemas and holds no empty list.
     */
    @Test
    void anIndicatorAddedWithoutATechniqueExportsValidStix(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("store");
        assertThat(CliRun.of("scan", "--db", url, "--profile", ROOT.resolve("examples/watch-profile.yaml").toString(),
                ROOT.resolve("examples/feeds").toString(), ROOT.resolve("examples/mail").toString()).exitCode()).isZero();
        Path partner = dir.resolve("partner.json");
        Files.writeString(partner, ExampleStore.partnerBundle().toString());
        assertThat(CliRun.of("import", "--db", url, partner.toString()).out()).contains("0 problems");
        assertThat(CliRun.of("intel", "add", "--db", url, "no-technique.example", "--source", "analyst j.doe").exitCode()).isZero();

        Path bundle = dir.resolve("bundle.json");
        assertThat(CliRun.of("export", "stix", "--db", url, "--out", bundle.toString()).exitCode()).isZero();
        JsonNode exported = JSON.readTree(bundle.toFile());
        assertThat(exported.toString()).contains("no-technique.example", "CopyCop");
        assertThat(StixSchemas.emptyLists(exported, "")).isEmpty();
        assertThat(StixSchemas.problems(exported)).isEmpty();
    }

    /**
     * Issue 13, fault 14: importing our own MISP export turned our findings into known-bad indicators, and
     * {@code attribute} then cited them ("… per MISP event …: Tocsin findings (Tocsin)"). Neither our MISP event nor
     * our STIX bundle, imported back, may become intelligence about what it reported.
     */
    @Test
    void ourOwnExportsImportedBackAreNeverCitedAsKnownIntelligence(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("store");
        assertThat(CliRun.of("scan", "--db", url, "--profile", ROOT.resolve("examples/watch-profile.yaml").toString(),
                ROOT.resolve("examples/feeds").toString(), ROOT.resolve("examples/mail").toString()).exitCode()).isZero();
        String before = CliRun.of("attribute", "--db", url, "--json").out();
        String indicatorsBefore = CliRun.of("intel", "indicators", "--db", url).out();
        Path event = dir.resolve("event.json");
        Path bundle = dir.resolve("bundle.json");
        assertThat(CliRun.of("export", "misp", "--db", url, "--out", event.toString()).exitCode()).isZero();
        assertThat(CliRun.of("export", "stix", "--db", url, "--out", bundle.toString()).exitCode()).isZero();

        CliRun imported = CliRun.of("import", "--db", url, event.toString(), bundle.toString());
        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out()).contains("(MISP): 0 findings, 0 indicators").contains("of Tocsin's own findings not taken as intelligence");
        assertThat(CliRun.of("intel", "indicators", "--db", url).out()).isEqualTo(indicatorsBefore);
        String after = CliRun.of("attribute", "--db", url, "--json").out();
        assertThat(after).doesNotContain("MISP event").doesNotContain("Tocsin findings").isEqualTo(before);
    }

    private static Map<String, JsonNode> objects(Path bundle) throws Exception {
        Map<String, JsonNode> out = new TreeMap<>();
        JSON.readTree(bundle.toFile()).get("objects").forEach(o -> out.put(o.get("id").asText(), o));
        return out;
    }
}
