package org.tocsin.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import org.tocsin.intel.Attribution;
import org.tocsin.store.Attributions;
import org.tocsin.store.ExportedFinding;
import org.tocsin.store.Store;
import org.tocsin.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tocsin attribute}: for each flagged finding, the actor it is consistent with, how confidently, and why. */
@Command(name = "attribute", mixinStandardHelpOptions = true,
        description = {"State, for each malicious or suspicious finding in the store, the actor it is consistent with and with"
                + " what confidence, and why (known indicators, techniques), or that it is unattributed.",
                "FINDING: finding ids (default: every flagged finding)."})
final class AttributeCommand implements Callable<Integer> {
    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Option(names = "--json", description = "One JSON object per finding.")
    boolean json;

    @Parameters(arity = "0..*", paramLabel = "FINDING")
    List<String> ids = List.of();

    @Override
    public Integer call() {
        try (Store store = storeOptions.open()) {
            Attributions attributions = Attributions.of(store);
            for (ExportedFinding ef : store.exportAll()) {
                if (!ids.isEmpty() && !ids.contains(ef.finding().id())) {
                    continue;
                }
                Attribution a = attributions.of(ef);
                if (a == null) {
                    continue; // clean
                }
                if (json) {
                    ObjectNode o = JsonLines.object();
                    o.put("finding", ef.finding().id());
                    o.put("subject", ef.finding().subject());
                    o.put("actor", a.actorId());
                    o.put("actor_name", a.actorName());
                    o.put("confidence", a.attributed() ? a.confidence().word() : null);
                    o.put("statement", a.statement());
                    a.because().forEach(o.putArray("because")::add);
                    a.alternatives().forEach(o.putArray("alternatives")::add);
                    System.out.println(JsonLines.line(o));
                } else {
                    System.out.println(ef.finding().kind() + " " + ef.finding().verdict() + ": " + TerminalText.escape(ef.finding().subject())
                            + "  [" + ef.finding().id() + "]");
                    System.out.println("  " + TerminalText.escape(a.statement()));
                }
            }
        } catch (SQLException e) {
            throw new UsageProblem("store " + storeOptions.url() + ": " + e.getMessage());
        }
        return ExitCodes.OK;
    }
}
