package org.tocsin.store.stix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.tocsin.input.JsonLimits;
import org.tocsin.store.ImportSummary;
import org.tocsin.store.StixIds;
import org.tocsin.store.Store;

/**
 * STIX objects per TAXII collection, every version, in the {@code stix_object} table: what the TAXII server serves
 * and receives, and what STIX imports keep. Portable SQL (H2 and PostgreSQL) over a connection the caller owns.
 *
 * <p>Versions. An object's version is its {@code modified}, else its {@code created} (TAXII 2.1 §3.6), kept as
 * written; two spellings of one instant are one version. An object with neither (most SCOs) is versioned by
 * content: its version is the {@code date_added} of the first time this content arrived, and adding it again
 * unchanged adds nothing, so republishing the same observables is free while a changed one becomes a new version.
 *
 * <p>Transactions. Each {@link #add} is one transaction, taken after the store-wide STIX write lock so that
 * {@code seq} grows in commit order (pagination by seq then never skips a row) and {@code date_added} strictly
 * grows within a collection; each object in it has a savepoint of its own, so one the database refuses is rejected
 * alone. Reads end their transaction before returning. Not for use by two threads at once.
 *
 * <p>Identifiers. Ids are kept and compared as STIX identifiers ({@link StixIds#canonical}: the UUID in lower case,
 * as RFC 4122 writes it), so either spelling finds an object; its body is kept as received.
 */
public final class StixObjects {
    /** Reads bodies back exactly as entry points read them (JsonLimits), objects from before the limits included. */
    private static final ObjectMapper JSON = JsonLimits.storedMapper();
    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{1,248}[a-z0-9]");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Column widths of V2: longer values are refused with a message rather than failing the whole add. */
    private static final int MAX_TYPE = 64;
    private static final int MAX_COLLECTION = 64;
    private static final Set<String> ORIGINS = Set.of("tocsin", "foreign");
    private static final String COLUMNS = "o.seq, o.version_key, o.id, o.type, o.spec_version, o.version, o.tlp, o.origin,"
            + " o.date_added";
    private final Connection db;

    /** Works on this connection; the caller owns it (and closes it). */
    public StixObjects(Connection c) {
        this.db = c;
    }

    /**
     * What to read: TAXII's filters. Empty lists filter nothing; {@code versions} holds {@code last}, {@code first},
     * {@code all} or STIX timestamps (empty means all); {@code next} is a value a previous page gave, or null.
     * {@code withRed} false leaves out every TLP:RED object as if it did not exist (what a partner may see).
     */
    public record Query(Instant addedAfter, List<String> ids, List<String> types, List<String> versions,
                        List<String> specVersions, int limit, String next, boolean withRed) {
        public Query {
            ids = ids.stream().map(StixIds::canonicalOrSelf).toList(); // the column holds canonical ids
            types = List.copyOf(types);
            versions = List.copyOf(versions);
            specVersions = List.copyOf(specVersions);
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be a positive number, not " + limit);
            }
            for (String v : versions) {
                if (!v.equals("last") && !v.equals("first") && !v.equals("all")) {
                    StixTimestamps.parse(v); // says what is wrong with it
                }
            }
        }

        /** The latest version of everything, as many as there are. */
        public static Query latest(boolean withRed) {
            return new Query(null, List.of(), List.of(), List.of("last"), List.of(), Integer.MAX_VALUE, null, withRed);
        }

        public Query withAddedAfter(Instant t) {
            return new Query(t, ids, types, versions, specVersions, limit, next, withRed);
        }

        public Query withIds(List<String> values) {
            return new Query(addedAfter, values, types, versions, specVersions, limit, next, withRed);
        }

        public Query withTypes(List<String> values) {
            return new Query(addedAfter, ids, values, versions, specVersions, limit, next, withRed);
        }

        public Query withVersions(List<String> values) {
            return new Query(addedAfter, ids, types, values, specVersions, limit, next, withRed);
        }

