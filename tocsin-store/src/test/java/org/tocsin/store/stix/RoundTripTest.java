package org.tocsin.store.stix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.tocsin.intel.ThreatActors;
import org.tocsin.reference.ReferenceData;
import org.tocsin.store.ExampleStore;
import org.tocsin.store.ImportSummary;
import org.tocsin.store.Store.Table;
import org.tocsin.store.Store;
import org.tocsin.store.TestDb;
import org.tocsin.store.misp.MispEvent;
import org.tocsin.store.misp.MispImport;

/** Export → import into a fresh store → export gives the same objects, for STIX and for MISP, on both databases. */
class RoundTripTest {
    private static final String SCHEMA_A = TestDb.newSchemaName();
    private static final String SCHEMA_B = TestDb.newSchemaName();
    @TempDir
    static Path dir;

    /** Pairs of (source, destination) databases of one kind. */
    static Stream<Arguments> pairs() {
        List<TestDb> a = TestDb.both(dir, SCHEMA_A).toList();
        List<TestDb> b = TestDb.both(dir, SCHEMA_B).toList();
        return Stream.of(Arguments.of(a.get(0), b.get(0)), Arguments.of(a.get(1), b.get(1)));
    }

    @AfterAll
    static void drop() {
        TestDb.dropSchema(SCHEMA_A);
        TestDb.dropSchema(SCHEMA_B);
    }

    private static Map<String, JsonNode> objects(JsonNode bundle) {
        Map<String, JsonNode> out = new TreeMap<>();
        bundle.get("objects").forEach(o -> out.put(o.get("id").asText(), o));
        return out;
    }

    private static Map<String, JsonNode> keyed(JsonNode array, String key) {
        Map<String, JsonNode> out = new TreeMap<>();
        array.forEach(o -> out.put(o.get(key).asText(), o));
        return out;
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void stixExportImportExportGivesTheSameObjects(TestDb from, TestDb to) throws SQLException {
        JsonNode first;
        try (Store a = from.open()) {
            ExampleStore.fill(a);
            first = StixBundle.of(a, null, ReferenceData.bundled());
        }
        try (Store b = to.open()) {
            ImportSummary s = new StixImport(ThreatActors.bundled()).into(b, first);
            assertThat(s.problems()).isEmpty();
            assertThat(s.findings()).isEqualTo(3); // lure, CT feed, debate prep; the clean newsletter observed nothing
            JsonNode second = StixBundle.of(b, null, ReferenceData.bundled());
            assertThat(objects(second)).isEqualTo(objects(first));
            // importing again changes nothing
            ImportSummary again = new StixImport(ThreatActors.bundled()).into(b, first);
            assertThat(again.findings() + again.indicators() + again.foreign()).isZero();
            assertThat(b.count(Table.EVIDENCE)).isEqualTo(3);
        }
    }

    /**
     * A MISP event comes back as the kept indicators it carries, each as it was; the attributes of our own findings
     * do not come back (they are not intelligence: MispImportTest), so the second export holds exactly the first's
     * indicator attributes.
     */
    @ParameterizedTest
    @MethodSource("pairs")
    void mispExportImportExportKeepsTheIndicatorsAsTheyWere(TestDb from, TestDb to) throws SQLException {
        JsonNode first;
        try (Store a = from.open()) {
            ExampleStore.fill(a);
            first = MispEvent.of(a, null, "Tocsin findings");
        }
        try (Store b = to.open()) {
            ImportSummary s = new MispImport(ThreatActors.bundled()).into(b, first);
            assertThat(s.problems()).isEmpty();
            assertThat(s.ownFindings()).hasSize(7); // the lure's five observables, the debate-prep lure's two
            JsonNode second = MispEvent.of(b, null, "Tocsin findings");
            for (String field : new String[] {"uuid", "info", "distribution"}) {
                assertThat(second.get("Event").get(field)).as(field).isEqualTo(first.get("Event").get(field));
            }
            // the same attributes for what the store knew; MISP gives their order no meaning
            Map<String, JsonNode> indicators = new TreeMap<>(keyed(first.get("Event").get("Attribute"), "uuid"));
            indicators.values().removeIf(a -> a.get("comment").asText().startsWith("seen in "));
            assertThat(indicators).hasSize(3);
            assertThat(keyed(second.get("Event").get("Attribute"), "uuid")).isEqualTo(indicators);
            assertThat(first.get("Event").get("Attribute")).hasSizeGreaterThanOrEqualTo(10);
            // importing again changes nothing
            assertThat(new MispImport(ThreatActors.bundled()).into(b, second).indicators()).isZero();
        }
    }
}
