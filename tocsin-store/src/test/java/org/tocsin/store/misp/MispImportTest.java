package org.tocsin.store.misp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tocsin.intel.Attribution;
import org.tocsin.intel.ThreatActors;
import org.tocsin.reference.ReferenceData;
import org.tocsin.store.Attributions;
import org.tocsin.store.ExampleStore;
import org.tocsin.store.ExportedFinding;
import org.tocsin.store.ImportSummary;
import org.tocsin.store.OnBothDatabases;
import org.tocsin.store.Store;
import org.tocsin.store.StoredIndicator;
import org.tocsin.store.TestDb;
import org.tocsin.store.stix.StixBundle;
import org.tocsin.store.stix.StixImport;

/** MISP events into known indicators: never an invented date, never Tocsin's own findings taken for intelligence. */
class MispImportTest extends OnBothDatabases {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> statements(Store store) throws SQLException {
        Attributions attributions = Attributions.of(store);
        List<String> out = new ArrayList<>();
        for (ExportedFinding f : store.exportAll()) {
            Attribution a = attributions.of(f);
            if (a != null) {
                out.add(a.statement());
            }
        }
        return out;
    }

    /** An empty store of the same kind: PostgreSQL's schema is emptied by open, an H2 file is a new one. */
    private static Store fresh(TestDb db) throws SQLException {
        return db.pgSchema() != null ? db.open() : new TestDb("h2", db.url() + "-fresh", "sa", "", null).open();
    }

    private static List<String> kept(Store store) throws SQLException {
        return store.indicators().stream().map(i -> i.observable().type() + " " + i.observable().value()).sorted().toList();
    }

    /**
     * Issue 13, fault 14: importing our own MISP export turned our findings into known-bad indicators citing
     * themselves ("washingtonpost.pm is a known Doppelganger domain, per MISP event …: Tocsin findings (Tocsin)").
     * The kept indicators the event carries come back; the attributes of findings do not.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void ourOwnMispEventReimportedTakesNoFindingForKnownIntelligence(TestDb db) throws Exception {
        JsonNode event;
        List<String> keptBefore;
        try (Store store = db.open()) {
            ExampleStore.fill(store);
            keptBefore = kept(store);
            List<String> before = statements(store);
            event = MispEvent.of(store, null, "Tocsin findings");
            ImportSummary s = new MispImport(ThreatActors.bundled()).into(store, event);
            assertThat(s.problems()).isEmpty();
            assertThat(s.indicators()).isZero();
            assertThat(s.line()).contains("7 of Tocsin's own findings not taken as intelligence");
            assertThat(s.ownFindings()).hasSize(7).anyMatch(n -> n.startsWith("attribute ") && n.contains("(domain washingtonpost.pm)")
                    && n.endsWith("Tocsin's own finding, not intelligence about it"));
            assertThat(kept(store)).isEqualTo(keptBefore);
            assertThat(statements(store)).isEqualTo(before).noneMatch(st -> st.contains("MISP event"));
        }
        try (Store fresh = fresh(db)) {
            new MispImport(ThreatActors.bundled()).into(fresh, event);
            assertThat(kept(fresh)).isEqualTo(keptBefore) // the analyst's and the partner's, nothing a finding saw
                    .containsExactly("domain-name chicago-chronicle.example", "domain-name secure-drive-share.com",
                            "url https://chicago-chronicle.example/politics/");
        }
    }

    /** The same question for STIX: our findings come back as findings, never as known indicators. */
    @ParameterizedTest
    @MethodSource("databases")
    void ourOwnStixBundleReimportedTakesNoFindingForKnownIntelligence(TestDb db) throws Exception {
        JsonNode bundle;
        List<String> keptBefore;
        try (Store store = db.open()) {
            ExampleStore.fill(store);
            keptBefore = kept(store);
            List<String> before = statements(store);
            bundle = StixBundle.of(store, null, ReferenceData.bundled());
            ImportSummary s = new StixImport(ThreatActors.bundled()).into(store, bundle);
            assertThat(s.indicators() + s.findings()).isZero();
            assertThat(kept(store)).isEqualTo(keptBefore);
            assertThat(statements(store)).isEqualTo(before);
        }
        try (Store fresh = fresh(db)) {
            new StixImport(ThreatActors.bundled()).into(fresh, bundle);
            assertThat(kept(fresh)).isEqualTo(keptBefore);
        }
    }

