package org.tocsin.social.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.tocsin.social.Account;

/**
 * The optional accounts file: a CSV with a header naming {@code account_id} and any of {@code created_at},
 * {@code name} (or {@code account_name}) and {@code description}, in any order, other columns ignored; or JSON
 * Lines with the same names. Unlike the posts, the accounts are all held at once (analyses look them up by id),
 * so the file is refused past {@link #MAX_BYTES}. A bad row is a problem and is skipped; a later row for the same
 * id replaces the earlier one (a collection appended over time ends with its latest view of an account).
 */
public final class AccountsReader {
    public static final long MAX_BYTES = 512L * 1024 * 1024;
    /** Problems listed one by one; past this they are counted, so a wrong file cannot fill memory with them. */
    static final int MAX_PROBLEMS = 1000;

    /**
     * @param byId     the accounts by id, in the file's order
     * @param problems {@code path#line: reason} for each row skipped, or {@code path: reason} for the file
     */
    public record Read(Map<String, Account> byId, List<String> problems) {
    }

    private final Path path;
    private final Map<String, Account> byId = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private long moreProblems;

    private AccountsReader(Path path) {
        this.path = path;
    }

    public static Read read(Path path) throws IOException {
        return new AccountsReader(path).read();
    }

    private Read read() throws IOException {
        long size = Files.size(path);
        if (size > MAX_BYTES) {
            problem(path + ": " + size + " bytes, more than an accounts file may have (512 MB); not read");
        } else {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
                in.mark(4096);
                byte[] head = in.readNBytes(4096);
                in.reset();
                String start = new String(head, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
                try (Reader reader = PostStreams.utf8(in)) {
                    if (start.isEmpty()) {
                        problem(path + ": empty");
                    } else if (start.startsWith("{")) {
                        jsonLines(reader);
                    } else {
                        csv(reader);
                    }
                }
            }
        }
        if (moreProblems > 0) {
            problems.add(path + ": " + moreProblems + " more problems");
        }
        return new Read(Collections.unmodifiableMap(byId), List.copyOf(problems));
    }

    private void csv(Reader reader) throws IOException {
        CsvRecords records = new CsvRecords(reader, CanonicalCsvSource.MAX_RECORD_CHARS);
        Map<String, Integer> columns = null;
        while (true) {
            List<String> fields;
            try {
                fields = records.next();
            } catch (CsvRecords.BadRecord e) {
                problem(path + "#" + records.recordLine() + ": " + e.getMessage());
                continue;
            }
            if (fields == null) {
                return;
            }
            if (columns == null) {
                columns = new HashMap<>();
                for (int i = 0; i < fields.size(); i++) {
                    columns.putIfAbsent(fields.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT), i);
                }
                if (!columns.containsKey("account_id")) {
                    problem(path + "#" + records.recordLine() + ": not an accounts file: the header lacks account_id");
                    return;
                }
                continue;
            }
            Map<String, Integer> c = columns;
            row(records.recordLine(), name -> {
                Integer i = c.get(name);
                return i == null || i >= fields.size() ? null : fields.get(i);
            });
        }
    }

    private void jsonLines(Reader reader) throws IOException {
        CsvRecords lines = new CsvRecords(reader, CanonicalCsvSource.MAX_RECORD_CHARS, false);
        while (true) {
            List<String> line;
            try {
                line = lines.next();
            } catch (CsvRecords.BadRecord e) {
                problem(path + "#" + lines.recordLine() + ": " + e.getMessage());
                continue;
            }
            if (line == null) {
                return;
            }
            JsonNode n;
            try {
                n = JsonInput.tree(line.get(0));
            } catch (JsonProcessingException e) {
                problem(path + "#" + lines.recordLine() + ": " + JsonInput.problem(e));
                continue;
            }
            if (n == null || !n.isObject()) {
                problem(path + "#" + lines.recordLine() + ": not a JSON object");
                continue;
            }
            row(lines.recordLine(), name -> {
                JsonNode v = n.get(name);
                return v == null || !v.isValueNode() || v.isNull() ? null : v.asText();
            });
        }
    }

    private void row(long line, Function<String, String> field) {
        String id = CanonicalPosts.blankToNull(field.apply("account_id"));
        if (id == null) {
            problem(path + "#" + line + ": no account_id");
            return;
        }
        String created = CanonicalPosts.blankToNull(field.apply("created_at"));
        Instant createdAt;
        try {
            createdAt = created == null ? null : CanonicalPosts.instant(created);
        } catch (IllegalArgumentException e) {
            problem(path + "#" + line + ": " + e.getMessage());
            return;
        }
        String name = CanonicalPosts.blankToNull(field.apply("name"));
        if (name == null) {
            name = CanonicalPosts.blankToNull(field.apply("account_name"));
        }
        String description = CanonicalPosts.blankToNull(field.apply("description"));
        byId.put(id, new Account(id, createdAt, name, description == null ? null : JsonInput.postText(description)));
    }

    private void problem(String p) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(p);
        } else {
            moreProblems++;
        }
    }
}
