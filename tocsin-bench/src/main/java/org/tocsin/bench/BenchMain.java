package org.tocsin.bench;

import org.tocsin.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of tocsin-bench: {@code tocsin-bench <noun> bench}, the same nouns as {@code tocsin}'s, so a bench
 * command reads as it did when it lived in the shipped jar. Run by the command line's own runner ({@link Main#execute}),
 * so output guards, errors and exit codes are the command line's.
 */
@Command(name = "tocsin-bench", mixinStandardHelpOptions = true, version = "tocsin-bench 0.1.0",
        description = {"Tocsin's whole-pipeline benchmarks (docs/performance.md).",
                "JMH micro-benchmarks (JAR: tocsin-bench/target/tocsin-bench.jar), from the repository root:",
                "  java -cp JAR org.openjdk.jmh.Main [JMH options] [BENCHMARK]"})
public final class BenchMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        Main.quietLogs();
        System.exit(run(args));
    }

    /** Runs one bench command; the exit code as {@code tocsin}'s (docs/cli.md). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new BenchMain())
                .addSubcommand(noun("email", "Triage throughput over a corpus of mail.", new EmailBenchCommand()))
                .addSubcommand(noun("domains", "Lookalike-watch throughput over domain feeds.", new DomainsBenchCommand()))
                .addSubcommand(noun("posts", "The coordination pipeline on synthetic posts with planted groups.", new PostsBenchCommand()))
                .addSubcommand(noun("store", "The knowledge store at scale.", new StoreBenchCommand()));
        return Main.execute(cl, args);
    }

    /** {@code NAME bench}: a noun whose one verb is its bench command. */
    private static CommandLine noun(String name, String description, Object bench) {
        CommandLine noun = new CommandLine(new Noun());
        noun.getCommandSpec().name(name).usageMessage().description(description);
        return noun.addSubcommand(bench);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** A noun without its verb prints its usage, as {@code tocsin}'s nouns do. */
    @Command(mixinStandardHelpOptions = true)
    static final class Noun implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(System.out);
        }
    }
}
