package org.tocsin.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tocsin export …}: the store's findings in the formats partners ingest. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the store's findings for partners: a STIX 2.1 bundle or a MISP event.",
        subcommands = {ExportStixCommand.class, ExportMispCommand.class})
final class ExportCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
