package org.tocsin.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an export holds, one line per object, compact enough to commit beside a store fixture: for a STIX bundle
 * {@code stix ID HASH} (the object's canonical JSON: keys sorted, no whitespace; the bundle's own id does not count),
 * for a MISP event {@code misp UUID TYPE CATEGORY VALUE} (what each attribute is; its flags and comment are export
 * policy, which later releases may change on purpose).
 *
 * <p>A property holding an empty list counts as absent: STIX forbids empty lists, and 0.1.0 wrote two (issue 13,
 * fault 12), so the fixture's objects compare equal before and after that fix.
 *
 * <p>{@code java -cp TEST-CLASSPATH org.tocsin.store.ExportSummary EXPORT.stix.json EXPORT.misp.json}
 */
public final class ExportSummary {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportSummary() {
    }

    public static void main(String[] args) throws IOException {
        stix(JSON.readTree(new File(args[0]))).forEach(System.out::println);
        misp(JSON.readTree(new File(args[1]))).forEach(System.out::println);
    }

    /** One line per object of a STIX bundle, sorted. */
    static List<String> stix(JsonNode bundle) {
        List<String> out = new ArrayList<>();
        for (JsonNode o : bundle.path("objects")) {
            out.add("stix " + o.path("id").asText() + " " + hash(canonical(o)));
        }
        out.sort(null);
        return out;
    }

    /** One line per attribute of a MISP event, sorted. */
    static List<String> misp(JsonNode event) {
        List<String> out = new ArrayList<>();
        for (JsonNode a : event.path("Event").path("Attribute")) {
            out.add("misp " + a.path("uuid").asText() + " " + a.path("type").asText() + " " + a.path("category").asText() + " "
                    + a.path("value").asText());
        }
        out.sort(null);
        return out;
    }

    /** The JSON with every object's keys in order and empty lists left out, written without whitespace. */
    static String canonical(JsonNode node) {
        try {
            return JSON.writeValueAsString(sorted(node));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            for (Map.Entry<String, JsonNode> f : node.properties()) {
                if (!(f.getValue().isArray() && f.getValue().isEmpty())) {
                    fields.put(f.getKey(), sorted(f.getValue()));
                }
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(e -> out.add(sorted(e)));
            return out;
        }
        return node;
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
