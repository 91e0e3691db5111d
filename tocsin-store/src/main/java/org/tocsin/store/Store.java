package org.tocsin.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.tocsin.evidence.EvidenceRef;
import org.tocsin.signal.Signal;

/**
 * The knowledge store over JDBC: embedded H2 by default (a file in the user's data directory, nothing to set
 * up), PostgreSQL by URL for teams. Opening migrates the schema (Flyway, {@code db/migration}).
 *
 * <p>Each ingest is one transaction: the evidence, its findings, their signals and observables are all
 * committed or none is, so a crash mid-ingest leaves no half-written finding and loses nothing committed
 * before. Evidence is addressed by SHA-256 and ingesting it again is a no-op. One store, one thread.
 */
public final class Store implements AutoCloseable {
    /** Finding ids are UUIDv5 in this namespace over evidence, kind and subject: the same finding, the same id. */
    private static final UUID FINDINGS = UUID.fromString("6f3d1c2a-8a0e-5c55-9d7e-2b1f0c4e7a91");
    /**
     * Commits between compactions of an embedded H2 file. Each commit of an H2 file writes a new chunk of every
     * B-tree page it touched (a mail-like finding: about 250 KB) and H2 2.x reclaims the old ones only when the
     * database is compacted, so a long scan grew the file by gigabytes (a 100,000-observable ingest: 3.3 GB, of
     * which 42 MB live). Compacting every few thousand commits bounds the file to about a gigabyte of garbage at a
     * cost of a few seconds each time (docs/performance.md).
     */
    static final int COMPACT_EVERY = 4000;
    /** How long H2 may spend compacting when the database closes (its default, 200 ms, reclaims little). */
    static final int MAX_COMPACT_MILLIS = 5000;
    private final String url;
    private final String user;
    private final String password;
    private final boolean h2File;
    private Connection db;
    private int compactEvery = COMPACT_EVERY;
    private int sinceCompaction;

    private Store(String url, String user, String password) throws SQLException {
        this.url = url;
        this.user = user;
        this.password = password;
        this.h2File = isH2File(url);
        this.db = connect(url, user, password);
    }

