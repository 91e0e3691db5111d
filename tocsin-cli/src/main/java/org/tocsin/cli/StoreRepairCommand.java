package org.tocsin.cli;

import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.tocsin.store.StoreRepair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tocsin store repair}: a store that does not open is rebuilt beside its damaged file, which is kept. */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = {"Repair a store that does not open. Nothing is deleted: an H2 file is kept under a name of its own"
                + " (NAME.broken-DATE-TIME.mv.db) and the store rebuilt from every row that can be read from it; PostgreSQL"
                + " has its schema history cleared of failed migrations and is migrated. A sound store is left as it is."})
final class StoreRepairCommand implements Callable<Integer> {
    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Option(names = "--force", description = "Rebuild an H2 store even when it opens (the old file is kept all the same).")
    boolean force;

    @Override
    public Integer call() {
        StoreRepair.Report report;
        try {
            report = StoreRepair.repair(storeOptions.url(), storeOptions.user(), storeOptions.password(), force);
        } catch (SQLException e) {
            throw new UsageProblem("store " + storeOptions.url() + ": " + e.getMessage());
        }
        report.lines().forEach(line -> System.out.println("tocsin: " + line));
        return ExitCodes.OK;
    }
}