    /**
     * Issue 13, fault 13: an unparseable date became the current time. An attribute is dated by its own timestamp,
     * else its event's date, else its event's timestamp; with none usable it is kept, dated by its import and saying
     * so in its note, and the summary names it.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void anUnreadableDateIsNeverReplacedByAnInventedOne(TestDb db) throws Exception {
        JsonNode events = JSON.readTree("""
                {"response": [
                  {"Event": {"uuid": "11111111-1111-4111-8111-111111111111", "info": "broken dates", "date": "20 September",
                    "Attribute": [
                      {"uuid": "a1111111-1111-4111-8111-111111111111", "type": "domain", "to_ids": true, "value": "own-time.example",
                       "timestamp": "1726833600"},
                      {"uuid": "a2222222-2222-4222-8222-222222222222", "type": "domain", "to_ids": true, "value": "bad-time.example",
                       "timestamp": "soon", "comment": "seen in the lure"},
                      {"uuid": "a3333333-3333-4333-8333-333333333333", "type": "domain", "to_ids": true, "value": "no-time.example"}]}},
                  {"Event": {"uuid": "22222222-2222-4222-8222-222222222222", "info": "good date", "date": "2024-09-18",
                    "Attribute": [{"uuid": "b1111111-1111-4111-8111-111111111111", "type": "domain", "to_ids": true,
                                   "value": "event-date.example"}]}},
                  {"Event": {"uuid": "33333333-3333-4333-8333-333333333333", "info": "only a timestamp", "timestamp": "1726660800",
                    "Attribute": [{"uuid": "c1111111-1111-4111-8111-111111111111", "type": "domain", "to_ids": true,
                                   "value": "event-timestamp.example"}]}}]}""");
        try (Store store = db.open()) {
            Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            ImportSummary s = new MispImport(ThreatActors.bundled()).into(store, events);
            Instant after = Instant.now();
            Map<String, StoredIndicator> kept = store.indicators().stream()
                    .collect(Collectors.toMap(i -> i.observable().value(), Function.identity()));
            assertThat(kept).hasSize(5);
            assertThat(kept.get("own-time.example").addedAt()).isEqualTo("2024-09-20T12:00:00Z");
            assertThat(kept.get("event-date.example").addedAt()).isEqualTo("2024-09-18T00:00:00Z");
            assertThat(kept.get("event-timestamp.example").addedAt()).isEqualTo("2024-09-18T12:00:00Z");
            for (String undated : List.of("bad-time.example", "no-time.example")) {
                StoredIndicator i = kept.get(undated);
                assertThat(i.addedAt()).isBetween(before, after);
                assertThat(i.note()).endsWith(MispImport.UNDATED);
            }
            assertThat(kept.get("bad-time.example").note()).startsWith("seen in the lure");
            assertThat(s.problems()).hasSize(3)
                    .anyMatch(p -> p.startsWith("event 11111111-1111-4111-8111-111111111111") && p.contains("'20 September'"))
                    .anyMatch(p -> p.contains("a2222222-2222-4222-8222-222222222222") && p.contains("'soon'") && p.contains("dated by its import"))
                    .anyMatch(p -> p.contains("a3333333-3333-4333-8333-333333333333") && p.contains("dated by its import"));
            // importing again keeps the first import's date: nothing new, nothing redated
            assertThat(new MispImport(ThreatActors.bundled()).into(store, events).indicators()).isZero();
            assertThat(store.indicators()).filteredOn(i -> i.observable().value().equals("no-time.example")).singleElement()
                    .satisfies(i -> assertThat(i.addedAt()).isEqualTo(kept.get("no-time.example").addedAt()));
        }
    }
}
