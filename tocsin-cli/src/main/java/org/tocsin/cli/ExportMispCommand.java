package org.tocsin.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.tocsin.store.Store;
import org.tocsin.store.misp.MispEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "misp", mixinStandardHelpOptions = true,
        description = {"Write the store's malicious and suspicious findings and its known indicators as one MISP event (JSON,"
                + " for \"Add event from JSON\" or the API): an attribute per observable, for detection (to_ids) only when a"
                + " kept indicator or a malicious finding, at most 50 per finding; the actor as a galaxy tag with its"
                + " confidence, techniques and TLP as tags. Its kept indicators import back; its findings are recognised and not."})
final class ExportMispCommand implements Callable<Integer> {
    @Mixin
    ExportOptions options = new ExportOptions();

    @Option(names = "--info", paramLabel = "TEXT", defaultValue = "Tocsin findings",
            description = "The event's title (default: ${DEFAULT-VALUE}).")
    String info;

    @Override
    public Integer call() throws IOException {
        ObjectNode event;
        try (Store store = options.storeOptions.open()) {
            event = MispEvent.of(store, options.level(), info);
        } catch (SQLException e) {
            throw new UsageProblem("store " + options.storeOptions.url() + ": " + e.getMessage());
        }
        options.emit(MispEvent.write(event), event.get("Event").get("Attribute").size() + " MISP attributes exported");
        return ExitCodes.OK;
    }
}