        public Query withSpecVersions(List<String> values) {
            return new Query(addedAfter, ids, types, versions, values, limit, next, withRed);
        }

        public Query withLimit(int n) {
            return new Query(addedAfter, ids, types, versions, specVersions, n, next, withRed);
        }

        public Query withNext(String token) {
            return new Query(addedAfter, ids, types, versions, specVersions, limit, token, withRed);
        }
    }

    /** One page of a read: {@code next} (null when {@code more} is false) asks for the page after it. */
    public record Page<T>(List<T> items, boolean more, String next) {
        public Page {
            items = List.copyOf(items);
        }
    }

    /**
     * Adds objects to a collection in one transaction. Each is checked (a STIX type, an id {@code type--UUID},
     * spec_version 2.1 when given, STIX timestamps in created and modified): one that fails is rejected with the
     * reason and the rest go on; a version already in the collection is skipped.
     *
     * @param origin {@code tocsin} for what Tocsin made, {@code foreign} for what it received
     */
    public AddResult add(String collectionId, List<JsonNode> objects, String origin) throws SQLException {
        if (!ORIGINS.contains(origin)) {
            throw new IllegalArgumentException("origin is tocsin or foreign, not " + origin);
        }
        if (collectionId.isEmpty() || collectionId.length() > MAX_COLLECTION) {
            throw new IllegalArgumentException("a collection id has 1 to " + MAX_COLLECTION + " characters: " + collectionId);
        }
        return write(() -> {
            try (PreparedStatement ps = db.prepareStatement("SELECT id FROM stix_write_lock WHERE id = 1 FOR UPDATE");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
            AddedClock clock = new AddedClock(lastAdded(collectionId));
            Map<String, String> defined = tlpDefinitionsIn(objects);
            List<AddResult.Outcome> outcomes = new ArrayList<>(objects.size());
            for (JsonNode o : objects) {
                outcomes.add(addOwnUnit(collectionId, o, origin, defined, clock));
            }
            return new AddResult(outcomes);
        });
    }

    /**
     * The TLP level an object is marked with: {@code none}, {@code clear} (TLP 1.0 white too), {@code green},
     * {@code amber}, {@code amber+strict} or {@code red}; the most restrictive of its object and granular markings.
     * Known are the STIX 2.1 TLP 1.0 and the OASIS TLP 2.0 marking definitions; a marking definition that itself
     * defines a TLP level is at that level (a TLP:RED definition is red).
     */
    public static String tlpOf(JsonNode object) {
        return TlpMarkings.levelOf(object, Map.of());
    }

    /**
     * The object versions of a collection that the query selects ({@link Query#latest}: the latest version of
     * each), in the order they were added; {@code next} continues after the last one even if others were added since.
     */
    public Page<StoredObject> objects(String collectionId, Query q) throws SQLException {
        return read(() -> byAddition(collectionId, q, true, StoredObject::new));
    }

    /** The manifest: the same selection as {@link #objects}, without the bodies. */
    public Page<ManifestEntry> manifest(String collectionId, Query q) throws SQLException {
        return read(() -> byAddition(collectionId, q, false, (entry, body) -> entry));
    }

    /**
     * The versions of one object, oldest version first; honours {@code addedAfter}, {@code specVersions},
     * {@code limit}, {@code next} and {@code withRed}.
     */
    public Page<ManifestEntry> versions(String collectionId, String id, Query q) throws SQLException {
        return read(() -> {
            Sql sql = new Sql("SELECT " + COLUMNS + " FROM stix_object o WHERE o.collection_id = ? AND o.id = ?", collectionId,
                    StixIds.canonicalOrSelf(id));
            String after = cursor(q.next(), 'v');
            if (after != null) {
                sql.add(" AND o.version_key > ?", after);
            }
            if (q.addedAfter() != null) {
                sql.add(" AND o.date_added > ?", StixTimestamps.toColumn(q.addedAfter()));
            }
            visible(sql, "o", q);
            sql.add(" ORDER BY o.version_key LIMIT ?", q.limit() + 1L);
            List<Row<ManifestEntry>> rows = rows(sql, false, (entry, body) -> entry);
            return page(rows, q.limit(), r -> "v" + r.versionKey());
        });
    }

    /** Whether the collection holds any version of this object that the query's {@code withRed} lets one see. */
    public boolean contains(String collectionId, String id, boolean withRed) throws SQLException {
        return read(() -> {
            Sql sql = new Sql("SELECT 1 FROM stix_object o WHERE o.collection_id = ? AND o.id = ?", collectionId,
                    StixIds.canonicalOrSelf(id));
            visible(sql, "o", Query.latest(withRed));
            try (PreparedStatement ps = sql.prepare(db); ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    /**
     * Deletes the versions of one object that the query's {@code versions} and {@code specVersions} select (all when
     * empty) and that {@code withRed} lets one see, in one transaction.
     *
     * @return how many versions were deleted
     */
    public int delete(String collectionId, String id, Query q) throws SQLException {
        return write(() -> {
            Sql sql = new Sql("DELETE FROM stix_object WHERE seq IN (SELECT o.seq FROM stix_object o"
                    + " WHERE o.collection_id = ? AND o.id = ?", collectionId, StixIds.canonicalOrSelf(id));
            visible(sql, "o", q);
            versionFilter(sql, q);
            sql.add(")");
            try (PreparedStatement ps = sql.prepare(db)) {
                return ps.executeUpdate();
            }
        });
    }

    /**
     * The latest version of every object received from elsewhere (origin {@code foreign}), across all collections,
     * once each, in the order they were added. TLP:RED objects are included: a caller exporting to partners filters
     * with {@link #tlpOf}.
     */
    public List<JsonNode> latestForeign() throws SQLException {
        return read(() -> {
            Sql sql = new Sql("SELECT o.body FROM stix_object o WHERE o.origin = 'foreign' AND NOT EXISTS (SELECT 1"
                    + " FROM stix_object n WHERE n.id = o.id AND n.origin = 'foreign' AND (n.version_key > o.version_key"
                    + " OR (n.version_key = o.version_key AND n.seq < o.seq))) ORDER BY o.seq");
            List<JsonNode> out = new ArrayList<>();
            try (PreparedStatement ps = sql.prepare(db); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(parse(rs.getString(1)));
                }
            }
            return out;
        });
    }

    // ---- adding

    /**
     * One object's add under a savepoint: one the database refuses (PostgreSQL's text holds no NUL character, say) is
     * rejected with the database's reason and rolled back alone, and the objects after it still go in. A lost
     * connection ends the add (its transaction is gone).
     */
    private AddResult.Outcome addOwnUnit(String collectionId, JsonNode o, String origin, Map<String, String> defined,
                                         AddedClock clock) throws SQLException {
        Savepoint before = db.setSavepoint();
        try {
            AddResult.Outcome outcome = addOne(collectionId, o, origin, defined, clock);
            db.releaseSavepoint(before);
            return outcome;
        } catch (SQLException e) {
            if (Store.connectionLost(e)) {
                throw e;
            }
            db.rollback(before);
            String id = o.path("id").isTextual() ? o.path("id").asText() : "";
            return new AddResult.Outcome(id, statedVersion(o), AddResult.Kind.REJECTED, "the store refused it: "
                    + ImportSummary.reason(e));
        }
    }

    private AddResult.Outcome addOne(String collectionId, JsonNode o, String origin, Map<String, String> defined,
                                     AddedClock clock) throws SQLException {
        String id = o.path("id").isTextual() ? o.path("id").asText() : "";
        String stated = statedVersion(o);
        String problem = problemWith(o);
        if (problem != null) {
            return new AddResult.Outcome(id, stated, AddResult.Kind.REJECTED, problem);
        }
        String key = StixIds.canonical(id); // the id as the store keeps and compares it; the status repeats the client's
        if (stated != null) {
            String versionKey = StixTimestamps.key(StixTimestamps.parse(stated));
            if (hasVersion(collectionId, key, versionKey)) {
                return new AddResult.Outcome(id, stated, AddResult.Kind.ALREADY_PRESENT, "this version is in the collection already");
            }
            insert(collectionId, key, o, origin, stated, versionKey, defined, clock.next());
            return new AddResult.Outcome(id, stated, AddResult.Kind.ADDED, "added");
        }
        String[] latest = latestVersionAndBody(collectionId, key);
        if (latest != null && parse(latest[1]).equals(o)) {
            return new AddResult.Outcome(id, latest[0], AddResult.Kind.ALREADY_PRESENT,
                    "the same object is in the collection already (no created or modified: versioned by content)");
        }
        Instant added = clock.next();
        String version = StixTimestamps.micros(added);
        insert(collectionId, key, o, origin, version, StixTimestamps.key(added), defined, added);
        return new AddResult.Outcome(id, version, AddResult.Kind.ADDED, "added (no created or modified: versioned by date added)");
    }

    private static String statedVersion(JsonNode o) {
        for (String field : List.of("modified", "created")) {
            if (o.path(field).isTextual()) {
                return o.path(field).asText();
            }
        }
        return null;
    }

    /** The minimal checks that make an object storable and servable; null when it passes. */
    static String problemWith(JsonNode o) {
        if (!o.isObject()) {
            return "not a JSON object";
        }
        JsonNode type = o.path("type");
        if (!type.isTextual() || !TYPE.matcher(type.asText()).matches() || type.asText().contains("--")) {
            return "type must be a STIX type name (3 to 250 of a-z, 0-9 and single hyphens), not " + type;
        }
        if (type.asText().length() > MAX_TYPE) {
            return "type longer than " + MAX_TYPE + " characters: the store does not keep it";
        }
        JsonNode id = o.path("id");
        String prefix = type.asText() + "--";
        if (!id.isTextual() || !id.asText().startsWith(prefix) || !UUID.matcher(id.asText().substring(prefix.length())).matches()) {
            return "id must be " + prefix + "<UUID>, not " + id;
        }
        String refs = TlpMarkings.problemWithRefs(o); // a marking unread would be no marking: a red object shared
        if (refs != null) {
            return refs;
        }
        int depth = JsonLimits.depth(o);
        if (depth > JsonLimits.MAX_OBJECT_DEPTH) {
            return "nests " + depth + " levels, more than the " + JsonLimits.MAX_OBJECT_DEPTH + " an object in a bundle may"
                    + " (an export of it would not import)";
        }
        JsonNode spec = o.path("spec_version");
        if (!spec.isMissingNode() && !(spec.isTextual() && spec.asText().equals("2.1"))) {
            return "spec_version " + spec + ": STIX 2.1 objects only";
        }
        for (String field : List.of("created", "modified")) {
            JsonNode t = o.path(field);
            if (t.isMissingNode()) {
                continue;
            }
            try {
                StixTimestamps.parse(t.isTextual() ? t.asText() : t.toString());
            } catch (IllegalArgumentException e) {
                return field + ": " + e.getMessage();
            }
        }
        String empty = EmptyLists.firstIn(o);
        if (empty != null) {
            return "empty list at " + empty + ": STIX forbids empty lists (leave the property out)";
        }
        return null;
    }

    /** Marking definitions in this add that define a TLP level under an id of their own. */
    private static Map<String, String> tlpDefinitionsIn(List<JsonNode> objects) {
        Map<String, String> defined = new HashMap<>();
        for (JsonNode o : objects) {
            String level = TlpMarkings.definedLevel(o);
            if (level != null && o.path("id").isTextual()) {
                defined.put(StixIds.canonicalOrSelf(o.path("id").asText()), level);
            }
        }
        return defined;
    }

    private boolean hasVersion(String collectionId, String id, String key) throws SQLException {
        Sql sql = new Sql("SELECT 1 FROM stix_object WHERE collection_id = ? AND id = ? AND version_key = ?", collectionId, id, key);
        try (PreparedStatement ps = sql.prepare(db); ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    /** The latest stored version of an object and its body, or null. */
    private String[] latestVersionAndBody(String collectionId, String id) throws SQLException {
        Sql sql = new Sql("SELECT version, body FROM stix_object WHERE collection_id = ? AND id = ?"
                + " ORDER BY version_key DESC LIMIT 1", collectionId, id);
        try (PreparedStatement ps = sql.prepare(db); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
        }
    }

    private Instant lastAdded(String collectionId) throws SQLException {
        try (PreparedStatement ps = new Sql("SELECT MAX(date_added) FROM stix_object WHERE collection_id = ?", collectionId)
                .prepare(db); ResultSet rs = ps.executeQuery()) {
            rs.next();
            LocalDateTime t = rs.getObject(1, LocalDateTime.class);
            return t == null ? Instant.EPOCH : StixTimestamps.fromColumn(t);
        }
    }

    private void insert(String collectionId, String id, JsonNode o, String origin, String version, String key,
                        Map<String, String> defined, Instant added) throws SQLException {
        Sql sql = new Sql("INSERT INTO stix_object (collection_id, id, type, spec_version, version, version_key, tlp, origin,"
                + " date_added, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", collectionId, id,
                o.get("type").asText(), o.path("spec_version").asText("2.1"), version, key, TlpMarkings.levelOf(o, defined),
                origin, StixTimestamps.toColumn(added), write(o));
        try (PreparedStatement ps = sql.prepare(db)) {
            ps.executeUpdate();
        }
    }

    /**
     * Hands out date_added values: now, but always later than the last one in the collection, so that a client
     * polling with added_after never misses an object stored in the same microsecond as the last one it saw.
     */
    private static final class AddedClock {
        private Instant last;

        AddedClock(Instant last) {
            this.last = last;
        }

        Instant next() {
            Instant now = StixTimestamps.nowMicros();
            last = now.isAfter(last) ? now : last.plusNanos(1_000);
            return last;
        }
    }

    // ---- reading

    /** A row read, with what paging needs beside the value. */
    private record Row<T>(long seq, String versionKey, T value) {
    }

    /** Builds the value of a row from its manifest entry and its body (null when bodies were not read). */
    private interface RowValue<T> {
        T of(ManifestEntry entry, JsonNode body);
    }

    /** Objects and manifests: ordered by seq (the order of addition), paged by seq. */
    private <T> Page<T> byAddition(String collectionId, Query q, boolean bodies, RowValue<T> value) throws SQLException {
        Sql sql = new Sql("SELECT " + COLUMNS + (bodies ? ", o.body" : "") + " FROM stix_object o WHERE o.collection_id = ?",
                collectionId);
        String after = cursor(q.next(), 'o');
        if (after != null) {
            sql.add(" AND o.seq > ?", parseSeq(after));
        }
        if (q.addedAfter() != null) {
            sql.add(" AND o.date_added > ?", StixTimestamps.toColumn(q.addedAfter()));
        }
        sql.in("o.id", q.ids());
        sql.in("o.type", q.types());
        visible(sql, "o", q);
        versionFilter(sql, q);
        sql.add(" ORDER BY o.seq LIMIT ?", q.limit() + 1L);
        return page(rows(sql, bodies, value), q.limit(), r -> "o" + r.seq());
    }

    /** What every read applies to every row it considers, in subqueries too: TLP:RED and spec_version. */
    private static void visible(Sql sql, String alias, Query q) {
        if (!q.withRed()) {
            sql.add(" AND " + alias + ".tlp <> ?", TlpMarkings.RED);
        }
        sql.in(alias + ".spec_version", q.specVersions());
    }

    /** match[version]: last and first among the versions the caller may see; a timestamp names one version. */
    private static void versionFilter(Sql sql, Query q) {
        if (q.versions().isEmpty() || q.versions().contains("all")) {
            return;
        }
        sql.add(" AND (");
        String or = "";
        for (String v : q.versions()) {
            sql.add(or);
            or = " OR ";
            if (v.equals("last") || v.equals("first")) {
                sql.add("NOT EXISTS (SELECT 1 FROM stix_object n WHERE n.collection_id = o.collection_id AND n.id = o.id"
                        + " AND n.version_key " + (v.equals("last") ? ">" : "<") + " o.version_key");
                visible(sql, "n", q);
                sql.add(")");
            } else {
                sql.add("o.version_key = ?", StixTimestamps.key(StixTimestamps.parse(v)));
            }
        }
        sql.add(")");
    }

    private <T> List<Row<T>> rows(Sql sql, boolean bodies, RowValue<T> value) throws SQLException {
        List<Row<T>> out = new ArrayList<>();
        try (PreparedStatement ps = sql.prepare(db); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ManifestEntry entry = new ManifestEntry(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), StixTimestamps.fromColumn(rs.getObject(9, LocalDateTime.class)));
                out.add(new Row<>(rs.getLong(1), rs.getString(2), value.of(entry, bodies ? parse(rs.getString(10)) : null)));
            }
        }
        return out;
    }

    /** A token saying where the page ended. */
    private interface Cursor<T> {
        String after(Row<T> last);
    }

    private static <T> Page<T> page(List<Row<T>> rows, int limit, Cursor<T> cursor) {
        boolean more = rows.size() > limit;
        List<Row<T>> kept = more ? rows.subList(0, limit) : rows;
        String next = more ? Base64.getUrlEncoder().withoutPadding()
                .encodeToString(cursor.after(kept.get(kept.size() - 1)).getBytes(StandardCharsets.UTF_8)) : null;
        return new Page<>(kept.stream().map(Row::value).toList(), more, next);
    }

    /** The position a next token holds, for the kind of page it was given by; null when there is no token. */
    private static String cursor(String next, char kind) {
        if (next == null) {
            return null;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(next), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            text = "";
        }
        if (text.length() < 2 || text.charAt(0) != kind) {
            throw new IllegalArgumentException("next " + next + " is not a value this server gave for this resource");
        }
        return text.substring(1);
    }

    private static long parseSeq(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("next is not a value this server gave", e);
        }
    }

    // ---- plumbing

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored STIX object is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(JsonNode o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Work on the connection that may throw SQLException. */
    private interface Work<T> {
        T run() throws SQLException;
    }

    /** One transaction: committed when the work returns, rolled back when it throws. */
    private <T> T write(Work<T> work) throws SQLException {
        boolean auto = db.getAutoCommit();
        if (auto) {
            db.setAutoCommit(false);
        }
        try {
            T result = work.run();
            db.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            if (auto) {
                db.setAutoCommit(true);
            }
        }
    }

    /** A read that leaves no transaction open behind it. */
    private <T> T read(Work<T> work) throws SQLException {
        try {
            return work.run();
        } finally {
            if (!db.getAutoCommit()) {
                db.rollback();
            }
        }
    }

    /** SQL text with its parameters, built in step. */
    private static final class Sql {
        private final StringBuilder text;
        private final List<Object> params = new ArrayList<>();

        Sql(String text, Object... params) {
            this.text = new StringBuilder(text);
            this.params.addAll(List.of(params));
        }

        Sql add(String fragment, Object... values) {
            text.append(fragment);
            params.addAll(List.of(values));
            return this;
        }

        /** {@code AND column IN (…)}, or nothing for no values. */
        Sql in(String column, List<String> values) {
            if (!values.isEmpty()) {
                text.append(" AND ").append(column).append(" IN (").append("?, ".repeat(values.size() - 1)).append("?)");
                params.addAll(values);
            }
            return this;
        }

        PreparedStatement prepare(Connection c) throws SQLException {
            PreparedStatement ps = c.prepareStatement(text.toString());
            try {
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
            } catch (SQLException e) {
                ps.close();
                throw e;
            }
            return ps;
        }
    }
}
