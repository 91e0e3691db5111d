package org.tocsin.store;

import java.sql.SQLException;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The store's schema migrations ({@code db/migration}, Flyway), whatever they are: nothing here names a version.
 * All pending migrations run as one group, in one transaction where the database has transactional DDL (PostgreSQL:
 * a killed migration leaves the schema as it was), under Flyway's own lock (PostgreSQL: an advisory lock, so two
 * processes starting at once migrate one after the other). H2 commits each DDL statement as it runs, which is why
 * an H2 file is migrated as a copy beside the store ({@link H2StoreFile}).
 */
final class Migrations {
    private static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    /**
     * Where a store's schema stands against the migrations this release has.
     *
     * @param current the last version applied, or null (none)
     * @param pending how many migrations this release has that the store lacks
     * @param failed the version of a migration recorded as failed (an H2 store a kill interrupted before 0.2), or null
     * @param future the newest version applied that this release does not know (a newer release wrote it), or null
     */
    record State(String current, int pending, String failed, String future) {
        /** Every migration applied, none failed, none unknown to this release. */
        boolean upToDate() {
            return pending == 0 && failed == null && future == null;
        }
    }

    static State state(String url, String user, String password) throws SQLException {
        try (OneConnection source = new OneConnection(url, user, password)) {
            MigrationInfo[] all = flyway(source, url, null).info().all();
            MigrationInfo current = null;
            String failed = null;
            String future = null;
            int pending = 0;
            for (MigrationInfo m : all) {
                MigrationState s = m.getState();
                if (s == MigrationState.PENDING) {
                    pending++;
                } else if (s.isFailed()) {
                    failed = m.getVersion() == null ? m.getDescription() : m.getVersion().getVersion();
                } else if (s == MigrationState.FUTURE_SUCCESS) {
                    future = m.getVersion().getVersion();
                } else if (s == MigrationState.SUCCESS && m.getVersion() != null) {
                    current = m;
                }
            }
            return new State(current == null ? null : current.getVersion().getVersion(), pending, failed, future);
        } catch (FlywayException e) {
            throw sqlException(e);
        }
    }

    /** The newest version this release's migrations reach. */
    static String latest() {
        String known = latest;
        if (known == null) { // Flyway lists migrations against a database: an empty one in memory has them all pending
            MigrationInfo[] all = Flyway.configure().dataSource("jdbc:h2:mem:", "sa", "").locations(LOCATION).load().info().pending();
            latest = known = Arrays.stream(all).filter(m -> m.getVersion() != null).reduce((a, b) -> b)
                    .map(m -> m.getVersion().getVersion()).orElse("0");
        }
        return known;
    }

    private static volatile String latest;

    /** Applies every pending migration, or those up to {@code target} (a version, or null for all). */
    static void migrate(String url, String user, String password, String target) throws SQLException {
        try (OneConnection source = new OneConnection(url, user, password)) {
            flyway(source, url, target).migrate();
        } catch (FlywayException e) {
            throw sqlException(e);
        }
    }

    /** Removes failed migrations from the history (databases without transactional DDL) and realigns checksums. */
    static void repairHistory(String url, String user, String password) throws SQLException {
        try (OneConnection source = new OneConnection(url, user, password)) {
            flyway(source, url, null).repair();
        } catch (FlywayException e) {
            throw sqlException(e);
        }
    }

    /**
     * Flyway over one connection ({@link OneConnection}: the history rows commit with the DDL they record), all pending
     * migrations as one group: one transaction where DDL is transactional; H2 commits each DDL statement (Flyway warns
     * against a group there).
     */
    private static Flyway flyway(OneConnection source, String url, String target) {
        var config = Flyway.configure().dataSource(source).locations(LOCATION).group(!url.startsWith("jdbc:h2:"));
        if (target != null) {
            config.target(MigrationVersion.fromVersion(target));
        }
        return config.load();
    }

    /** The error of a store a newer release has migrated further than this one knows. */
    static SQLException newerRelease(State state) {
        return new SQLException("the store was written by a newer Tocsin (schema version " + state.future()
                + "; this release knows up to " + latest() + "): use that release or a newer one");
    }

    /** Flyway's own message is a multi-line report; its root cause says it in one line. */
    private static SQLException sqlException(FlywayException e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.toString() : root.getMessage();
        return root instanceof SQLException s ? new SQLException(message, s.getSQLState(), s.getErrorCode(), e) : new SQLException(message, e);
    }
}
