package org.tocsin.social.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The canonical schema as JSON Lines: one object per line with the CSV's field names; {@code urls} a string or an array. */
final class CanonicalJsonlSource implements PostSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Reader reader;
    private final CsvRecords lines;
    private final String source;

    CanonicalJsonlSource(Reader reader, String source) {
        this.reader = reader;
        // a JSON line is one "record" of a reader that never sees quotes: JSON's own quotes do not span lines
        this.lines = new CsvRecords(reader, CanonicalCsvSource.MAX_RECORD_CHARS, false);
        this.source = source;
    }

    @Override
    public @Nullable PostItem next() throws IOException {
        List<String> line;
        try {
            line = lines.next();
        } catch (CsvRecords.BadRecord e) {
            return PostItem.problem(source + "#" + lines.recordLine(), e.getMessage());
        }
        if (line == null) {
            return null;
        }
        String where = source + "#" + lines.recordLine();
        try {
            JsonNode n = JSON.readTree(line.get(0));
            if (n == null || !n.isObject()) {
                return PostItem.problem(where, "not a JSON object");
            }
            return PostItem.of(where, CanonicalPosts.post(name -> {
                JsonNode v = n.get(name);
                if (v == null || v.isNull()) {
                    return null;
                }
                if (v.isArray()) {
                    StringBuilder b = new StringBuilder();
                    v.forEach(u -> b.append(u.asText()).append(' '));
                    return b.toString();
                }
                return v.isValueNode() ? v.asText() : null;
            }));
        } catch (JsonProcessingException e) {
            return PostItem.problem(where, "not JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            return PostItem.problem(where, e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
