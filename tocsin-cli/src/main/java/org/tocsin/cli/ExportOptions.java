package org.tocsin.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tocsin.store.Tlp;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What every export shares: the store to read, the TLP to mark with, where to write. */
final class ExportOptions {
    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path out;

    @Option(names = "--tlp", paramLabel = "LEVEL",
            description = "Mark everything white, green, amber or red (default: each finding's own TLP, given at scan).")
    String tlp;

    /** The override, or null for each finding's own. */
    Tlp level() {
        try {
            return tlp == null ? null : Tlp.parse(tlp);
        } catch (IllegalArgumentException e) {
            throw new UsageProblem("--tlp: " + e.getMessage());
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
