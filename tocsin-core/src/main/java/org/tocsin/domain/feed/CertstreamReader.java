package org.tocsin.domain.feed;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.tocsin.domain.feed.CertificateNames.NameSet;

/**
 * Certstream messages, one JSON object a line: {@code certificate_update} gives the certificate's
 * names, {@code dns_entries} its strings, {@code heartbeat} nothing. A line that does not parse or has
 * another shape is one problem item; the next line is read as usual.
 */
final class CertstreamReader {
    static final int MAX_LINE = 1 << 20;

    private static final ObjectMapper CERTSTREAM = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String source;
    private final Consumer<FeedItem> sink;

    CertstreamReader(String source, Consumer<FeedItem> sink) {
        this.source = source;
        this.sink = sink;
    }

    void read(InputStream in, long firstLine) throws IOException {
        LineReader lines = new LineReader(in, MAX_LINE, firstLine);
        while (lines.next()) {
            String where = source + ":" + lines.number();
            if (lines.overlong()) {
                sink.accept(FeedItem.problem(where, "line longer than 1 MiB; skipped"));
            } else if (!lines.blank()) {
                message(where, lines.bytes(), lines.length());
            }
        }
    }

    private void message(String where, byte[] bytes, int length) throws IOException {
        JsonNode root;
        try {
            root = CERTSTREAM.readTree(bytes, 0, length);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            sink.accept(FeedItem.problem(where, "not valid JSON" + (at == null ? "" : " at column " + at.getColumnNr())
                    + " (" + FeedJson.message(e) + ")"));
            return;
        }
        try {
            for (String name : names(root)) {
                sink.accept(FeedItem.name(where, name));
            }
        } catch (Shape e) {
            sink.accept(FeedItem.problem(where, Objects.toString(e.getMessage(), e.toString())));
        }
    }

    private static List<String> names(JsonNode root) throws Shape {
        if (!root.isObject()) {
            throw new Shape("not a certstream message (a JSON " + type(root) + ")");
        }
        JsonNode type = root.get("message_type");
        if (type == null || !type.isTextual()) {
            throw new Shape("certstream message without a message_type");
        }
        return switch (type.textValue()) {
            case "heartbeat" -> List.of();
            case "certificate_update" -> certificateUpdate(root.path("data").path("leaf_cert"));
            case "dns_entries" -> strings(root.get("data"), "data", new NameSet()).list();
            default -> throw new Shape("unknown message_type \"" + clip(type.textValue()) + "\"");
        };
    }

    private static List<String> certificateUpdate(JsonNode leaf) throws Shape {
        if (!leaf.isObject()) {
            throw new Shape("certificate_update without data.leaf_cert");
        }
        NameSet names = new NameSet();
        JsonNode all = leaf.get("all_domains");
        if (all != null && !all.isNull()) {
            strings(all, "all_domains", names);
        }
        JsonNode cn = leaf.path("subject").path("CN");
        if (cn.isTextual()) {
            names.addCommonName(cn.textValue());
        }
        if (names.isEmpty()) {
            throw new Shape("certificate_update names no domain");
        }
        return names.list();
    }

    private static NameSet strings(JsonNode array, String field, NameSet names) throws Shape {
        if (array == null || !array.isArray()) {
            throw new Shape(field + " is not an array of names");
        }
        for (JsonNode n : array) {
            if (!n.isTextual()) {
                throw new Shape(field + " holds a " + type(n) + ", not a name");
            }
            names.add(n.textValue());
        }
        return names;
    }

    /** The node's JSON type as a person says it: "array", "number", "null". */
    private static String type(JsonNode n) {
        return n.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String clip(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "…";
    }

    /** A certstream message of the wrong shape: cheap, it is an expected outcome, not a bug. */
    private static final class Shape extends Exception {
        Shape(String message) {
            super(message, null, false, false);
        }
    }
}
