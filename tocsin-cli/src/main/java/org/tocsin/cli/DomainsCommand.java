package org.tocsin.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tocsin domains …}: lookalike-domain watch over domain feeds and certificate-transparency logs. */
@Command(name = "domains", mixinStandardHelpOptions = true,
        description = "Watch domain feeds and certificate-transparency logs for lookalikes of protected names.",
        subcommands = {DomainsWatchCommand.class, DomainsVariantsCommand.class, BenchMovedCommand.class})
final class DomainsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
