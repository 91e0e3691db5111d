package org.tocsin.flink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.tocsin.social.CoordinationOptions;
import org.tocsin.social.CoordinationSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The job's options, resolved: {@code --input PATH} (repeatable, or comma-separated; files or directories),
 * {@code --output PATH}, optionally {@code --edges PATH} (batch: the kept edges as JSON lines),
 * {@code --accounts FILE} (batch: the accounts file, for creation bursts) and
 * {@code --monitor DURATION} (streaming: watch the inputs for new files at that interval), and the coordination
 * settings of core's {@link CoordinationOptions}, the CLI's own (same names, descriptions, defaults). Streaming only:
 * {@code --checkpoint-interval} (default 30s: the edge files are committed at checkpoints) and {@code --idleness}
 * (default 10s: a reader without data for that long does not hold the watermark back). {@link #parse} reads them
 * with picocli.
 */
public record JobOptions(List<String> inputs, String output, String edges, Duration monitor, CoordinationSettings settings,
                         Duration checkpointInterval, Duration idleness, String accounts) {
    public JobOptions {
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("--input PATH is required (a posts file or directory; repeatable)");
        }
        if (output == null) {
            throw new IllegalArgumentException("--output PATH is required");
        }
    }

    /** A batch run over {@code inputs} with the default settings. */
    public static JobOptions batch(List<String> inputs, String output) {
        return new JobOptions(inputs, output, null, null, CoordinationSettings.DEFAULTS, Duration.ofSeconds(30), Duration.ofSeconds(10), null);
    }

    public boolean streaming() {
        return monitor != null;
    }

    public JobOptions withSettings(CoordinationSettings s) {
        return new JobOptions(inputs, output, edges, monitor, s, checkpointInterval, idleness, accounts);
    }

    public JobOptions withEdges(String path) {
        return new JobOptions(inputs, output, path, monitor, settings, checkpointInterval, idleness, accounts);
    }

    public JobOptions monitoring(Duration every, Duration checkpoints, Duration idle) {
        return new JobOptions(inputs, output, edges, every, settings, checkpoints, idle, accounts);
    }

    /**
     * Reads the job's command line (see {@link Arguments}).
     *
     * @throws IllegalArgumentException for a usage error, with picocli's message (an unknown or missing option, a value
     *                                  that does not parse); the job's main prints it with {@link #usage()} and hands it
     *                                  to {@code flink run} rather than exiting the JVM
     */
    public static JobOptions parse(String... args) {
        Arguments a = new Arguments();
        try {
            new CommandLine(a).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return a.options();
    }

    /** The usage text, from the same declarations as the parsing. */
    public static String usage() {
        return new CommandLine(new Arguments()).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    /** True when the arguments ask for the usage text ({@code --help}). */
    public static boolean helpRequested(String... args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The command line as picocli declares it: the job's own options here, the coordination settings from core's
     * {@link CoordinationOptions}, which {@code tocsin posts coordination} mixes in too — one set of names, descriptions
     * and defaults for both.
     */
    @Command(name = "flink run tocsin-flink-job.jar", sortOptions = false, mixinStandardHelpOptions = true,
            description = "The coordination analysis as a Flink job: batch over files (clusters and a summary written to --output),"
                    + " or streaming with --monitor (edge updates written to the --output directory). See docs/flink.md.")
    static final class Arguments {
        @Option(names = "--input", paramLabel = "POSTS", required = true, split = ",",
                description = "Posts file or directory (any Flink file system); repeatable, or comma-separated.")
        List<String> inputs = new ArrayList<>();

        @Option(names = "--output", paramLabel = "OUT", required = true,
                description = "Batch: the clusters as JSON lines, then the summary object. Streaming: the directory of edge updates.")
        String output;

        @Option(names = "--edges", paramLabel = "EDGES", description = "Batch: also the kept edges as JSON lines.")
        String edges;

        @Option(names = "--accounts", paramLabel = "FILE",
                description = "Batch: accounts file (CSV or JSON Lines), whose creation bursts join the edges.")
        String accounts;

        @Option(names = "--monitor", paramLabel = "DURATION",
                description = "Streaming: watch the inputs for new files at this interval (e.g. 10s).")
        String monitor;

        @Option(names = "--checkpoint-interval", paramLabel = "DURATION",
                description = "Streaming: edge files are committed at checkpoints. Default ${DEFAULT-VALUE}.")
        String checkpoints = "30s";

        @Option(names = "--idleness", paramLabel = "DURATION",
                description = "Streaming: a reader without data for this long does not hold the watermark back. Default ${DEFAULT-VALUE}.")
        String idleness = "10s";

        @Mixin
        CoordinationOptions coordination = new CoordinationOptions();

        JobOptions options() {
            List<String> paths = inputs.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
            return new JobOptions(paths, output, edges, monitor == null ? null : duration(monitor, "--monitor"), coordination.settings(),
                    duration(checkpoints, "--checkpoint-interval"), duration(idleness, "--idleness"), accounts);
        }
    }

    static Duration duration(String s, String option) {
        try {
            return CoordinationSettings.duration(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + e.getMessage(), e);
        }
    }
}
