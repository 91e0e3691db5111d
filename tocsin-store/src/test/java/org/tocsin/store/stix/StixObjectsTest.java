package org.tocsin.store.stix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tocsin.store.OnBothDatabases;
import org.tocsin.store.StixIds;
import org.tocsin.store.TestDb;
import org.tocsin.store.stix.AddResult.Kind;
import org.tocsin.store.stix.StixObjects.Page;
import org.tocsin.store.stix.StixObjects.Query;

/** STIX objects per collection on H2 and PostgreSQL: validation, versions, TLP, TAXII's filters and paging. */
class StixObjectsTest extends OnBothDatabases {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String C1 = "9f0c1a52-6f4e-4c1e-9a7b-3d2e1f0a4b5c";
    private static final String C2 = "0b6d7e8f-1a2b-4c3d-8e9f-a0b1c2d3e4f5";
    static final String TLP1_RED = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed";
    static final String TLP1_AMBER = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";
    static final String TLP2_RED = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
    /** An indicator with a fixed id per name, at a version, with object markings. */
    static ObjectNode indicator(String name, String modified, String... markings) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "indicator").put("spec_version", "2.1")
                .put("id", "indicator--" + UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .put("created", "2024-01-01T00:00:00.000Z").put("modified", modified).put("name", name)
                .put("pattern", "[domain-name:value = '" + name + "']").put("pattern_type", "stix")
                .put("valid_from", "2024-01-01T00:00:00Z");
        for (String m : markings) {
            o.withArray("object_marking_refs").add(m);
        }
        return o;
    }

    static ObjectNode domain(String value) {
        ObjectNode o = JSON.createObjectNode();
        return o.put("type", "domain-name").put("spec_version", "2.1").put("id", StixIds.forValue("domain-name", value))
                .put("value", value);
    }

    private static List<JsonNode> list(JsonNode... objects) {
        return List.of(objects);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void addChecksEachObjectAndSkipsVersionsAlreadyThere(TestDb db) throws Exception {
        try (Connection c = db.fresh()) {
            StixObjects stix = new StixObjects(c);
            ObjectNode v1 = indicator("evil.example", "2024-05-01T10:00:00.000Z");
            AddResult first = stix.add(C1, list(v1), "foreign");
            assertThat(first.outcomes()).singleElement().satisfies(o -> {
                assertThat(o.kind()).isEqualTo(Kind.ADDED);
                assertThat(o.version()).isEqualTo("2024-05-01T10:00:00.000Z");
            });

            ObjectNode sameInstant = indicator("evil.example", "2024-05-01T10:00:00Z"); // another spelling of v1
            ObjectNode v2 = indicator("evil.example", "2024-05-02T10:00:00.000Z");
            ObjectNode noType = v1.deepCopy();
            noType.remove("type");
            ObjectNode wrongPrefix = v1.deepCopy().put("id", "malware--" + UUID.randomUUID());
            ObjectNode stix20 = indicator("old.example", "2024-05-01T10:00:00Z").put("spec_version", "2.0");
            ObjectNode badTime = indicator("late.example", "2024-05-01 10:00");
            ObjectNode badDate = indicator("feb.example", "2024-02-30T10:00:00Z");
            AddResult second = stix.add(C1, list(v1, sameInstant, v2, noType, wrongPrefix, stix20, badTime, badDate,
                    JSON.getNodeFactory().textNode("not an object")), "foreign");
            assertThat(second.outcomes()).extracting(AddResult.Outcome::kind).containsExactly(Kind.ALREADY_PRESENT,
                    Kind.ALREADY_PRESENT, Kind.ADDED, Kind.REJECTED, Kind.REJECTED, Kind.REJECTED, Kind.REJECTED,
                    Kind.REJECTED, Kind.REJECTED);
            assertThat(second.outcomes().get(3).message()).contains("type");
            assertThat(second.outcomes().get(4).message()).contains("indicator--<UUID>");
            assertThat(second.outcomes().get(5).message()).contains("STIX 2.1 objects only");
            assertThat(second.outcomes().get(6).message()).startsWith("modified: not a STIX timestamp");
            assertThat(second.outcomes().get(7).message()).startsWith("modified: not a valid date");
            assertThat(second.outcomes().get(8).message()).isEqualTo("not a JSON object");
            assertThat(second.count(Kind.ADDED)).isEqualTo(1);

            Page<ManifestEntry> versions = stix.versions(C1, v1.get("id").asText(), Query.latest(true));
            assertThat(versions.items()).extracting(ManifestEntry::version)
                    .containsExactly("2024-05-01T10:00:00.000Z", "2024-05-02T10:00:00.000Z");
            assertThat(versions.more()).isFalse();
            // the same object in another collection is another entry
            assertThat(stix.add(C2, list(v1), "foreign").count(Kind.ADDED)).isEqualTo(1);
            assertThatThrownBy(() -> stix.add(C1, list(v1), "partner")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anObjectWithoutTimestampsIsVersionedByContent(TestDb db) throws Exception {
        try (Connection c = db.fresh()) {
            StixObjects stix = new StixObjects(c);
            ObjectNode d = domain("washingtonpost.pm");
            AddResult first = stix.add(C1, list(d), "tocsin");
            AddResult again = stix.add(C1, list(d.deepCopy()), "tocsin");
            assertThat(again.outcomes().get(0).kind()).isEqualTo(Kind.ALREADY_PRESENT);
            assertThat(again.outcomes().get(0).version()).isEqualTo(first.outcomes().get(0).version());
            ObjectNode changed = d.deepCopy();
            changed.withArray("resolves_to_refs").add("ipv4-addr--" + UUID.randomUUID());
            assertThat(stix.add(C1, list(changed), "tocsin").outcomes().get(0).kind()).isEqualTo(Kind.ADDED);

            List<ManifestEntry> versions = stix.versions(C1, d.get("id").asText(), Query.latest(true)).items();
            assertThat(versions).hasSize(2);
            // the version of an object without created or modified is the date it was added
            for (ManifestEntry v : versions) {
                assertThat(v.version()).isEqualTo(StixTimestamps.micros(v.dateAdded()));
            }
            assertThat(stix.objects(C1, Query.latest(true)).items()).singleElement()
                    .satisfies(o -> assertThat(o.body()).isEqualTo(changed));
        }
    }

    @Test
    void tlpIsTheMostRestrictiveMarkingOfTheObject() {
        assertThat(StixObjects.tlpOf(indicator("a", "2024-05-01T10:00:00Z"))).isEqualTo("none");
        assertThat(StixObjects.tlpOf(indicator("a", "2024-05-01T10:00:00Z",
                "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"))).isEqualTo("clear"); // TLP 1.0 white
        assertThat(StixObjects.tlpOf(indicator("a", "2024-05-01T10:00:00Z",
                "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"))).isEqualTo("green");
        assertThat(StixObjects.tlpOf(indicator("a", "2024-05-01T10:00:00Z", TLP1_AMBER))).isEqualTo("amber");
        assertThat(StixObjects.tlpOf(indicator("a", "2024-05-01T10:00:00Z", TLP1_RED))).isEqualTo("red");
        assertThat(StixObjects.tlpOf(indicator("a", "2024-05-01T10:00:00Z",
                "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"))).isEqualTo("clear");
        assertThat(StixObjects.tlpOf(indicator("a", "2024-05-01T10:00:00Z",
                "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"))).isEqualTo("green");
        assertThat(StixObjects.tlpOf(indicator("a", "2024-05-01T10:00:00Z",
                "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"))).isEqualTo("amber");
        assertThat(StixObjects.tlpOf(indicator("a", "2024-05-01T10:00:00Z",
                "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"))).isEqualTo("amber+strict");
        assertThat(StixObjects.tlpOf(indicator("a", "2024-05-01T10:00:00Z", TLP2_RED))).isEqualTo("red");
        // the most restrictive wins, whatever the order
        assertThat(StixObjects.tlpOf(indicator("a", "2024-05-01T10:00:00Z", TLP2_RED, TLP1_AMBER))).isEqualTo("red");
        // one red granular marking makes the whole object red
        ObjectNode granular = indicator("a", "2024-05-01T10:00:00Z", TLP1_AMBER);
        granular.withArray("granular_markings").addObject().put("marking_ref", TLP1_RED).putArray("selectors").add("pattern");
        assertThat(StixObjects.tlpOf(granular)).isEqualTo("red");
        // a marking definition defining TLP:RED is red itself: it would tell a partner that red objects are about
        ObjectNode redDefinition = JSON.createObjectNode().put("type", "marking-definition").put("spec_version", "2.1")
                .put("id", TLP1_RED).put("created", "2017-01-20T00:00:00.000Z").put("definition_type", "tlp");
        redDefinition.putObject("definition").put("tlp", "red");
        assertThat(StixObjects.tlpOf(redDefinition)).isEqualTo("red");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aMarkingDefinitionWithAnIdOfItsOwnCountsForObjectsAddedWithIt(TestDb db) throws Exception {
        try (Connection c = db.fresh()) {
            StixObjects stix = new StixObjects(c);
            String customId = "marking-definition--" + UUID.randomUUID();
            ObjectNode custom = JSON.createObjectNode().put("type", "marking-definition").put("spec_version", "2.1")
                    .put("id", customId).put("created", "2022-10-01T00:00:00.000Z").put("name", "TLP:RED (ours)");
            custom.putObject("extensions").putObject("extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d")
                    .put("extension_type", "property-extension").put("tlp_2_0", "red");
            stix.add(C1, list(custom, indicator("secret.example", "2024-05-01T10:00:00Z", customId)), "foreign");
            assertThat(stix.manifest(C1, Query.latest(true)).items()).extracting(ManifestEntry::tlp).containsExactly("red", "red");
            assertThat(stix.manifest(C1, Query.latest(false)).items()).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void everyFilterSelectsWhatTaxiiSays(TestDb db) throws Exception {
        try (Connection c = db.fresh()) {
            StixObjects stix = new StixObjects(c);
            ObjectNode a1 = indicator("a.example", "2024-05-01T10:00:00.000Z", TLP1_AMBER);
            ObjectNode a2 = indicator("a.example", "2024-05-02T10:00:00.000Z", TLP1_AMBER);
            ObjectNode a3 = indicator("a.example", "2024-05-03T10:00:00.000Z", TLP1_RED); // the latest is red
            ObjectNode d = domain("a.example");
            stix.add(C1, list(a1, d), "foreign");
            stix.add(C1, list(a3), "foreign"); // added before a2, yet a later version
            stix.add(C1, list(a2), "foreign");
            String aId = a1.get("id").asText();

            Query all = Query.latest(true);
            assertThat(stix.objects(C1, all).items()).extracting(o -> o.entry().id()).containsExactly(d.get("id").asText(), aId);
            assertThat(versionsOf(stix.objects(C1, all.withIds(List.of(aId))))).containsExactly("2024-05-03T10:00:00.000Z");
            // a partner's "last" is the last version it may see; red ones do not exist for it
            assertThat(versionsOf(stix.objects(C1, Query.latest(false).withIds(List.of(aId))))).containsExactly("2024-05-02T10:00:00.000Z");
            assertThat(versionsOf(stix.objects(C1, all.withIds(List.of(aId)).withVersions(List.of("first")))))
                    .containsExactly("2024-05-01T10:00:00.000Z");
            assertThat(versionsOf(stix.objects(C1, all.withIds(List.of(aId)).withVersions(List.of("all"))))) // in order added
                    .containsExactly("2024-05-01T10:00:00.000Z", "2024-05-03T10:00:00.000Z", "2024-05-02T10:00:00.000Z");
            assertThat(versionsOf(stix.objects(C1, all.withIds(List.of(aId)).withVersions(List.of("first", "last")))))
                    .containsExactly("2024-05-01T10:00:00.000Z", "2024-05-03T10:00:00.000Z");
            assertThat(versionsOf(stix.objects(C1, all.withVersions(List.of("2024-05-02T10:00:00Z"))))) // any spelling
                    .containsExactly("2024-05-02T10:00:00.000Z");
            assertThat(stix.objects(C1, Query.latest(false).withIds(List.of(aId)).withVersions(List.of("2024-05-03T10:00:00Z")))
                    .items()).isEmpty();
            assertThat(stix.objects(C1, all.withTypes(List.of("domain-name"))).items()).singleElement()
                    .satisfies(o -> assertThat(o.entry().type()).isEqualTo("domain-name"));
            assertThat(stix.objects(C1, all.withTypes(List.of("domain-name", "indicator"))).items()).hasSize(2);
            assertThat(stix.objects(C1, all.withSpecVersions(List.of("2.0"))).items()).isEmpty();
            assertThat(stix.objects(C1, all.withSpecVersions(List.of("2.1"))).items()).hasSize(2);

            // added_after: strictly after, on the dates the store gave
            List<ManifestEntry> everything = stix.manifest(C1, all.withVersions(List.of("all"))).items();
            assertThat(everything).extracting(ManifestEntry::dateAdded).isSorted().doesNotHaveDuplicates();
            java.time.Instant second = everything.get(1).dateAdded();
            assertThat(stix.manifest(C1, all.withVersions(List.of("all")).withAddedAfter(second)).items())
                    .containsExactlyElementsOf(everything.subList(2, everything.size()));

            assertThat(stix.contains(C1, aId, false)).isTrue();
            assertThat(stix.contains(C1, "indicator--" + UUID.randomUUID(), true)).isFalse();
            assertThat(stix.contains(C2, aId, true)).isFalse();
            assertThatThrownBy(() -> all.withVersions(List.of("newest"))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> stix.objects(C1, all.withNext("bm9wZQ"))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRedOnlyObjectDoesNotExistForAPartner(TestDb db) throws Exception {
        try (Connection c = db.fresh()) {
            StixObjects stix = new StixObjects(c);
            ObjectNode red = indicator("red.example", "2024-05-01T10:00:00Z", TLP2_RED);
            String id = red.get("id").asText();
            stix.add(C1, list(red), "foreign");
            Query partner = Query.latest(false);
            assertThat(stix.objects(C1, partner).items()).isEmpty();
            assertThat(stix.manifest(C1, partner).items()).isEmpty();
            assertThat(stix.versions(C1, id, partner).items()).isEmpty();
            assertThat(stix.contains(C1, id, false)).isFalse();
            assertThat(stix.delete(C1, id, partner.withVersions(List.of()))).isZero();
            assertThat(stix.contains(C1, id, true)).isTrue();
            assertThat(stix.delete(C1, id, Query.latest(true).withVersions(List.of()))).isEqualTo(1);
            assertThat(stix.contains(C1, id, true)).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void pagesNeverRepeatNorSkipAnObjectWhileOthersAreAdded(TestDb db) throws Exception {
        try (Connection c = db.fresh();
             Connection writer = db.connect()) {
            StixObjects reader = new StixObjects(c);
            StixObjects other = new StixObjects(writer);
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < 25; i++) {
                expected.add(add(other, "start-" + i));
            }
            List<String> seen = new ArrayList<>();
            Query q = Query.latest(true).withLimit(7);
            Page<ManifestEntry> page;
            int pages = 0;
            do {
                page = reader.manifest(C1, q);
                page.items().forEach(e -> seen.add(e.id()));
                q = q.withNext(page.next());
                for (int i = 0; i < 3 && pages < 3; i++) { // others add between the first pages
                    expected.add(add(other, "during-" + pages + "-" + i));
                }
                pages++;
            } while (page.more());
            assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void concurrentWritersCommitInSeqOrder(TestDb db) throws Exception {
        try (Connection reader = db.fresh()) {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<?>> writers = new ArrayList<>();
                for (int w = 0; w < 3; w++) {
                    int writerNo = w;
                    writers.add(pool.submit(() -> {
                        try (Connection c = db.connect()) {
                            StixObjects stix = new StixObjects(c);
                            for (int i = 0; i < 20; i++) {
                                add(stix, "w" + writerNo + "-" + i);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : writers) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            List<ManifestEntry> all = new StixObjects(reader).manifest(C1, Query.latest(true)).items();
            assertThat(all).hasSize(60);
            // in seq order, dates added only grow: what a reader paged past is older than anything to come
            assertThat(all).extracting(ManifestEntry::dateAdded).isSorted().doesNotHaveDuplicates();
        }
    }

    private static String add(StixObjects stix, String name) throws SQLException {
        ObjectNode o = indicator(name, "2024-05-01T10:00:00Z");
        assertThat(stix.add(C1, list(o), "foreign").count(Kind.ADDED)).isEqualTo(1);
        return o.get("id").asText();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void latestForeignIsEachReceivedObjectOnceAtItsLatestVersion(TestDb db) throws Exception {
        try (Connection c = db.fresh()) {
            StixObjects stix = new StixObjects(c);
            ObjectNode x1 = indicator("x.example", "2024-05-01T10:00:00.000Z");
            ObjectNode x2 = indicator("x.example", "2024-05-02T10:00:00.000Z", TLP1_RED);
            stix.add(C1, list(x1), "foreign");
            stix.add(C2, list(x2, x1), "foreign");
            stix.add(C2, list(indicator("ours.example", "2024-05-01T10:00:00Z")), "tocsin");
            stix.add(C1, list(domain("x.example")), "foreign");
            stix.add(C2, list(domain("x.example")), "foreign");
            assertThat(stix.latestForeign()).containsExactly(x2, domain("x.example"));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void readsLeaveNoTransactionOpen(TestDb db) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(db.pgSchema() != null, "PostgreSQL shows its sessions' state");
        try (Connection c = db.fresh();
             Connection watcher = db.connect()) {
            int pid;
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getInt(1);
            }
            c.rollback();
            StixObjects stix = new StixObjects(c);
            stix.add(C1, list(indicator("a.example", "2024-05-01T10:00:00Z")), "foreign");
            stix.objects(C1, Query.latest(true));
            stix.latestForeign();
            try (var ps = watcher.prepareStatement("SELECT state FROM pg_stat_activity WHERE pid = ?")) {
                ps.setInt(1, pid);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("idle");
                }
            }
        }
    }

    private static List<String> versionsOf(Page<StoredObject> page) {
        return page.items().stream().map(o -> o.entry().version()).toList();
    }
}
