package org.tocsin.store.stix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tocsin.evidence.EvidenceRef;
import org.tocsin.input.JsonLimits;
import org.tocsin.intel.ThreatActors;
import org.tocsin.reference.ReferenceData;
import org.tocsin.signal.Signal;
import org.tocsin.store.Evidence;
import org.tocsin.store.ExampleStore;
import org.tocsin.store.Finding;
import org.tocsin.store.ImportSummary;
import org.tocsin.store.Observable;
import org.tocsin.store.Store;
import org.tocsin.store.StoredIndicator;
import org.tocsin.store.TestDb;
import org.tocsin.store.Tlp;
import org.tocsin.store.misp.MispImport;

/**
 * No length of free text loses an import, and one bad object loses nothing else: 10 MB descriptions, notes and
 * comments go in, export and come back, on H2 and PostgreSQL.
 */
class LongTextImportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_A = TestDb.newSchemaName();
    private static final String SCHEMA_B = TestDb.newSchemaName();
    /** 10 MB of text, not all ASCII: a partner's report pasted whole into a description. */
    private static final String TEN_MB = "Kampagne gegen Wahlhelfer, Phase 2 — ".repeat(10 * 1024 * 1024 / 38 + 1);
    @TempDir
    static Path dir;

    static Stream<Arguments> pairs() {
        List<TestDb> a = TestDb.both(dir, SCHEMA_A).toList();
        List<TestDb> b = TestDb.both(dir, SCHEMA_B).toList();
        return Stream.of(Arguments.of(a.get(0), b.get(0)), Arguments.of(a.get(1), b.get(1)));
    }

    static Stream<TestDb> databases() {
        return TestDb.both(dir, SCHEMA_A);
    }

    @AfterAll
    static void drop() {
        TestDb.dropSchema(SCHEMA_A);
        TestDb.dropSchema(SCHEMA_B);
    }

    /** A partner's indicator (a simple pattern, so it becomes a known indicator too) with a description. */
    static ObjectNode partnerIndicator(String uuid, String domain, String description) {
        ObjectNode o = JSON.createObjectNode().put("type", "indicator").put("spec_version", "2.1").put("id", "indicator--" + uuid)
                .put("created", "2024-05-01T10:00:00.000Z").put("modified", "2024-05-01T10:00:00.000Z").put("name", domain)
                .put("description", description).put("pattern", "[domain-name:value = '" + domain + "']")
                .put("pattern_type", "stix").put("valid_from", "2024-05-01T10:00:00Z");
        o.putArray("object_marking_refs").add(Tlp.GREEN.stixId());
        return o;
    }

    private static ObjectNode bundle(JsonNode... objects) {
        ObjectNode b = JSON.createObjectNode().put("type", "bundle").put("id", "bundle--0d3c7c8e-5a4b-4c2d-9e1f-2a3b4c5d6e7f");
        ArrayNode list = b.putArray("objects");
        for (JsonNode o : objects) {
            list.add(o);
        }
        return b;
    }

    private static Map<String, JsonNode> objects(JsonNode bundle) {
        Map<String, JsonNode> out = new TreeMap<>();
        bundle.get("objects").forEach(o -> out.put(o.get("id").asText(), o));
        return out;
    }

    /** What `tocsin export stix` writes and `tocsin import` reads: through text, under the input limits. */
    private static JsonNode throughText(JsonNode bundle) throws Exception {
        return JsonLimits.mapper().readTree(StixBundle.write((ObjectNode) bundle));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void anExportHoldingTenMegabyteTextsImportsAndExportsTheSameObjects(TestDb from, TestDb to) throws Exception {
        JsonNode first;
        try (Store a = from.open()) {
            // a finding whose subject, source and signal evidence are far past the old column widths
            Observable site = new Observable("domain-name", "wahlhelfer-portal.example");
            a.ingest(new Evidence(new EvidenceRef("archive/" + "x".repeat(10_000) + ".eml", "f".repeat(64), 1 << 20), "email",
                    Tlp.AMBER, ExampleStore.T0), List.of(new Finding("email", "Re: " + "Einladung ".repeat(1_000), "malicious", 9,
                    "high", List.of(new Signal("EMAIL_CREDENTIAL_FORM_LINK", 4, TEN_MB, "T1566.002")), List.of(site))));
            // an analyst's indicator with a 10 MB note, a long source, a long actor name and many techniques
            List<String> techniques = Stream.iterate(1000, n -> n + 1).limit(600).map(n -> "T" + n + ".001").toList();
            a.addIndicator(new StoredIndicator(StoredIndicator.analystId(site, null, "analyst"), site, "Actor " + "n".repeat(400),
                    "high", "analyst " + "s".repeat(2_000), TEN_MB, techniques, Tlp.AMBER, ExampleStore.T0, false));
            // a partner's indicator with a 10 MB description
            ImportSummary s = new StixImport(ThreatActors.bundled()).into(a,
                    bundle(partnerIndicator("4f6b2d1e-8c3a-4b5d-9e7f-0a1b2c3d4e5f", "stimmzettel-info.example", TEN_MB)));
            assertThat(s.problems()).isEmpty();
            assertThat(s.indicators()).isEqualTo(1);
            first = throughText(StixBundle.of(a, null, ReferenceData.bundled()));
        }
        try (Store b = to.open()) {
            ImportSummary s = new StixImport(ThreatActors.bundled()).into(b, first);
            assertThat(s.problems()).isEmpty();
            assertThat(s.findings()).isEqualTo(1);
            assertThat(b.indicators()).hasSize(2).allSatisfy(i -> assertThat(i.note()).isEqualTo(TEN_MB));
            JsonNode second = throughText(StixBundle.of(b, null, ReferenceData.bundled()));
            assertThat(objects(second)).isEqualTo(objects(first));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aMispCommentOfTenMegabytesIsKept(TestDb db) throws SQLException {
        ObjectNode event = JSON.createObjectNode();
        ObjectNode e = event.putObject("Event").put("uuid", "5f1b6c2e-0a3d-4c1e-9f2b-7a8c9d0e1f99").put("info", "Long comment")
                .put("date", "2024-09-03");
        ArrayNode attributes = e.putArray("Attribute");
        attributes.addObject().put("uuid", "6a2c7d3f-1b4e-4d2f-8a3c-8b9d0e1f2a01").put("type", "domain")
                .put("value", "before.example").put("to_ids", true).put("comment", "short");
        attributes.addObject().put("uuid", "6a2c7d3f-1b4e-4d2f-8a3c-8b9d0e1f2a02").put("type", "domain")
                .put("value", "long-comment.example").put("to_ids", true).put("comment", TEN_MB);
        attributes.addObject().put("uuid", "6a2c7d3f-1b4e-4d2f-8a3c-8b9d0e1f2a03").put("type", "domain")
                .put("value", "after.example").put("to_ids", true).put("comment", "short");
        try (Store store = db.open()) {
            ImportSummary s = new MispImport(ThreatActors.bundled()).into(store, event);
            assertThat(s.problems()).isEmpty();
            assertThat(store.indicators()).extracting(i -> i.observable().value())
                    .containsExactlyInAnyOrder("before.example", "long-comment.example", "after.example");
            assertThat(store.indicators()).filteredOn(i -> i.observable().value().equals("long-comment.example"))
                    .singleElement().satisfies(i -> assertThat(i.note()).isEqualTo(TEN_MB));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void oneBadObjectInTheMiddleLosesNothingAfterIt(TestDb db) throws SQLException {
        ObjectNode goodBefore = partnerIndicator("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c01", "before.example", "fine");
        // a Tocsin report whose evidence hash is no SHA-256: the store has no room for what it claims
        ObjectNode badReport = JSON.createObjectNode().put("type", "report").put("spec_version", "2.1")
                .put("id", "report--1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c02").put("created", "2024-05-01T10:00:00.000Z")
                .put("modified", "2024-05-01T10:00:00.000Z").put("name", "bad").put("published", "2024-05-01T10:00:00.000Z");
        badReport.putArray("object_refs").add("domain-name--1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c03");
        ObjectNode x = badReport.putObject("extensions").putObject(TocsinExtension.FINDING_ID).put("extension_type", "property-extension");
        x.putObject("evidence").put("sha256", "0".repeat(200)).put("source", "x.eml").put("size_bytes", 1).put("kind", "email")
                .put("tlp", "amber").put("ingested_at", "2024-05-01T10:00:00.000Z");
        x.putObject("finding").put("kind", "email").put("subject", "s").put("verdict", "malicious").put("score", 1.0)
                .put("confidence", "high").putArray("signals");
        // a description with a NUL character, which PostgreSQL's text cannot hold
        ObjectNode nul = partnerIndicator("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c04", "nul.example", "before\u0000after");
        ObjectNode longBefore = partnerIndicator("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c05", "long.example", "l".repeat(9_000));
        ObjectNode goodAfter = partnerIndicator("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c06", "after.example", "fine");
        try (Store store = db.open()) {
            ImportSummary s = new StixImport(ThreatActors.bundled()).into(store, bundle(goodBefore, badReport, nul, longBefore, goodAfter));
            assertThat(s.problems()).anyMatch(p -> p.startsWith(badReport.get("id").asText()));
            assertThat(store.indicators()).extracting(i -> i.observable().value())
                    .contains("before.example", "long.example", "after.example");
            StixObjects kept = new StixObjects(store.connection());
            for (ObjectNode o : List.of(goodBefore, nul, longBefore, goodAfter)) {
                assertThat(kept.contains(StixImport.COLLECTION, o.get("id").asText(), true)).as(o.get("id").asText()).isTrue();
            }
        }
    }
}
