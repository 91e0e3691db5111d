package org.tocsin.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tocsin sites …}: news sites from web archives. */
@Command(name = "sites", mixinStandardHelpOptions = true,
        description = "Assess news sites from web archives (WARC, WACZ, saved HTML) and find the networks among them.",
        subcommands = {SitesAssessCommand.class})
final class SitesCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
