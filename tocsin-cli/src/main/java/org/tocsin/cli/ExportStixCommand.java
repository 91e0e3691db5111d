package org.tocsin.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tocsin.reference.ReferenceData;
import org.tocsin.store.ExportedFinding;
import org.tocsin.store.StixBundle;
import org.tocsin.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stix", mixinStandardHelpOptions = true,
        description = {"Write every finding in the store as a STIX 2.1 bundle: identity, TLP marking, SCOs, indicators"
                + " with STIX patterns, attack-patterns (ATT&CK, DISARM), relationships and one report per finding."})
final class ExportStixCommand implements Callable<Integer> {
    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output.")
    Path out;

    @Option(names = "--tlp", paramLabel = "LEVEL", defaultValue = "amber",
            description = "TLP marking of every object: white, green, amber or red (default: ${DEFAULT-VALUE}).")
    String tlp;

    @Override
    public Integer call() throws IOException {
        StixBundle.Tlp level;
        try {
            level = StixBundle.Tlp.valueOf(tlp.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageProblem("--tlp takes white, green, amber or red, not " + tlp);
        }
        List<ExportedFinding> findings;
        try (Store store = storeOptions.open()) {
            findings = store.exportAll();
        } catch (SQLException e) {
            throw new UsageProblem("store " + storeOptions.url() + ": " + e.getMessage());
        }
        String json = StixBundle.write(StixBundle.of(findings, level, ReferenceData.bundled()));
        if (out == null) {
            System.out.println(json);
        } else {
            Files.writeString(out, json + "\n", StandardCharsets.UTF_8);
        }
        System.err.printf(Locale.ROOT, "tocsin: %d findings exported as STIX 2.1 (TLP:%s)%n", findings.size(), level);
        return ExitCodes.OK;
    }
}
