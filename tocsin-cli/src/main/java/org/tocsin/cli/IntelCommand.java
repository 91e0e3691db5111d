package org.tocsin.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tocsin intel …}: the actors Tocsin knows and the indicators analysts keep. */
@Command(name = "intel", mixinStandardHelpOptions = true,
        description = "Threat actors (with aliases, techniques and known indicators) and the indicators analysts add.",
        subcommands = {IntelActorsCommand.class, IntelAddCommand.class, IntelIndicatorsCommand.class})
final class IntelCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
