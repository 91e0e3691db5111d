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

    static String line(ObjectNode o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree of strings and numbers always serialises
        }
    }
}
