package org.tocsin.cli;

import java.io.BufferedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.tocsin.text.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code tocsin <noun> <verb>}. */
@Command(name = "tocsin", mixinStandardHelpOptions = true, version = "tocsin 0.1.0",
        description = "Election threat intelligence: explainable detection of spear-phishing and influence operations.",
        subcommands = {ScanCommand.class, LinksCommand.class, AttributeCommand.class, IntelCommand.class, ImportCommand.class,
                ExportCommand.class, ServeCommand.class, StoreCommand.class, EmailCommand.class, DomainsCommand.class, SitesCommand.class, PostsCommand.class,
                SignalsCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        quietLogs();
        System.exit(run(args));
    }

    /** The log settings of every Tocsin command (tocsin-bench's too). */
    public static void quietLogs() {
        // Apache POI (Outlook .msg) logs through log4j-api; use its simple logger rather than warn that none is set.
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        // SLF4J (the server, Jetty, Flyway): warnings by default, the server's own log (requests, publishing) at info;
        // Flyway warns on every run that it has not been tested with this H2, which no user can act on.
        logLevel("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        logLevel("org.slf4j.simpleLogger.log.org.tocsin", "info");
        logLevel("org.slf4j.simpleLogger.log.org.flywaydb", "error");
        logLevel("org.slf4j.simpleLogger.showDateTime", "true");
        logLevel("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    }

    /** A logging setting, unless the user gave it with -D. */
    private static void logLevel(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /**
     * Runs one command. Standard output and error are guarded for its length ({@link TerminalText#guard}): whatever a
     * command prints, a control or bidirectional character from hostile input reaches the terminal escaped. The
     * commands escape each value they quote as well, so a value cannot forge a line either.
     */
    public static int run(String... args) {
        return execute(new CommandLine(new Main()), args);
    }

    /** Runs a command line built elsewhere (tocsin-bench's) as {@link #run} runs this one: the same guards, errors and exit codes. */
    public static int execute(CommandLine cl, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(guarded(out));
        System.setErr(guarded(err));
        try {
            cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
                cmd.getErr().println("tocsin: " + TerminalText.escape(ex.getMessage()));
                return ex instanceof UsageProblem ? ExitCodes.USAGE : ExitCodes.INPUT;
            });
            return cl.execute(args);
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(out);
            System.setErr(err);
        }
    }

    /** UTF-8 through the guard; flushed on every line, as the console's own stream is. */
    private static PrintStream guarded(PrintStream to) {
        return new PrintStream(new BufferedOutputStream(TerminalText.guard(to), 1 << 13), true, StandardCharsets.UTF_8);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
