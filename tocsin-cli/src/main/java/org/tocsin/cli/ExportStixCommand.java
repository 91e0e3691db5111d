package org.tocsin.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.tocsin.reference.ReferenceData;
import org.tocsin.store.Store;
import org.tocsin.store.stix.StixBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "stix", mixinStandardHelpOptions = true,
        description = {"Write the store as a STIX 2.1 bundle: per finding its SCOs, observed-data, indicators (STIX patterns)"
                + " with sightings, ATT&CK/DISARM attack-patterns, a report and an attribution note; campaigns attributed to"
                + " intrusion-sets; known indicators; objects partners sent, as received. TLP-marked; imports back."})
final class ExportStixCommand implements Callable<Integer> {
    @Mixin
    ExportOptions options = new ExportOptions();

    @Override
    public Integer call() throws IOException {
        ObjectNode bundle;
        try (Store store = options.storeOptions.open()) {
            bundle = StixBundle.of(store, options.level(), ReferenceData.bundled());
        } catch (SQLException e) {
            throw new UsageProblem("store " + options.storeOptions.url() + ": " + e.getMessage());
        }
        options.emit(StixBundle.write(bundle), bundle.get("objects").size() + " STIX 2.1 objects exported");
        return ExitCodes.OK;
    }
}
