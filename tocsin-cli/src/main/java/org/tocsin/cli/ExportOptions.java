package org.tocsin.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.tocsin.store.ExportedFinding;
import org.tocsin.store.StixBundle;
import org.tocsin.store.Store;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What every export shares: the store to read, the TLP to mark with, where to write. */
final class ExportOptions {
    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path out;

    @Option(names = "--tlp", paramLabel = "LEVEL", defaultValue = "amber",
            description = "TLP marking: white, green, amber or red (default: ${DEFAULT-VALUE}).")
    String tlp;

    StixBundle.Tlp level() {
        try {
            return StixBundle.Tlp.valueOf(tlp.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageProblem("--tlp takes white, green, amber or red, not " + tlp);
        }
    }

    List<ExportedFinding> findings() {
        try (Store store = storeOptions.open()) {
            return store.exportAll();
        } catch (SQLException e) {
            throw new UsageProblem("store " + storeOptions.url() + ": " + e.getMessage());
        }
    }

    void emit(String json, String what) throws IOException {
        if (out == null) {
            System.out.println(json);
        } else {
            Files.writeString(out, json + "\n", StandardCharsets.UTF_8);
        }
        System.err.println("tocsin: " + what);
    }
}
