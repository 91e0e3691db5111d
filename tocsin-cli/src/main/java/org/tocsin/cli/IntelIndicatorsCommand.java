package org.tocsin.cli;

import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.tocsin.store.Store;
import org.tocsin.store.StoredIndicator;
import org.tocsin.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tocsin intel indicators}: what the store vouches for, and who said so. */
@Command(name = "indicators", mixinStandardHelpOptions = true,
        description = "List the indicators kept in the store (added by analysts or imported), oldest first.")
final class IntelIndicatorsCommand implements Callable<Integer> {
    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Override
    public Integer call() {
        try (Store store = storeOptions.open()) {
            for (StoredIndicator i : store.indicators()) {
                System.out.println(i.observable().type() + " " + TerminalText.escape(i.observable().value()) + "  actor="
                        + (i.actor() == null ? "-" : TerminalText.escape(i.actor())) + "  " + TerminalText.escape(i.confidence())
                        + "  TLP:" + i.tlp().name() + "  " + TerminalText.escape(i.source()));
            }
        } catch (SQLException e) {
            throw new UsageProblem("store " + storeOptions.url() + ": " + e.getMessage());
        }
        return ExitCodes.OK;
    }
}
