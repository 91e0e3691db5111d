package org.tocsin.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tocsin email …}: spear-phishing triage of reported mail. */
@Command(name = "email", mixinStandardHelpOptions = true,
        description = "Triage reported e-mail for spear-phishing.",
        subcommands = {EmailTriageCommand.class, EmailEvalCommand.class, BenchMovedCommand.class})
final class EmailCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
