package org.tocsin.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tocsin.text.TerminalText;

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

    /**
     * One object on one line. Jackson escapes C0 controls, as JSON requires; DEL, C1 controls and the bidirectional
     * and invisible format characters ({@link TerminalText#isUnsafe}) are escaped here as well (<code>&#92;u202E</code>), so
     * a JSON line shown on a terminal cannot reorder or hide text either. The values read back are unchanged.
     */
    static String line(ObjectNode o) {
        String json;
        try {
            json = JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree of strings and numbers always serialises
        }
        return escapeUnsafe(json);
    }

    /** Raw characters occur only inside a JSON document's strings, so a \\u escape in their place is the same value. */
    static String escapeUnsafe(String json) {
        StringBuilder b = null;
        for (int i = 0; i < json.length(); ) {
            int cp = json.codePointAt(i);
            int n = Character.charCount(cp);
            if (TerminalText.isUnsafe(cp)) {
                if (b == null) {
                    b = new StringBuilder(json.length() + 16).append(json, 0, i);
                }
                for (char c : Character.toChars(cp)) {
                    b.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
                }
            } else if (b != null) {
                b.append(json, i, i + n);
            }
            i += n;
        }
        return b == null ? json : b.toString();
    }
}
