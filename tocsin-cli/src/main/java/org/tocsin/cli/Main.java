package org.tocsin.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code tocsin <noun> <verb>}. */
@Command(name = "tocsin", mixinStandardHelpOptions = true, version = "tocsin 0.1.0",
        description = "Election threat intelligence: explainable detection of spear-phishing and influence operations.",
        subcommands = {ScanCommand.class, LinksCommand.class, AttributeCommand.class, IntelCommand.class, ImportCommand.class, ExportCommand.class, StoreCommand.class, EmailCommand.class, DomainsCommand.class, SignalsCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Apache POI (Outlook .msg) logs through log4j-api; use its simple logger rather than warn that none is set.
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("tocsin: " + ex.getMessage());
            return ex instanceof UsageProblem ? ExitCodes.USAGE : ExitCodes.INPUT;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
