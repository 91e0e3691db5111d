package org.tocsin.store.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The oracle every STIX export path is checked by: the OASIS STIX 2.1 JSON schemas (vendored under
 * {@code src/test/resources/stix2-json-schemas}, see its README), plus what the schemas cannot say and the OASIS
 * validator checks: no empty list anywhere (STIX 2.1 §3.3 forbids them), inside extensions too. Shared with the
 * server's and the CLI's tests through the store's test-jar.
 */
public final class StixSchemas {
    private static final String ONLINE = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";
    private static final String VENDORED = "/stix2-json-schemas/schemas/";
    /**
     * bundle.json's list of object schemas omits these: they fall to its custom-object branch, which no 2.1 object
     * can pass (core and cyber-observable-core both match it). A bundle is checked against bundle.json without
     * them, and they against their own schemas.
     */
    private static final Set<String> UNLISTED_IN_BUNDLE_SCHEMA = Set.of("note", "extension-definition", "grouping", "location", "opinion");
    private static final List<String> FOLDERS = List.of("sdos", "sros", "observables", "common");
    /** The schemas' $ids name their online home; each is read from the vendored copy (nothing is fetched). */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaLoader(l -> l.resourceLoaders(r -> r.resources(StixSchemas::vendored))));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private StixSchemas() {
    }

    /** Everything wrong with a bundle (or a TAXII envelope: its {@code objects}), one line each; empty when valid. */
    public static List<String> problems(JsonNode bundleOrEnvelope) {
        List<String> out = new ArrayList<>();
        if (bundleOrEnvelope.path("type").asText().equals("bundle")) {
            ObjectNode listed = bundleOrEnvelope.deepCopy();
            ArrayNode kept = listed.putArray("objects");
            bundleOrEnvelope.get("objects").forEach(o -> {
                if (!UNLISTED_IN_BUNDLE_SCHEMA.contains(o.path("type").asText())) {
                    kept.add(o);
                }
            });
            out.addAll(messages("common/bundle.json", listed));
        }
        for (JsonNode o : bundleOrEnvelope.path("objects")) {
            out.addAll(objectProblems(o));
        }
        return out;
    }

    /** Everything wrong with one STIX object: its type's schema and empty lists. */
    public static List<String> objectProblems(JsonNode object) {
        String type = object.path("type").asText();
        String id = object.path("id").asText("(no id)");
        List<String> out = new ArrayList<>();
        String schema = FOLDERS.stream().map(f -> f + "/" + type + ".json")
                .filter(s -> StixSchemas.class.getResource(VENDORED + s) != null).findFirst().orElse(null);
        if (schema == null) {
            out.add(id + ": no OASIS schema for type '" + type + "'");
        } else {
            messages(schema, object).forEach(m -> out.add(id + ": " + m));
        }
        emptyLists(object, "").forEach(p -> out.add(id + ": empty list at " + p + " (STIX forbids empty lists)"));
        return out;
    }

    /** The paths of every empty array in a JSON tree. */
    public static List<String> emptyLists(JsonNode node, String path) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            if (node.isEmpty()) {
                out.add(path.isEmpty() ? "/" : path);
            }
            for (int i = 0; i < node.size(); i++) {
                out.addAll(emptyLists(node.get(i), path + "/" + i));
            }
        } else if (node.isObject()) {
            node.properties().forEach(e -> out.addAll(emptyLists(e.getValue(), path + "/" + e.getKey())));
        }
        return out;
    }

    private static List<String> messages(String schema, JsonNode node) {
        Schema s = SCHEMAS.computeIfAbsent(schema, x -> REGISTRY.getSchema(SchemaLocation.of(ONLINE + x)));
        List<String> out = new ArrayList<>();
        // the validator reads with Jackson 3, Tocsin writes with Jackson 2: the text is what both agree on
        for (Error m : s.validate(node.toString(), InputFormat.JSON)) {
            out.add(schema + " " + m.getMessage());
        }
        return out;
    }

    /** The vendored text of a schema named by its online IRI; null for any other IRI. */
    private static String vendored(String iri) {
        if (!iri.startsWith(ONLINE)) {
            return null;
        }
        try (InputStream in = StixSchemas.class.getResourceAsStream(VENDORED + iri.substring(ONLINE.length()))) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
