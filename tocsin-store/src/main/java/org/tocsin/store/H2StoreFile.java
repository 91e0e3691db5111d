package org.tocsin.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * An embedded H2 store file's life on disk. H2 commits each DDL statement as it runs, so a process killed in the
 * middle of a migration used to leave a half-migrated file that Flyway then refused for good ("Detected failed
 * migration"). Here the store file is never migrated in place: a new store is built, and an old one migrated or
 * repaired, as a copy beside it ({@code NAME.setup-UUID.mv.db}), flushed, and renamed over the store's path in one
 * atomic step. A kill at any moment leaves either the old file or the new one, never half of one; the copy it
 * leaves behind is deleted by the next command. Every step runs under the store's {@link SetupLock}, so two
 * processes starting at once never build or move the same store together.
 */
final class H2StoreFile {
    private static final String BUILDING = ".setup-";
    private static final String BROKEN = ".broken-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private final StoreLocation location;
    private final String user;
    private final String password;

    H2StoreFile(StoreLocation location, String user, String password) {
        this.location = location;
        this.user = user;
        this.password = password;
    }

    /**
     * Makes the store ready and returns the connection the {@link Store} keeps: creates it if absent, migrates a copy
     * if this release has migrations it lacks, rebuilds it if an older release left a failed migration in it (when
     * every row comes across; otherwise it refuses and says to run {@code tocsin store repair}).
     */
    Connection open(Consumer<String> notices) throws SQLException {
        ensureDirectory();
        try (SetupLock lock = lock()) {
            removeLeftovers();
            if (!Files.exists(location.mvFile())) {
                build(null);
                return Store.connect(location.url(), user, password);
            }
            // our connection first, so that Flyway's own connections do not open and close (compact) the file again
            Connection c;
            Migrations.State state;
            try {
                c = Store.connect(location.url(), user, password);
            } catch (SQLException e) {
                throw withAdvice(e);
            }
            try {
                state = Migrations.state(location.connectionUrl(), user, password);
            } catch (SQLException e) {
                close(c);
                throw withAdvice(e);
            }
            if (state.upToDate()) {
                return c;
            }
            close(c);
            if (state.future() != null) {
                throw Migrations.newerRelease(state);
            }
            requireExclusive(location.privateUrl(location.h2File()), state.failed() != null ? "needs rebuilding" : "needs upgrading");
            if (state.failed() != null) {
                Repair r = rebuild(state, true);
                notices.accept("the store " + location.mvFile() + " had an interrupted migration (to version " + state.failed()
                        + ", left by an older Tocsin); it was rebuilt with all " + r.rows() + " rows, and the old file kept as "
                        + r.aside());
            } else {
                build(location.mvFile());
                notices.accept("the store " + location.mvFile() + " was upgraded from schema version " + state.current()
                        + " to " + Migrations.latest());
            }
            return Store.connect(location.url(), user, password);
        } catch (IOException e) {
            throw new SQLException(describe(e), e);
        }
    }

    /** What {@link #repair} and an automatic rebuild did: where the damaged file went, and what came across. */
    record Repair(Path aside, Map<String, Salvage.Tally> tables, String problem) {
        long rows() {
            return tables.values().stream().mapToLong(Salvage.Tally::kept).sum();
        }

        long lost() {
            return tables.values().stream().mapToLong(Salvage.Tally::lost).sum();
        }
    }

    /**
     * Rebuilds the store whatever its state, keeping the old file beside it: for {@code tocsin store repair}. Null
     * when there is no store file to repair.
     */
    Repair repair() throws SQLException {
        ensureDirectory();
        try (SetupLock lock = lock()) {
            removeLeftovers();
            if (!Files.exists(location.mvFile())) {
                return null;
            }
            requireExclusive(location.readOnlyUrl(), "is to be repaired"); // read-only: a damaged file is kept as it is
            Migrations.State state;
            try {
                state = Migrations.state(location.readOnlyUrl(), user, password);
            } catch (SQLException e) {
                state = null; // unreadable: salvage what the tables give
            }
            return rebuild(state, false);
        } catch (IOException e) {
            throw new SQLException(describe(e), e);
        }
    }

    /** True when the store's file exists and its schema is complete and current: nothing for {@link #repair} to do. */
    boolean healthy() {
        if (!Files.exists(location.mvFile())) {
            return false;
        }
        try (Connection c = Store.connect(location.url(), user, password)) {
            return Migrations.state(location.connectionUrl(), user, password).upToDate() && c.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    private SetupLock lock() throws IOException {
        return SetupLock.acquire(location);
    }

    /** H2 makes missing directories itself, but says so in a stack trace when it cannot: say it in one line. */
    private void ensureDirectory() throws SQLException {
        Path dir = location.h2File().getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            String why = describe(e);
            throw new SQLException("cannot create the store's directory " + dir + ": "
                    + (why.startsWith(dir + ": ") ? why.substring(dir.toString().length() + 2) : why), e);
        }
        if (!Files.isWritable(dir)) {
            throw new SQLException("cannot write in the store's directory " + dir + " (permission denied)");
        }
    }

    /** Builds a new store beside the final path and moves it into place; {@code source} is a file to start from, or null. */
    private void build(Path source) throws SQLException, IOException {
        Path copy = location.sibling(location.h2File().getFileName() + BUILDING + UUID.randomUUID());
        Path copyFile = Path.of(copy + StoreLocation.MV_SUFFIX);
        if (source != null) {
            Files.copy(source, copyFile);
        }
        Migrations.migrate(location.privateUrl(copy), user, password, null); // its last connection closes it
        moveIntoPlace(copyFile);
    }

    /**
     * A fresh store with the damaged one's rows: migrated to the last version the damaged store completed, filled with
     * its rows, migrated the rest of the way (so each migration transforms the rows as it was written to), then the
     * rows of any tables that version did not have yet. The damaged file stays beside the store, under a name of its
     * own, whatever happens. With {@code onlyIfLossless}, a rebuild that would lose a row changes nothing.
     */
    private Repair rebuild(Migrations.State state, boolean onlyIfLossless) throws SQLException, IOException {
        Path copy = location.sibling(location.h2File().getFileName() + BUILDING + UUID.randomUUID());
        String copyUrl = location.privateUrl(copy);
        String completed = state == null ? null : state.current();
        Map<String, Salvage.Tally> tables = new TreeMap<>();
        String problem = null;
        try (Connection fresh = DriverManager.getConnection(copyUrl, user, password)) {
            fresh.setAutoCommit(false);
            if (completed != null) {
                Migrations.migrate(copyUrl, user, password, completed);
            }
            fresh.commit(); // no transaction of ours open while Flyway changes the schema
            try (Connection damaged = DriverManager.getConnection(location.readOnlyUrl(), user, password)) {
                Set<String> early = Salvage.tables(fresh).keySet();
                tables.putAll(Salvage.copy(damaged, fresh, early));
                fresh.commit();
                Migrations.migrate(copyUrl, user, password, null);
                Set<String> late = new java.util.TreeSet<>(Salvage.tables(damaged).keySet());
                late.removeAll(early);
                tables.putAll(Salvage.copy(damaged, fresh, late));
                tables.putAll(Salvage.absent(damaged, fresh));
            } catch (SQLException e) {
                problem = e.getMessage(); // the damaged file does not open: the fresh store starts empty
                Migrations.migrate(copyUrl, user, password, null);
            }
        }
        Repair r = new Repair(null, tables, problem);
        if (onlyIfLossless && (problem != null || r.lost() > 0)) {
            deleteDatabase(copy);
            throw new SQLException("the store " + location.mvFile() + " has an interrupted migration (to version "
                    + (state == null ? "?" : state.failed()) + ") and " + (problem != null ? "cannot be read (" + problem + ")"
                    : r.lost() + " of its rows would not come across") + ": run `tocsin store repair`, which keeps the file"
                    + " and rebuilds the store with what it can salvage");
        }
        Path aside = keepAside();
        moveIntoPlace(Path.of(copy + StoreLocation.MV_SUFFIX));
        return new Repair(aside, tables, problem);
    }

    /** A second name for the damaged file (a hard link where the file system allows one, else a copy): never deleted. */
    private Path keepAside() throws IOException {
        Path aside = location.sibling(location.h2File().getFileName() + BROKEN + LocalDateTime.now(ZoneId.systemDefault()).format(STAMP) + StoreLocation.MV_SUFFIX);
        for (int i = 2; Files.exists(aside); i++) {
            aside = location.sibling(location.h2File().getFileName() + BROKEN + LocalDateTime.now(ZoneId.systemDefault()).format(STAMP) + "-" + i + StoreLocation.MV_SUFFIX);
        }
        try {
            Files.createLink(aside, location.mvFile());
        } catch (UnsupportedOperationException | IOException e) { // no hard links on this file system: a copy then
            Files.copy(location.mvFile(), aside);
        }
        return aside;
    }

    /** Flushes a finished copy and renames it over the store's file: the one step a kill cannot split. */
    private void moveIntoPlace(Path built) throws IOException {
        try (FileChannel f = FileChannel.open(built, StandardOpenOption.WRITE)) {
            f.force(true);
        }
        Files.move(built, location.mvFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel d = FileChannel.open(location.mvFile().getParent(), StandardOpenOption.READ)) {
            d.force(true); // the rename itself reaches the disk
        } catch (IOException e) {
            // a directory cannot be opened for syncing everywhere (Windows); the rename is still atomic
        }
    }

    /** Copies a killed process was building: nobody else builds while we hold the lock, so they are garbage. */
    private void removeLeftovers() throws IOException {
        String prefix = location.h2File().getFileName() + BUILDING;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(location.h2File().getParent(), prefix + "*")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }

    private void deleteDatabase(Path copy) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(copy.getParent(), copy.getFileName() + "*")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }

    /**
     * Upgrading or repairing replaces the file, which must not happen under a process that has it open: an open
     * without AUTO_SERVER ({@code url}) fails while any other process has the database.
     */
    private void requireExclusive(String url, String why) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.isValid(1);
        } catch (SQLException e) {
            if (e.getErrorCode() == IN_USE) {
                throw new SQLException("the store " + location.mvFile() + " " + why + " and is open in another process (a running"
                        + " tocsin serve?): stop that process, then run this command again", e);
            }
            // unreadable: the caller's next step says so
        }
    }

    /**
     * H2 error codes of a file it cannot read as a database: 90030 (corrupted), 90048 (not a database file, or one
     * of a format this H2 does not read), 50000 (a general error, which MVStore's damage comes as), 90028 (I/O).
     */
    private static final java.util.Set<Integer> DAMAGE = java.util.Set.of(90030, 90048, 50000, 90028);

    /** H2's DATABASE_ALREADY_OPEN_1: another process has the file open, and does not serve it to others. */
    private static final int IN_USE = 90020;

    /** An error opening the store, with what to do about it where a repair is the answer. */
    private SQLException withAdvice(SQLException e) {
        if (e.getErrorCode() == IN_USE) {
            return new SQLException("the store " + location.mvFile() + " is open in a process that does not share it (Tocsin 0.1.0,"
                    + " or another H2 program): stop that process, then run this command again", e.getSQLState(), e.getErrorCode(), e);
        }
        if (!DAMAGE.contains(e.getErrorCode())) {
            return e;
        }
        String first = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        return new SQLException("cannot read the store file " + location.mvFile() + " (" + first + "): run `tocsin store repair`,"
                + " which keeps the file and rebuilds the store from what it can read", e.getSQLState(), e.getErrorCode(), e);
    }

    private static void close(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // closing a connection we no longer need
        }
    }

    /** A file-system error in words: Java's exceptions often carry only the path. */
    static String describe(IOException e) {
        String path = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : null;
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "no such file or directory";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            reason = "a file is in the way, where a directory should be";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            reason = f.getReason();
        } else {
            reason = e.getMessage();
        }
        return path == null ? reason : path + ": " + reason;
    }
}
