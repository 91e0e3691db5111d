package org.tocsin.store.stix;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tocsin.store.StixIds;
import org.tocsin.store.Tlp;

/**
 * The TLP level a STIX object is marked with, read from its marking references: the four TLP 1.0 marking
 * definitions STIX 2.1 predefines (ids in {@link Tlp}), the five TLP 2.0 marking definitions OASIS
 * publishes, and marking definitions with other ids that say which level they define. The most restrictive
 * level wins, so an object with one red granular marking is red as a whole: a partner is never served it. Ids are
 * compared as STIX identifiers ({@link StixIds#canonical}: the UUID's case does not matter), so TLP:RED spelt in
 * capitals is red.
 */
final class TlpMarkings {
    /** From least to most restrictive; TLP 1.0 WHITE is TLP 2.0 CLEAR. */
    static final List<String> LEVELS = List.of("none", "clear", "green", "amber", "amber+strict", "red");
    static final String NONE = "none";
    static final String RED = "red";
    /**
     * The TLP 2.0 marking definitions, as published by OASIS in cti-stix-common-objects
     * (extension-definition-specifications/tlp-2.0/marking-definition.json, which fixes each id with its name).
     */
    private static final Map<String, String> TLP_2 = Map.of(
            "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487", "clear",
            "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb", "green",
            "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "amber",
            "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003", "amber+strict",
            "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1", "red");
    /** The extension TLP 2.0 marking definitions carry their level in ({@code tlp_2_0}). */
    private static final String TLP_2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
    private static final Map<String, String> KNOWN = known();

    private TlpMarkings() {
    }

    private static Map<String, String> known() {
        Map<String, String> m = new HashMap<>(TLP_2);
        for (Tlp t : Tlp.values()) {
            m.put(t.stixId(), t == Tlp.WHITE ? "clear" : t.word());
        }
        return Map.copyOf(m);
    }

    /** The level of an object: the most restrictive of its markings, {@code none} when it has none. */
    static String levelOf(JsonNode object, Map<String, String> otherMarkings) {
        String level = definedLevel(object); // served to a partner, a TLP:RED definition would say red objects exist
        if (level == null) {
            level = NONE;
        }
        for (JsonNode ref : object.path("object_marking_refs")) {
            level = stricter(level, levelOfMarking(ref.asText(), otherMarkings));
        }
        for (JsonNode granular : object.path("granular_markings")) {
            level = stricter(level, levelOfMarking(granular.path("marking_ref").asText(), otherMarkings));
        }
        return level;
    }

    /** Marking ids are compared as STIX identifiers: {@code otherMarkings} is keyed by {@link StixIds#canonical} ids. */
    private static String levelOfMarking(String markingId, Map<String, String> otherMarkings) {
        String id = StixIds.canonicalOrSelf(markingId);
        String level = KNOWN.get(id);
        return level != null ? level : otherMarkings.getOrDefault(id, NONE);
    }

    /** Why an object's marking references cannot be read as markings (one is no marking-definition identifier), or null. */
    static String problemWithRefs(JsonNode object) {
        JsonNode refs = object.path("object_marking_refs");
        if (!refs.isMissingNode() && !refs.isArray()) {
            return "object_marking_refs is not a list";
        }
        for (JsonNode ref : refs) {
            if (!isMarkingId(ref)) {
                return "object_marking_refs holds " + ref + ", not a marking-definition identifier (marking-definition--UUID)";
            }
        }
        JsonNode granular = object.path("granular_markings");
        if (!granular.isMissingNode() && !granular.isArray()) {
            return "granular_markings is not a list";
        }
        for (JsonNode g : granular) {
            JsonNode ref = g.path("marking_ref");
            if (!ref.isMissingNode() && !isMarkingId(ref)) { // a granular marking may name a language instead
                return "granular_markings holds marking_ref " + ref + ", not a marking-definition identifier"
                        + " (marking-definition--UUID)";
            }
        }
        return null;
    }

    private static boolean isMarkingId(JsonNode ref) {
        String id = ref.isTextual() ? StixIds.canonical(ref.asText()) : null;
        return id != null && id.startsWith("marking-definition--");
    }

    /**
     * The level a marking-definition object defines, whatever its id: TLP 1.0 style ({@code definition_type: tlp},
     * {@code definition.tlp}) or TLP 2.0 style (the OASIS extension's {@code tlp_2_0}); null for anything else.
     */
    static String definedLevel(JsonNode object) {
        if (!object.path("type").asText().equals("marking-definition")) {
            return null;
        }
        String id = StixIds.canonicalOrSelf(object.path("id").asText());
        if (KNOWN.containsKey(id)) {
            return KNOWN.get(id);
        }
        String level = null;
        if (object.path("definition_type").asText().equals("tlp")) {
            level = object.path("definition").path("tlp").asText(null);
        }
        JsonNode ext = object.path("extensions").path(TLP_2_EXTENSION).path("tlp_2_0");
        if (ext.isTextual()) {
            level = ext.asText();
        }
        if (level == null) {
            return null;
        }
        level = level.toLowerCase(Locale.ROOT);
        if (level.equals("white")) {
            level = "clear";
        }
        return LEVELS.contains(level) && !level.equals(NONE) ? level : null;
    }

    private static String stricter(String a, String b) {
        return LEVELS.indexOf(a) >= LEVELS.indexOf(b) ? a : b;
    }
}
