package org.tocsin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.server.TestServer.ANALYST_TOKEN;
import static org.tocsin.server.TestServer.PARTNER_TOKEN;
import static org.tocsin.server.TestServer.READER_TOKEN;
import static org.tocsin.server.TestServer.SHARED;
import static org.tocsin.server.TestServer.bearer;
import static org.tocsin.server.TestServer.ids;
import static org.tocsin.server.TestServer.indicator;
import static org.tocsin.server.TestServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.store.stix.ManifestEntry;
import org.tocsin.store.stix.StixObjects;
import org.tocsin.store.stix.StixObjects.Query;

/**
 * Every spelling of every TLP marking a partner may POST: STIX identifiers are type--UUID, and a UUID's hex digits are
 * case-insensitive (RFC 4122), so an upper-case TLP:RED id is TLP:RED, and a partner never sees it. A type part in
 * upper case is no STIX identifier at all: the object is refused, not stored unmarked.
 */
class TlpSpellingTest {
    /** The TLP 1.0 marking definitions STIX 2.1 predefines (§7.2.1.4) and OASIS's TLP 2.0 ones, with their levels. */
    static final Map<String, String> MARKINGS = Map.of(
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", "clear", // TLP 1.0 WHITE
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", "green",
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", "amber",
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "red",
            "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", "clear", // TLP 2.0
            "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "green",
            "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "amber",
            "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", "amber+strict",
            "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "red");
    private static final String PREFIX = "marking-definition--";
    @TempDir
    Path dir;
    TestServer taxii;

    @BeforeEach
    void start() throws Exception {
        taxii = TestServer.start(dir);
    }

    @AfterEach
    void stop() throws Exception {
        taxii.close();
    }

    /** The same identifier spelt as a producer might: as defined, UUID upper case, UUID mixed case. */
    static Map<String, String> spellings(String id) {
        String uuid = id.substring(PREFIX.length());
        StringBuilder mixed = new StringBuilder();
        for (int i = 0; i < uuid.length(); i++) {
            mixed.append(i % 2 == 0 ? Character.toUpperCase(uuid.charAt(i)) : uuid.charAt(i));
        }
        return Map.of("lower", id, "upper", PREFIX + uuid.toUpperCase(Locale.ROOT), "mixed", PREFIX + mixed);
    }

    /** One indicator marked with a marking spelt one way, as an object marking or a granular one. */
    private record Marked(ObjectNode object, String level, boolean granular) {
    }

    private static List<Marked> everySpelling() {
        List<Marked> out = new ArrayList<>();
        MARKINGS.forEach((id, level) -> spellings(id).forEach((how, spelt) -> {
            for (boolean granular : new boolean[] {false, true}) {
                String name = level + "-" + id.substring(PREFIX.length(), PREFIX.length() + 8) + "-" + how
                        + (granular ? "-granular" : "-object") + ".example";
                ObjectNode o = indicator(name, "2024-05-01T10:00:00.000Z");
                if (granular) {
                    o.putArray("granular_markings").addObject().put("marking_ref", spelt).putArray("selectors").add("name");
                } else {
                    o.putArray("object_marking_refs").add(spelt);
                }
                out.add(new Marked(o, level, granular));
            }
        }));
        return out;
    }

    @Test
    void aPartnerNeverSeesARedObjectHoweverItsMarkingIsSpelt() throws Exception {
        List<Marked> marked = everySpelling();
        JsonNode status = taxii.add(SHARED, bearer(ANALYST_TOKEN), marked.stream().map(Marked::object).toList());
        assertThat(status.get("success_count").asInt()).isEqualTo(marked.size());

        List<String> red = marked.stream().filter(m -> m.level().equals("red")).map(m -> m.object().get("id").asText()).toList();
        List<String> shareable = marked.stream().filter(m -> !m.level().equals("red")).map(m -> m.object().get("id").asText()).toList();
        assertThat(red).hasSize(2 * 3 * 2);
        for (String partner : List.of(bearer(PARTNER_TOKEN), bearer(READER_TOKEN))) {
            List<String> seen = ids(taxii.get("/tocsin/collections/" + SHARED + "/objects/?match[version]=all", partner));
            assertThat(seen).containsExactlyInAnyOrderElementsOf(shareable).doesNotContainAnyElementsOf(red);
            for (String id : red) {
                assertThat(taxii.get("/tocsin/collections/" + SHARED + "/objects/" + id + "/", partner).statusCode()).isEqualTo(404);
            }
        }
        // the level the store keeps for each: the marking's, however spelt
        Map<String, String> stored = new HashMap<>();
        for (ManifestEntry e : new StixObjects(taxii.store.connection()).manifest(SHARED, Query.latest(true)).items()) {
            stored.put(e.id(), e.tlp());
        }
        for (Marked m : marked) {
            assertThat(stored.get(m.object().get("id").asText())).as(m.object().get("name").asText()).isEqualTo(m.level());
        }
    }

    @Test
    void aMarkingWhoseTypeIsNotLowerCaseIsNoIdentifierAndTheObjectIsRefused() throws Exception {
        for (boolean granular : new boolean[] {false, true}) {
            ObjectNode o = indicator("upper-type-" + granular + ".example", "2024-05-01T10:00:00.000Z");
            String spelt = "MARKING-DEFINITION--E828B379-4E03-4974-9AC4-E53A884C97C1";
            if (granular) {
                o.putArray("granular_markings").addObject().put("marking_ref", spelt).putArray("selectors").add("name");
            } else {
                o.putArray("object_marking_refs").add(spelt);
            }
            JsonNode status = taxii.add(SHARED, bearer(ANALYST_TOKEN), List.of(o));
            assertThat(status.get("failure_count").asInt()).isEqualTo(1);
            assertThat(status.get("failures").get(0).get("message").asText()).contains("not a marking-definition identifier");
            assertThat(json(taxii.get("/tocsin/collections/" + SHARED + "/objects/?match[version]=all", bearer(ANALYST_TOKEN)))
                    .path("objects")).isEmpty();
        }
    }
}
