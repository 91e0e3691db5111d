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
import java.util.function.Consumer;
import org.tocsin.evidence.EvidenceRef;
import org.tocsin.signal.Signal;

/**
 * The knowledge store over JDBC: embedded H2 by default (a file in the user's data directory, nothing to set
 * up), PostgreSQL by URL for teams. Opening creates and migrates the schema (Flyway, {@code db/migration}) so that no
 * interruption leaves a store no command opens: an H2 file is built or migrated as a copy beside its path and moved
 * into place ({@link H2StoreFile}), PostgreSQL migrates in one transaction ({@link Migrations}).
 *
 * <p>Processes share an H2 file (H2's automatic mixed mode, {@link #connectionUrl}): the first to open it serves it to
 * the others over the loopback address, so {@code tocsin serve} and the command line use one store at once. When the
 * serving process exits, the others' connections break and their transactions are rolled back; a unit of work that
 * loses its connection so is run once more on a new one, which opens the file (or reaches the process that took over).
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
    static {
        // H2's automatic mixed mode (connectionUrl) listens on every interface unless told otherwise; a store file is
        // shared between the processes of this machine only. A user's -Dh2.bindAddress wins.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    /** How long {@link #connect} waits for an H2 file changing hands between processes. */
    private static final long HANDOVER_NANOS = 20_000_000_000L;
    private final String url;
    private final String user;
    private final String password;
    private final boolean h2File;
    private Connection db;
    private int compactEvery = COMPACT_EVERY;
    private int sinceCompaction;

    private Store(String url, String user, String password, Connection db) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.h2File = StoreLocation.of(url).isH2File();
        this.db = db;
    }

    /**
     * Opens the store at a JDBC URL, creating or migrating it as needed; any failure is an SQLException whose message
     * says what to do. What the opening did beyond opening (an upgrade, an automatic rebuild) goes to stderr.
     */
    public static Store open(String url, String user, String password) throws SQLException {
        return open(url, user, password, message -> System.err.println("tocsin: " + message));
    }

    /**
     * Opens the store at a JDBC URL. An H2 file is created, migrated and repaired beside its final path and moved into
     * place ({@link H2StoreFile}); another database is migrated in place, every pending migration in one transaction.
     *
     * @param notices told, in a sentence, what opening did beyond opening: an upgrade, an automatic rebuild
     */
    public static Store open(String url, String user, String password, Consumer<String> notices) throws SQLException {
        StoreLocation location = StoreLocation.of(url);
        if (location.isH2File()) {
            return new Store(url, user, password, new H2StoreFile(location, user, password).open(notices));
        }
        Migrations.State state = Migrations.state(url, user, password);
        if (state.failed() != null) { // a database without transactional DDL, migrated by an older Tocsin
            throw new SQLException("the store has a failed migration (to version " + state.failed() + "): run `tocsin store repair`");
        }
        if (state.future() != null) {
            throw Migrations.newerRelease(state);
        }
        if (!state.upToDate()) {
            Migrations.migrate(url, user, password, null);
        }
        return new Store(url, user, password, connect(url, user, password));
    }

    /**
     * A plain connection (autoCommit off) to a store that {@link #open} has made ready: for servers that give each
     * request a connection of their own. It goes to {@link #connectionUrl}. An H2 file changing hands (the process
     * serving it to the others exits, and another takes over) refuses connections for a moment: this waits it out.
     */
    public static Connection connect(String url, String user, String password) throws SQLException {
        String jdbcUrl = connectionUrl(url);
        long giveUp = System.nanoTime() + HANDOVER_NANOS;
        for (int attempt = 1; ; attempt++) {
            try {
                Connection c = DriverManager.getConnection(jdbcUrl, user, password);
                c.setAutoCommit(false);
                return c;
            } catch (SQLException e) {
                if (!changingHands(e) || System.nanoTime() > giveUp) {
                    throw e;
                }
                sleep(Math.min(50L * attempt, 500));
            }
        }
    }

    /**
     * The URL every connection to the store must use, whoever makes it (the CLI, the server's pool). For an H2 file:
     * shared (AUTO_SERVER: the first process to open the file serves it to the others over a port on the loopback
     * address, so {@code serve} and the command line use one store at once; a client must know the random key H2
     * writes into {@code NAME.lock.db}), and flushed on every commit (WRITE_DELAY=0: a killed process loses nothing it
     * committed; CrashIngestTest kills a writer to check it). Other URLs unchanged.
     */
    public static String connectionUrl(String url) {
        return StoreLocation.of(url).connectionUrl();
    }

    /**
     * H2 error codes of a database in the middle of changing hands: 90020 (open in another process, whose server is
     * not up yet or already gone), 90067 (the connection to that server broke), 90098 and 90121 (closed, or closing at
     * that process's exit), and 8000 from H2's lock file protocol (another process is taking the file over at the same
     * moment: "Lock file recently modified", "Concurrent update", "Another process was faster"; any other 8000 is a
     * real failure to open).
     */
    static boolean changingHands(SQLException e) {
        int code = e.getErrorCode();
        String m = e.getMessage();
        return code == 90020 || code == 90067 || code == 90098 || code == 90121
                || (code == 8000 && m != null && LOCK_FILE_RACES.stream().anyMatch(m::contains));
    }

    /** H2's words (FileLock) for losing a race for the lock file to another process opening the same file. */
    private static final List<String> LOCK_FILE_RACES = List.of("Lock file recently modified", "Concurrent update",
            "Another process was faster");

    /**
     * A connection lost under a transaction: the H2 process serving the store exited, or PostgreSQL dropped it. Not
     * the fault of the data being written: an importer ends rather than blame the item ({@link ImportSummary#unit}).
     */
    public static boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        return changingHands(e) || (state != null && state.startsWith("08")) || rolledBackUnderUs(e);
    }

    /**
     * H2's answer to a statement of a transaction that the process serving the file rolled back as it closed: a general
     * error (50000) "Transaction N has status ROLLED_BACK, not OPEN". The work was lost with that process, not refused.
     */
    private static boolean rolledBackUnderUs(SQLException e) {
        String m = e.getMessage();
        return e.getErrorCode() == 50000 && m != null && m.contains("has status ROLLED_BACK, not OPEN");
    }

    private static void sleep(long millis) throws SQLException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the store", e);
        }
    }

    /**
     * Runs one unit of work; if the connection was lost under it (the process serving an H2 file exited and its
     * transactions went with it), connects again and runs it once more. Every unit is a whole transaction that checks
     * before it writes (an ingest of stored evidence is a no-op), so running one again is safe.
     */
    private <T> T retrying(Work<T> work) throws SQLException {
        try {
            return work.run();
        } catch (SQLException e) {
            if (!connectionLost(e)) {
                throw e;
            }
            closeQuietly();
            db = connect(url, user, password);
            return work.run();
        }
    }

    /** One transaction's work against {@link #db}. */
    private interface Work<T> {
        T run() throws SQLException;
    }

    private void closeQuietly() {
        try {
            db.close();
        } catch (SQLException e) {
            // it was lost already
        }
    }

    /** For tests: compact an H2 file after this many commits (so that a crash test also kills compactions). */
    void compactEvery(int commits) {
        this.compactEvery = commits;
    }

    /**
     * After each write's commit: an H2 file is compacted every {@link #COMPACT_EVERY} commits, when this session is
     * its only one (with another process sharing the file, that process's last session compacts it when it closes).
     */
    private void committed() throws SQLException {
        if (h2File && ++sinceCompaction >= compactEvery) {
            sinceCompaction = 0;
            if (compact()) {
                db = connect(url, user, password);
            }
        }
    }

    /**
     * Closes this store's connection so that H2, closing the database behind it, compacts the file for up to
     * MAX_COMPACT_TIME (set on the URL): only when this store's is the only session, so that another's connections
     * (a server's, or another process's sharing the file) are never cut. (H2's SHUTDOWN COMPACT rewrites the file whole
     * but left it unreadable in tests: "Double mark", h2database#2752.)
     *
     * @return true when the connection was closed (and must be made again to go on)
     */
    private boolean compact() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            rs.next();
            int sessions = rs.getInt(1);
            db.rollback();
            if (sessions > 1) {
                return false;
            }
        } catch (SQLException e) {
            if (!connectionLost(e)) {
                throw e;
            }
        }
        closeQuietly();
        return true;
    }

    /**
     * Refreshes the planner's statistics of the store's tables. PostgreSQL's autovacuum does it some time after a
     * bulk load, when it runs at all (it was off on the machine the benchmarks ran on); until then a query for
     * everything linked to a domain, planned without statistics, scanned every link (114 s instead of 0.3 ms).
     * Scans call it after storing much.
     */
    public void analyze() throws SQLException {
        retrying(() -> {
            try (Statement s = db.createStatement()) {
                s.execute("ANALYZE");
            }
            db.commit();
            return null;
        });
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
        boolean added = retrying(() -> insert(evidence, findings));
        if (added) {
            committed();
        }
        return added;
    }

    private boolean insert(Evidence evidence, List<Finding> findings) throws SQLException {
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
            rollbackAfter(e);
            throw e;
        }
        return true;
    }

    /**
     * Keeps a known indicator (its observable too, so {@code links} finds it).
     *
     * @return false when an indicator with this id is already kept: nothing is changed
     */
    public boolean addIndicator(StoredIndicator i) throws SQLException {
        boolean added = retrying(() -> insert(i));
        if (added) {
            committed();
        }
        return added;
    }

    private boolean insert(StoredIndicator i) throws SQLException {
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
            rollbackAfter(e);
            throw e;
        }
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
        return retrying(() -> readIndicators(where, args));
    }

    private List<StoredIndicator> readIndicators(String where, String[] args) throws SQLException {
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
        return retrying(() -> linked(o));
    }

    private Linked linked(Observable o) throws SQLException {
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
        return retrying(this::readAll);
    }

    private List<ExportedFinding> readAll() throws SQLException {
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
        return retrying(() -> {
            try (PreparedStatement ps = db.prepareStatement("SELECT COUNT(*) FROM " + table.sqlName());
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                long n = rs.getLong(1);
                db.rollback(); // end the read transaction
                return n;
            }
        });
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
        return retrying(() -> {
            List<StoredFinding> out = rows(sql, Store::finding, args);
            db.rollback();
            return out;
        });
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
     * TAXII collection: {@code org.tocsin.store.stix.StixObjects}); a connection lost since the last use (the process
     * serving an H2 file exited) is made again first. One store, one thread: the caller uses it in between the
     * store's own calls, never at the same time.
     */
    public Connection connection() throws SQLException {
        if (db.isClosed()) {
            db = connect(url, user, password);
        }
        return db;
    }

    private void rollbackAfter(Exception failure) {
        try {
            db.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e); // a lost connection cannot roll back; its transaction is gone with it
        }
    }

    /**
     * Compacts (an H2 file this session wrote to, when it is the only one) and closes. A database H2 has already
     * closed is not an error: H2 closes an H2 file in a shutdown hook of its own when the JVM exits (AUTO_SERVER needs
     * it), which can run before the caller's (serve on SIGTERM); everything committed is on disk by then.
     */
    @Override
    public void close() throws SQLException {
        try {
            if (h2File && sinceCompaction > 0) {
                compact(); // leave the file without the dead chunks this session's commits made
            }
        } catch (SQLException e) {
            if (!changingHands(e)) {
                throw e;
            }
        } finally {
            if (!db.isClosed()) {
                closeQuietly();
            }
        }
    }
}
