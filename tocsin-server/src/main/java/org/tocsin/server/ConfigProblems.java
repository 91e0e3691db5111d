package org.tocsin.server;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * What is wrong with a configuration file, said as its author thinks of it (the key, the line) rather than as
 * Jackson does (Java types, tokens, multi-line reports).
 */
final class ConfigProblems {
    private ConfigProblems() {
    }

    static String describe(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && m.getCause() instanceof IllegalArgumentException iae) {
            return iae.getMessage(); // the record's own check: already a sentence about the file
        }
        String where = line(e.getProcessor() instanceof JsonParser p && p.currentTokenLocation() != null
                ? p.currentTokenLocation() : e.getLocation()); // the token at fault, not the point the parser reached
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds() == null ? "" : u.getKnownPropertyIds().stream().map(Object::toString)
                    .sorted().collect(Collectors.joining(", ", " (known here: ", ")"));
            return "unknown key " + path(u, u.getPropertyName()) + known; // Jackson's location is past the key here: none rather than a wrong line
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            String key = path(m, null);
            return (key.isEmpty() ? "the file must hold " + kind(m.getTargetType()) + " of settings (title:, collections:, accounts:)"
                    : key + " must be " + kind(m.getTargetType())) + where;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException y && y.getProblemMark() != null) { // SnakeYAML: the problem and where
                return "not YAML that can be read: " + y.getProblem() + " (line " + (y.getProblemMark().getLine() + 1)
                        + ", column " + (y.getProblemMark().getColumn() + 1) + ")";
            }
        }
        String first = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage().lines().findFirst().orElse("");
        return "not YAML that can be read: " + first + where;
    }

    /** The dotted path to the key at fault, as written in the file: {@code accounts[1].read}. */
    private static String path(JsonMappingException e, String last) {
        StringBuilder p = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                p.append(p.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                p.append('[').append(r.getIndex()).append(']');
            }
        }
        if (last != null && !p.toString().endsWith(last)) {
            p.append(p.length() == 0 ? "" : ".").append(last);
        }
        return p.toString();
    }

    private static String kind(Class<?> type) {
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == String.class) {
            return "text";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return Map.class.isAssignableFrom(type) || type.isRecord() ? "a mapping" : "a " + type.getSimpleName();
    }

    private static String line(JsonLocation at) {
        return at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