    /** Opens (creating and migrating as needed) the store at a JDBC URL; any failure, migration included, is an SQLException. */
    public static Store open(String url, String user, String password) throws SQLException {
        String jdbcUrl = durable(url);
        try {
            Flyway.configure().dataSource(jdbcUrl, user, password).locations("classpath:db/migration").load().migrate();
        } catch (FlywayException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause(); // Flyway's own message is a multi-line report; its cause says it in one
            }
            throw new SQLException(root.getMessage(), e);
        }
        return new Store(url, user, password);
    }

    /**
     * A plain connection (autoCommit off) to a store that {@link #open} has migrated: for servers that give each
     * request a connection of its own. The URL is made durable as {@link #open} makes it.
     */
    public static Connection connect(String url, String user, String password) throws SQLException {
        Connection c = DriverManager.getConnection(durable(url), user, password);
        c.setAutoCommit(false);
        return c;
    }

    /** The JDBC URL a connection to the store at {@code url} is opened with (as {@link #connect} opens it), for a pool. */
    public static String connectionUrl(String url) {
        return durable(url);
    }

    /**
     * H2 writes committed transactions to disk in the background (WRITE_DELAY, 500 ms by default): a killed
     * process loses the last commits. A store must not, so file databases flush on every commit
     * (CrashIngestTest kills a writer to check it).
     */
    static String durable(String url) {
        return isH2File(url) && !url.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY")
                ? url + ";WRITE_DELAY=0;MAX_COMPACT_TIME=" + MAX_COMPACT_MILLIS : url;
    }

    private static boolean isH2File(String url) {
        return url.startsWith("jdbc:h2:file:") || (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")
                && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:"));
    }

    /** For tests: compact an H2 file after this many commits (so that a crash test also kills compactions). */
    void compactEvery(int commits) {
        this.compactEvery = commits;
    }

    /** After each write's commit: an H2 file is compacted every {@link #COMPACT_EVERY} commits. */
    private void committed() throws SQLException {
        if (h2File && ++sinceCompaction >= compactEvery) {
            compact();
            db = connect(url, user, password);
        }
    }

    /**
     * Closes this store's connection so that H2, closing the database behind it, compacts the file for up to
     * MAX_COMPACT_TIME (set on the URL): only when this store's is the only session, so a server's other
     * connections are never cut. (H2's SHUTDOWN COMPACT rewrites the file whole but left it unreadable in tests:
     * "Double mark", h2database#2752.)
     */
    private void compact() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            rs.next();
            if (rs.getInt(1) > 1) {
                db.rollback();
                return;
            }
        }
        db.rollback();
        sinceCompaction = 0;
        db.close();
    }

    /**
     * Refreshes the planner's statistics of the store's tables. PostgreSQL's autovacuum does it some time after a
     * bulk load, when it runs at all (it was off on the machine the benchmarks ran on); until then a query for
     * everything linked to a domain, planned without statistics, scanned every link (114 s instead of 0.3 ms).
     * Scans call it after storing much.
     */
    public void analyze() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("ANALYZE");
        }
        db.commit();
    }

    /** The embedded default: {@code $XDG_DATA_HOME/tocsin/tocsin} (or {@code ~/.local/share/tocsin/tocsin}), an H2 file. */
    public static String defaultUrl() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return "jdbc:h2:file:" + base.resolve("tocsin").resolve("tocsin").toAbsolutePath();
    }

    /**
     * Stores a piece of evidence arriving now, TLP:AMBER, with what was found in it.
     *
     * @return false when this evidence (by SHA-256) was already stored: nothing is changed
     */
    public boolean ingest(EvidenceRef evidence, String kind, List<Finding> findings) throws SQLException {
        return ingest(Evidence.now(evidence, kind, Tlp.AMBER), findings);
    }

    /**
     * Stores a piece of evidence with what was found in it, in one transaction.
     *
     * @return false when this evidence (by SHA-256) was already stored: nothing is changed
     */
    public boolean ingest(Evidence evidence, List<Finding> findings) throws SQLException {
        String sha256 = evidence.ref().sha256();
        try {
            if (exists(sha256)) {
                db.rollback();
                return false;
            }
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT INTO evidence (sha256, source, size_bytes, kind, ingested_at, tlp) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, sha256);
                ps.setString(2, evidence.ref().source());
                ps.setLong(3, evidence.ref().size());
                ps.setString(4, evidence.kind());
                ps.setTimestamp(5, Timestamp.from(evidence.ingestedAt()));
                ps.setString(6, evidence.tlp().word());
                ps.executeUpdate();
            }
            for (Finding f : findings) {
                insertFinding(sha256, f);
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        }
        committed();
        return true;
    }

    /**
     * Keeps a known indicator (its observable too, so {@code links} finds it).
     *
     * @return false when an indicator with this id is already kept: nothing is changed
     */
    public boolean addIndicator(StoredIndicator i) throws SQLException {
        try {
            if (!rows("SELECT 1 FROM indicator WHERE id = ?", rs -> 1, i.id()).isEmpty()) {
                db.rollback();
                return false;
            }
            insertObservables(List.of(i.observable()));
            try (PreparedStatement ps = db.prepareStatement("INSERT INTO indicator (id, observable_id, actor, confidence, source,"
                    + " note, techniques, tlp, added_at, stix_origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, i.id());
                ps.setString(2, i.observable().stixId());
                ps.setString(3, i.actor());
                ps.setString(4, i.confidence());
                ps.setString(5, i.source());
                ps.setString(6, i.note());
                ps.setString(7, String.join(",", i.techniques()));
                ps.setString(8, i.tlp().word());
                ps.setTimestamp(9, Timestamp.from(i.addedAt()));
                ps.setBoolean(10, i.stixOrigin());
                ps.executeUpdate();
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        }
        committed();
        return true;
    }

    /** Every kept indicator, oldest first. */
    public List<StoredIndicator> indicators() throws SQLException {
        return indicatorsWhere("", new String[0]);
    }

    /** The kept indicators on one observable. */
    public List<StoredIndicator> indicatorsOn(Observable o) throws SQLException {
        return indicatorsWhere(" WHERE i.observable_id = ?", new String[] {o.stixId()});
    }

    private List<StoredIndicator> indicatorsWhere(String where, String[] args) throws SQLException {
        List<StoredIndicator> out = rows("SELECT i.id, o.type, o.obs_value, i.actor, i.confidence, i.source, i.note, i.techniques,"
                + " i.tlp, i.added_at, i.stix_origin FROM indicator i JOIN observable o ON o.id = i.observable_id" + where
                + " ORDER BY i.added_at, i.id", rs -> new StoredIndicator(rs.getString(1), new Observable(rs.getString(2),
                rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8).isEmpty() ? List.of() : List.of(rs.getString(8).split(",")), Tlp.parse(rs.getString(9)),
                rs.getTimestamp(10).toInstant(), rs.getBoolean(11)), args);
        db.rollback();
        return out;
    }

    private boolean exists(String sha256) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT 1 FROM evidence WHERE sha256 = ?")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void insertFinding(String sha256, Finding f) throws SQLException {
        String id = StixIds.uuid5(FINDINGS, sha256 + "\n" + f.kind() + "\n" + f.subject()).toString();
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO finding (id, evidence_sha256, kind, subject, verdict,"
                + " score, confidence) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, sha256);
            ps.setString(3, f.kind());
            ps.setString(4, f.subject());
            ps.setString(5, f.verdict());
            ps.setDouble(6, f.score());
            ps.setString(7, f.confidence());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO finding_signal (finding_id, position, signal_id, weight,"
                + " evidence, technique) VALUES (?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (Signal s : f.signals()) {
                ps.setString(1, id);
                ps.setInt(2, position++);
                ps.setString(3, s.id());
                ps.setDouble(4, s.weight());
                ps.setString(5, s.evidence());
                ps.setString(6, s.technique());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        Map<String, Observable> distinct = new LinkedHashMap<>();
        for (Observable o : f.observables()) {
            distinct.putIfAbsent(o.stixId(), o);
        }
        insertObservables(distinct.values());
        // the finding is new in this transaction (its evidence was absent), so each link is too: plain inserts, batched
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO finding_observable (finding_id, observable_id) VALUES (?, ?)")) {
            for (String oid : distinct.keySet()) {
                ps.setString(1, id);
                ps.setString(2, oid);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Inserts each observable unless another finding brought it already (portable: no MERGE, no ON CONFLICT), in one batch. */
    private void insertObservables(Iterable<Observable> observables) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO observable (id, type, obs_value) SELECT ?, ?, ?"
                + " WHERE NOT EXISTS (SELECT 1 FROM observable WHERE id = ?)")) {
            for (Observable o : observables) {
                String oid = o.stixId();
                ps.setString(1, oid);
                ps.setString(2, o.type());
                ps.setString(3, o.value());
                ps.setString(4, oid);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Every finding that saw this observable. */
    public List<StoredFinding> findingsWith(Observable o) throws SQLException {
        return query("SELECT f.id, f.evidence_sha256, f.kind, f.subject, f.verdict, f.score FROM finding f"
                + " JOIN finding_observable fo ON fo.finding_id = f.id WHERE fo.observable_id = ? ORDER BY f.id", o.stixId());
    }

    /**
     * Everything linked to an observable: the findings that saw it, and the other findings that share any
     * observable with those (one hop, as an analyst pivots). Two indexed queries, whatever the store's size.
     */
    public Linked everythingLinkedTo(Observable o) throws SQLException {
        List<StoredFinding> direct = rows("SELECT f.id, f.evidence_sha256, f.kind, f.subject, f.verdict, f.score FROM finding f"
                + " JOIN finding_observable fo ON fo.finding_id = f.id WHERE fo.observable_id = ? ORDER BY f.id", Store::finding, o.stixId());
        List<StoredFinding> linked = rows("SELECT DISTINCT f.id, f.evidence_sha256, f.kind, f.subject, f.verdict, f.score FROM finding_observable seen"
                + " JOIN finding_observable mine ON mine.finding_id = seen.finding_id"
                + " JOIN finding_observable other ON other.observable_id = mine.observable_id AND other.finding_id <> seen.finding_id"
                + " JOIN finding f ON f.id = other.finding_id"
                + " WHERE seen.observable_id = ? AND NOT EXISTS (SELECT 1 FROM finding_observable d WHERE d.finding_id = f.id"
                + " AND d.observable_id = ?) ORDER BY f.id", Store::finding, o.stixId(), o.stixId());
        db.rollback();
        return new Linked(direct, linked);
    }

    /** The findings that saw an observable, and those linked to them by another shared observable. */
    public record Linked(List<StoredFinding> direct, List<StoredFinding> linked) {
    }

    private static StoredFinding finding(ResultSet rs) throws SQLException {
        return new StoredFinding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getDouble(6));
    }

    /** The other findings that share at least one observable with this one: the links between cases. */
    public List<StoredFinding> linkedTo(String findingId) throws SQLException {
        return query("SELECT DISTINCT f.id, f.evidence_sha256, f.kind, f.subject, f.verdict, f.score FROM finding f"
                + " JOIN finding_observable other ON other.finding_id = f.id"
                + " JOIN finding_observable mine ON mine.observable_id = other.observable_id"
                + " WHERE mine.finding_id = ? AND f.id <> ? ORDER BY f.id", findingId, findingId);
    }

    /** The findings stored for a piece of evidence. */
    public List<StoredFinding> findingsOf(String evidenceSha256) throws SQLException {
        return query("SELECT id, evidence_sha256, kind, subject, verdict, score FROM finding WHERE evidence_sha256 = ?"
                + " ORDER BY id", evidenceSha256);
    }

    /** Every finding with its signals and observables, oldest evidence first: what an export writes. */
    public List<ExportedFinding> exportAll() throws SQLException {
        List<ExportedFinding> out = new ArrayList<>();
        String sql = "SELECT f.id, f.evidence_sha256, f.kind, f.subject, f.verdict, f.score, f.confidence, e.source,"
                + " e.ingested_at, e.size_bytes, e.kind, e.tlp FROM finding f JOIN evidence e ON e.sha256 = f.evidence_sha256"
                + " ORDER BY e.ingested_at, f.id";
        try (PreparedStatement ps = db.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                StoredFinding f = new StoredFinding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getDouble(6));
                Evidence e = new Evidence(new EvidenceRef(rs.getString(8), f.evidenceSha256(), rs.getLong(10)),
                        rs.getString(11), Tlp.parse(rs.getString(12)), rs.getTimestamp(9).toInstant());
                out.add(new ExportedFinding(f, rs.getString(7), e, signalsOf(f.id()), observablesOf(f.id())));
            }
        }
        db.rollback();
        return out;
    }

    private List<Signal> signalsOf(String findingId) throws SQLException {
        return rows("SELECT signal_id, weight, evidence, technique FROM finding_signal WHERE finding_id = ? ORDER BY position",
                rs -> new Signal(rs.getString(1), rs.getDouble(2), rs.getString(3), rs.getString(4)), findingId);
    }

    private List<Observable> observablesOf(String findingId) throws SQLException {
        return rows("SELECT o.type, o.obs_value FROM observable o JOIN finding_observable fo ON fo.observable_id = o.id"
                + " WHERE fo.finding_id = ? ORDER BY o.id", rs -> new Observable(rs.getString(1), rs.getString(2)), findingId);
    }

    /** Rows in a table of the store (for summaries and tests). */
    public long count(Table table) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT COUNT(*) FROM " + table.sqlName());
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            long n = rs.getLong(1);
            db.rollback(); // end the read transaction
            return n;
        }
    }

    /** The tables a caller may count. */
    public enum Table {
        EVIDENCE, FINDING, FINDING_SIGNAL, OBSERVABLE, FINDING_OBSERVABLE, INDICATOR, STIX_OBJECT;

        String sqlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A read that ends its transaction: for the public queries. */
    private List<StoredFinding> query(String sql, String... args) throws SQLException {
        List<StoredFinding> out = rows(sql, Store::finding, args);
        db.rollback();
        return out;
    }

    /** One row of a result, read into a value. */
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> rows(String sql, Row<T> row, String... args) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
        }
        return out;
    }

    /**
     * This store's connection, for the tables that the sharing packages keep beside the store's own (STIX objects per
     * TAXII collection: {@code org.tocsin.store.stix.StixObjects}). One store, one thread: the caller uses it in
     * between the store's own calls, never at the same time.
     */
    public Connection connection() {
        return db;
    }

    @Override
    public void close() throws SQLException {
        if (h2File && sinceCompaction > 0) {
            compact(); // leave the file without the dead chunks this session's commits made
        }
        if (!db.isClosed()) {
            db.close();
        }
    }
}
