package org.tocsin.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON Lines every command writes: one object per line, and {@code {source, error}} for what could not be read. */
final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLines() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static String error(String source, String error) {
        ObjectNode o = object();
        o.put("source", source);
        o.put("error", error);
        return line(o);
    }

    /** A result's signals as every command writes them: id, weight, evidence, technique. */
    static void putSignals(ObjectNode o, java.util.List<org.tocsin.signal.Signal> signals) {
        com.fasterxml.jackson.databind.node.ArrayNode array = o.putArray("signals");
        for (org.tocsin.signal.Signal s : signals) {
            array.addObject().put("id", s.id()).put("weight", s.weight()).put("evidence", s.evidence()).put("technique", s.technique());
        }
    }

    static String line(ObjectNode o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree of strings and numbers always serialises
        }
    }
}
