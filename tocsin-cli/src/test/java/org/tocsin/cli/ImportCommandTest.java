package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.input.JsonLimits;
import org.tocsin.store.Store;
import org.tocsin.store.stix.AddResult;
import org.tocsin.store.stix.StixObjects;

/** {@code tocsin import}: every object its own unit, a summary for every file, and whatever the store holds imports back. */
class ImportCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A partner's indicator with a simple pattern, so that it becomes a known indicator too. */
    static ObjectNode indicator(String uuid, String domain, String description) {
        ObjectNode o = JSON.createObjectNode().put("type", "indicator").put("spec_version", "2.1").put("id", "indicator--" + uuid)
                .put("created", "2024-05-01T10:00:00.000Z").put("modified", "2024-05-01T10:00:00.000Z").put("name", domain)
                .put("description", description).put("pattern", "[domain-name:value = '" + domain + "']")
                .put("pattern_type", "stix").put("valid_from", "2024-05-01T10:00:00Z");
        return o;
    }

    /** An indicator whose x_nested property is {@code arrays} arrays deep: the object nests arrays + 1 levels. */
    static ObjectNode deep(String uuid, int arrays) {
        ObjectNode o = indicator(uuid, "deep-" + arrays + ".example", "deep");
        ArrayNode a = o.putArray("x_nested");
        for (int i = 1; i < arrays; i++) {
            a = a.addArray();
        }
        a.add("bottom");
        return o;
    }

    private static Path bundle(Path file, JsonNode... objects) throws Exception {
        ObjectNode b = JSON.createObjectNode().put("type", "bundle").put("id", "bundle--6f1e2d3c-4b5a-4968-8776-655443322110");
        ArrayNode list = b.putArray("objects");
        for (JsonNode o : objects) {
            list.add(o);
        }
        Files.writeString(file, b.toString());
        return file;
    }

    @Test
    void aLongDescriptionAndABadObjectLoseNothingAndEveryFileGetsItsSummary(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("store");
        ObjectNode bad = indicator("2b3c4d5e-6f70-4a81-9b2c-3d4e5f607182", "bad.example", "bad");
        bad.put("type", "report").put("id", "report--2b3c4d5e-6f70-4a81-9b2c-3d4e5f607182");
        bad.putObject("extensions").putObject("extension-definition--" + org.tocsin.store.StixIds.uuid5(
                org.tocsin.store.StixIds.TOCSIN, "extension:finding")).put("extension_type", "property-extension")
                .putObject("evidence").put("sha256", "0".repeat(200));
        Path first = bundle(dir.resolve("first.json"),
                indicator("2b3c4d5e-6f70-4a81-9b2c-3d4e5f607181", "before.example", "fine"),
                indicator("2b3c4d5e-6f70-4a81-9b2c-3d4e5f607183", "long.example", "x".repeat(10 * 1024 * 1024)),
                bad,
                indicator("2b3c4d5e-6f70-4a81-9b2c-3d4e5f607184", "after.example", "fine"));
        Path second = bundle(dir.resolve("second.json"), indicator("2b3c4d5e-6f70-4a81-9b2c-3d4e5f607185", "next-file.example", "fine"));

        CliRun run = CliRun.of("import", "--db", url, first.toString(), second.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("first.json (STIX): 0 findings, 3 indicators and 3 other STIX objects added")
                .contains("second.json (STIX): 0 findings, 1 indicators");
        assertThat(run.err()).contains("first.json: report--2b3c4d5e-6f70-4a81-9b2c-3d4e5f607182");
        assertThat(CliRun.of("intel", "indicators", "--db", url).out()).contains("before.example", "long.example", "after.example",
                "next-file.example");
    }

    @Test
    void anObjectAtTheNestingLimitExportsAndImportsBack(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("store");
        ObjectNode atLimit = deep("3c4d5e6f-7081-4b92-8c3d-4e5f60718293", JsonLimits.MAX_DEPTH - 3); // in a bundle: MAX_DEPTH
        try (Store store = Store.open(url, "sa", "")) {
            AddResult r = new StixObjects(store.connection()).add("partner-posts", List.of(atLimit), "foreign"); // as a TAXII POST
            assertThat(r.outcomes()).singleElement().satisfies(o -> assertThat(o.kind()).isEqualTo(AddResult.Kind.ADDED));
        }
        assertRoundTrip(dir, url, atLimit.get("id").asText());
    }

    @Test
    void aStoreHoldingAnObjectTooDeepToImportStillExportsWhatImportsBack(@TempDir Path dir) throws Exception {
        // a store an older server let a partner's 500-deep object into
        String url = "jdbc:h2:file:" + dir.resolve("store");
        ObjectNode tooDeep = deep("4d5e6f70-8192-4ca3-9d4e-5f6071829304", 500);
        ObjectNode fine = indicator("4d5e6f70-8192-4ca3-9d4e-5f6071829305", "fine.example", "fine");
        try (Store store = Store.open(url, "sa", "")) {
            new StixObjects(store.connection()).add("partner-posts", List.of(fine), "foreign");
            Connection c = store.connection();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO stix_object (collection_id, id, type, spec_version, version,"
                    + " version_key, tlp, origin, date_added, body) VALUES ('partner-posts', ?, 'indicator', '2.1',"
                    + " '2024-05-01T10:00:00.000Z', '2024-05-01T10:00:00.000000000Z', 'none', 'foreign', CURRENT_TIMESTAMP, ?)")) {
                ps.setString(1, tooDeep.get("id").asText());
                ps.setString(2, tooDeep.toString());
                ps.executeUpdate();
            }
            c.commit();
        }
        Path bundle = dir.resolve("export.json");
        CliRun export = CliRun.of("export", "stix", "--db", url, "--out", bundle.toString());
        assertThat(export.exitCode()).isZero();
        CliRun imported = CliRun.of("import", "--db", "jdbc:h2:file:" + dir.resolve("copy"), bundle.toString());
        assertThat(imported.err()).doesNotContain("nesting");
        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out()).contains("0 problems");
        assertThat(export.err()).contains(tooDeep.get("id").asText()).contains("left out"); // and the export said so
    }

    /** export stix, then import into a fresh store: the object is there, whole. */
    private static void assertRoundTrip(Path dir, String url, String id) throws Exception {
        Path bundle = dir.resolve("export.json");
        assertThat(CliRun.of("export", "stix", "--db", url, "--out", bundle.toString()).exitCode()).isZero();
        String copy = "jdbc:h2:file:" + dir.resolve("copy");
        CliRun imported = CliRun.of("import", "--db", copy, bundle.toString());
        assertThat(imported.exitCode()).isZero();
        assertThat(imported.out()).contains("0 problems");
        try (Store store = Store.open(copy, "sa", "")) {
            assertThat(new StixObjects(store.connection()).latestForeign()).extracting(o -> o.get("id").asText()).contains(id);
        }
    }
}
