package org.tocsin.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    private final Connection db;

    private Store(Connection db) {
        this.db = db;
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
        return new Store(connect(url, user, password));
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

    /**
     * H2 writes committed transactions to disk in the background (WRITE_DELAY, 500 ms by default): a killed
     * process loses the last commits. A store must not, so file databases flush on every commit
     * (CrashIngestTest kills a writer to check it).
     */
    static String durable(String url) {
        boolean h2File = url.startsWith("jdbc:h2:file:") || (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")
                && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:"));
        return h2File && !url.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY") ? url + ";WRITE_DELAY=0" : url;
    }

    /** The embedded default: {@code $XDG_DATA_HOME/tocsin/tocsin} (or {@code ~/.local/share/tocsin/tocsin}), an H2 file. */
    public static String defaultUrl() {
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return "jdbc:h2:file:" + base.resolve("tocsin").resolve("tocsin").toAbsolutePath();
    }

    /**
     * Stores a piece of evidence with what was found in it.
     *
     * @return false when this evidence (by SHA-256) was already stored: nothing is changed
     */
    public boolean ingest(EvidenceRef evidence, String kind, List<Finding> findings) throws SQLException {
        try {
            if (exists(evidence.sha256())) {
                db.rollback();
                return false;
            }
            try (PreparedStatement ps = db.prepareStatement(
                    "INSERT INTO evidence (sha256, source, size_bytes, kind, ingested_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, evidence.sha256());
                ps.setString(2, evidence.source());
                ps.setLong(3, evidence.size());
                ps.setString(4, kind);
                ps.setTimestamp(5, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            for (Finding f : findings) {
                insertFinding(evidence.sha256(), f);
            }
            db.commit();
            return true;
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        }
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
        for (Observable o : f.observables()) {
            linkObservable(id, o);
        }
    }

    /** Inserts the observable unless another finding brought it already (portable: no MERGE, no ON CONFLICT). */
    private void linkObservable(String findingId, Observable o) throws SQLException {
        String oid = o.stixId();
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO observable (id, type, obs_value) SELECT ?, ?, ?"
                + " WHERE NOT EXISTS (SELECT 1 FROM observable WHERE id = ?)")) {
            ps.setString(1, oid);
            ps.setString(2, o.type());
            ps.setString(3, o.value());
            ps.setString(4, oid);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO finding_observable (finding_id, observable_id) SELECT ?, ?"
                + " WHERE NOT EXISTS (SELECT 1 FROM finding_observable WHERE finding_id = ? AND observable_id = ?)")) {
            ps.setString(1, findingId);
            ps.setString(2, oid);
            ps.setString(3, findingId);
            ps.setString(4, oid);
            ps.executeUpdate();
        }
    }

    /** Every finding that saw this observable. */
    public List<StoredFinding> findingsWith(Observable o) throws SQLException {
        return query("SELECT f.id, f.evidence_sha256, f.kind, f.subject, f.verdict, f.score FROM finding f"
                + " JOIN finding_observable fo ON fo.finding_id = f.id WHERE fo.observable_id = ? ORDER BY f.id", o.stixId());
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
                + " e.ingested_at FROM finding f JOIN evidence e ON e.sha256 = f.evidence_sha256 ORDER BY e.ingested_at, f.id";
        try (PreparedStatement ps = db.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                StoredFinding f = new StoredFinding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getDouble(6));
                out.add(new ExportedFinding(f, rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
                        signalsOf(f.id()), observablesOf(f.id())));
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
        EVIDENCE, FINDING, FINDING_SIGNAL, OBSERVABLE, FINDING_OBSERVABLE;

        String sqlName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A read that ends its transaction: for the public queries. */
    private List<StoredFinding> query(String sql, String... args) throws SQLException {
        List<StoredFinding> out = rows(sql, rs -> new StoredFinding(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getDouble(6)), args);
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

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
