package org.tocsin.store;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code tocsin store repair}: for a store that does not open. It never deletes anything. An H2 file is kept under a
 * name of its own ({@code NAME.broken-STAMP.mv.db}) and the store rebuilt beside it with every row that can be read
 * from it ({@link H2StoreFile}); a database with transactional DDL (PostgreSQL) cannot be left half-migrated, so
 * repairing it only clears failed entries an older release may have left in Flyway's history and migrates.
 */
public final class StoreRepair {
    private StoreRepair() {
    }

    /**
     * What a repair did, for the person who ran it.
     *
     * @param repaired true when the store was rebuilt or its history repaired; false when there was nothing to do
     * @param keptAs where the damaged H2 file was kept, or null
     * @param lines what happened, one sentence a line
     * @param lost rows read from the damaged store that the repaired one does not hold
     */
    public record Report(boolean repaired, Path keptAs, List<String> lines, long lost) {
    }

    /** Repairs the store at a JDBC URL; with {@code force}, rebuilds an H2 file even when it opens. */
    public static Report repair(String url, String user, String password, boolean force) throws SQLException {
        StoreLocation location = StoreLocation.of(url);
        return location.isH2File() ? repairFile(location, user, password, force) : repairInPlace(url, user, password);
    }

    private static Report repairFile(StoreLocation location, String user, String password, boolean force) throws SQLException {
        H2StoreFile file = new H2StoreFile(location, user, password);
        if (!force && file.healthy()) {
            return new Report(false, null, List.of("the store " + location.mvFile() + " opens and its schema is current ("
                    + Migrations.latest() + "): nothing to repair (--force rebuilds it anyway)"), 0);
        }
        H2StoreFile.Repair r = file.repair();
        if (r == null) {
            return new Report(false, null, List.of("there is no store at " + location.mvFile() + ": nothing to repair"), 0);
        }
        List<String> lines = new ArrayList<>();
        lines.add("kept the damaged file as " + r.aside());
        if (r.problem() != null) {
            lines.add("it could not be read (" + r.problem() + "): the store starts again empty. H2's Recover tool may get"
                    + " more out of the kept file: java -cp tocsin.jar org.h2.tools.Recover -dir DIR -db NAME");
        }
        for (Map.Entry<String, Salvage.Tally> t : r.tables().entrySet()) {
            Salvage.Tally n = t.getValue();
            lines.add(t.getKey().toLowerCase(java.util.Locale.ROOT) + ": " + n.kept() + " of " + n.read() + " rows"
                    + (n.lost() > 0 ? " (" + n.lost() + " would not go in)" : ""));
        }
        lines.add("rebuilt " + location.mvFile() + " at schema version " + Migrations.latest() + " with " + r.rows() + " rows"
                + (r.lost() > 0 ? "; " + r.lost() + " rows stay only in the kept file" : ""));
        return new Report(true, r.aside(), lines, r.lost());
    }

    private static Report repairInPlace(String url, String user, String password) throws SQLException {
        Migrations.State state = Migrations.state(url, user, password);
        if (state.future() != null) {
            throw Migrations.newerRelease(state);
        }
        if (state.upToDate()) {
            return new Report(false, null, List.of("the store opens and its schema is current (" + state.current()
                    + "): nothing to repair"), 0);
        }
        List<String> lines = new ArrayList<>();
        if (state.failed() != null) {
            Migrations.repairHistory(url, user, password);
            lines.add("removed the failed migration to version " + state.failed() + " from the schema history");
        }
        Migrations.migrate(url, user, password, null);
        lines.add("migrated the store to schema version " + Migrations.latest());
        return new Report(true, null, lines, 0);
    }
}
