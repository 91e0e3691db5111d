package org.tocsin.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tocsin store …}: the knowledge store itself. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "The knowledge store: repair one that does not open.",
        subcommands = {StoreRepairCommand.class, BenchMovedCommand.class})
final class StoreCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
