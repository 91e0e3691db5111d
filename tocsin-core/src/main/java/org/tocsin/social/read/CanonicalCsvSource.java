package org.tocsin.social.read;

import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The canonical posts CSV, columns found by the header's names (any order; unknown columns ignored). */
final class CanonicalCsvSource implements PostSource {
    /** A record longer than this is not a post (a tweet with its fields is under 2 KB). */
    static final int MAX_RECORD_CHARS = 256 * 1024;

    private final CsvRecords records;
    private final Reader reader;
    private final String source;
    private @Nullable Map<String, Integer> columns;
    private @Nullable String headerProblem;

    CanonicalCsvSource(Reader reader, String source) {
        this.reader = reader;
        this.records = new CsvRecords(reader, MAX_RECORD_CHARS);
        this.source = source;
    }

    @Override
    public @Nullable PostItem next() throws IOException {
        if (headerProblem != null) {
            return null;
        }
        while (true) {
            List<String> fields;
            try {
                fields = records.next();
            } catch (CsvRecords.MergedRows e) {
                return PostItem.mergedRow(source + "#" + e.first(), Objects.toString(e.getMessage(), e.toString()));
            } catch (CsvRecords.BadRecord e) {
                return PostItem.problem(source + "#" + records.recordLine(), e.getMessage());
            }
            if (fields == null) {
                return null;
            }
            String where = source + "#" + records.recordLine();
            if (columns == null) {
                columns = new HashMap<>();
                for (int i = 0; i < fields.size(); i++) {
                    columns.putIfAbsent(fields.get(i).strip().replace("\uFEFF", "").toLowerCase(java.util.Locale.ROOT), i);
                }
                if (!columns.containsKey("post_id") || !columns.containsKey("account_id") || !columns.containsKey("created_at")) {
                    headerProblem = "not a posts CSV: the header lacks post_id, account_id or created_at";
                    return PostItem.problem(where, headerProblem);
                }
                int width = fields.size();
                // an unclosed quote is told from a text with line breaks by the line it runs on to: a whole row
                records.rowShape(row -> row.size() == width && post(row) != null);
                continue;
            }
            try {
                return PostItem.of(where, CanonicalPosts.post(field(fields)));
            } catch (IllegalArgumentException e) {
                return PostItem.problem(where, e.getMessage());
            }
        }
    }

    private java.util.function.Function<String, String> field(List<String> fields) {
        Map<String, Integer> columns = Objects.requireNonNull(this.columns); // rows are read as posts only after the header
        return name -> {
            Integer i = columns.get(name);
            return i == null || i >= fields.size() ? null : fields.get(i);
        };
    }

    /** The post a row holds, or null when it holds none. */
    private org.tocsin.social.@Nullable Post post(List<String> fields) {
        try {
            return CanonicalPosts.post(field(fields));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
