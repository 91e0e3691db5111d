package org.tocsin.store.stix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tocsin.intel.ThreatActors;
import org.tocsin.store.ImportSummary;
import org.tocsin.store.OnBothDatabases;
import org.tocsin.store.Store;
import org.tocsin.store.StoredIndicator;
import org.tocsin.store.TestDb;
import org.tocsin.store.Tlp;
import org.tocsin.store.stix.StixObjects.Query;

/**
 * {@code tocsin import} of every spelling of every TLP marking (TLP 1.0 and 2.0; UUID lower, upper and mixed case;
 * object and granular): each object and each known indicator taken from it has its marking's level, so nothing red
 * is ever shared as anything else.
 */
class TlpSpellingImportTest extends OnBothDatabases {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "marking-definition--";
    private static final Map<String, String> MARKINGS = Map.of(
            PREFIX + "613f2e26-407d-48c7-9eca-b8e91df99dc9", "clear", // TLP 1.0 WHITE (STIX 2.1 §7.2.1.4)
            PREFIX + "34098fce-860f-48ae-8e50-ebd3cc5e41da", "green",
            PREFIX + "f88d31f6-486f-44da-b317-01333bde0b82", "amber",
            PREFIX + "5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "red",
            PREFIX + "94868c89-83c2-464b-929b-a1a8aa3c8487", "clear", // TLP 2.0 (OASIS)
            PREFIX + "bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "green",
            PREFIX + "55d920b0-5e8b-4f79-9ee9-91f868d9b421", "amber",
            PREFIX + "939a9414-2ddd-4d32-a0cd-375ea402b003", "amber+strict",
            PREFIX + "e828b379-4e03-4974-9ac4-e53a884c97c1", "red");

    @ParameterizedTest
    @MethodSource("databases")
    void everySpellingOfEveryTlpMarkingImportsAtItsLevel(TestDb db) throws Exception {
        ObjectNode bundle = JSON.createObjectNode().put("type", "bundle").put("id", "bundle--7e2d3c4b-5a69-4788-9695-a4b3c2d1e0f9");
        ArrayNode objects = bundle.putArray("objects");
        Map<String, String> expected = new HashMap<>();
        Map<String, String> domains = new HashMap<>();
        int n = 0;
        for (Map.Entry<String, String> m : MARKINGS.entrySet()) {
            String uuid = m.getKey().substring(PREFIX.length());
            StringBuilder mixed = new StringBuilder();
            for (int i = 0; i < uuid.length(); i++) {
                mixed.append(i % 2 == 0 ? Character.toUpperCase(uuid.charAt(i)) : uuid.charAt(i));
            }
            for (String spelt : List.of(m.getKey(), PREFIX + uuid.toUpperCase(Locale.ROOT), PREFIX + mixed)) {
                for (boolean granular : new boolean[] {false, true}) {
                    String id = String.format("indicator--00000000-0000-4000-8000-%012d", ++n);
                    String domain = "spelling-" + n + ".example";
                    ObjectNode o = objects.addObject().put("type", "indicator").put("spec_version", "2.1").put("id", id)
                            .put("created", "2024-05-01T10:00:00.000Z").put("modified", "2024-05-01T10:00:00.000Z")
                            .put("pattern", "[domain-name:value = '" + domain + "']").put("pattern_type", "stix")
                            .put("valid_from", "2024-05-01T10:00:00Z");
                    if (granular) {
                        o.putArray("granular_markings").addObject().put("marking_ref", spelt).putArray("selectors").add("pattern");
                    } else {
                        o.putArray("object_marking_refs").add(spelt);
                    }
                    expected.put(id, m.getValue());
                    domains.put(domain, m.getValue());
                }
            }
        }
        try (Store store = db.open()) {
            ImportSummary s = new StixImport(ThreatActors.bundled()).into(store, bundle);
            assertThat(s.problems()).isEmpty();
            StixObjects kept = new StixObjects(store.connection());
            // what a partner would be served
            assertThat(kept.objects(StixImport.COLLECTION, Query.latest(false)).items())
                    .allSatisfy(o -> assertThat(expected.get(o.entry().id())).isNotEqualTo("red")).hasSize(54 - 12); // 9 markings x 3 spellings x 2 placements, 12 of them red
            Map<String, String> stored = new HashMap<>();
            kept.manifest(StixImport.COLLECTION, Query.latest(true)).items().forEach(e -> stored.put(e.id(), e.tlp()));
            assertThat(stored).isEqualTo(expected);
            // the known indicators taken from them keep the level (Tocsin's TLP: clear is white, amber+strict amber)
            for (StoredIndicator i : store.indicators()) {
                assertThat(i.tlp()).as(i.observable().value()).isEqualTo(Tlp.parse(domains.get(i.observable().value())));
            }
            assertThat(store.indicators()).hasSize(54);
        }
    }
}
