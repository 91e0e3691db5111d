package org.tocsin.flink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.tocsin.social.CoordinationSettings;

/**
 * The job's command line: {@code --input PATH} (repeatable, or comma-separated; files or directories),
 * {@code --output PATH}, optionally {@code --edges PATH} (batch: the kept edges as JSON lines),
 * {@code --accounts FILE} (batch: the accounts file, for creation bursts) and
 * {@code --monitor DURATION} (streaming: watch the inputs for new files at that interval), and the coordination
 * settings with the CLI's names and defaults: {@code --window}, {@code --near-threshold}, {@code --lateness},
 * {@code --max-per-key}, {@code --min-weight}, {@code --percentile}, {@code --min-accounts}. Streaming only:
 * {@code --checkpoint-interval} (default 30s: the edge files are committed at checkpoints) and {@code --idleness}
 * (default 10s: a reader without data for that long does not hold the watermark back).
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

    public static JobOptions parse(String... args) {
        List<String> inputs = new ArrayList<>();
        String output = null;
        String edges = null;
        String accounts = null;
        Duration monitor = null;
        Duration checkpoints = Duration.ofSeconds(30);
        Duration idleness = Duration.ofSeconds(10);
        CoordinationSettings d = CoordinationSettings.DEFAULTS;
        Duration window = d.window();
        double near = d.nearThreshold();
        Duration lateness = d.lateness();
        int maxPerKey = d.maxPerKey();
        int minWeight = d.minWeight();
        double percentile = d.percentile();
        int minAccounts = d.minClusterSize();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (!option.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException(option + ": expected --option VALUE");
            }
            String v = args[++i];
            switch (option) {
                case "--input" -> {
                    for (String p : v.split(",")) {
                        if (!p.isBlank()) {
                            inputs.add(p.strip());
                        }
                    }
                }
                case "--output" -> output = v;
                case "--edges" -> edges = v;
                case "--accounts" -> accounts = v;
                case "--monitor" -> monitor = duration(v, option);
                case "--checkpoint-interval" -> checkpoints = duration(v, option);
                case "--idleness" -> idleness = duration(v, option);
                case "--window" -> window = duration(v, option);
                case "--near-threshold" -> near = number(v, option);
                case "--lateness" -> lateness = duration(v, option);
                case "--max-per-key" -> maxPerKey = (int) number(v, option);
                case "--min-weight" -> minWeight = (int) number(v, option);
                case "--percentile" -> percentile = number(v, option);
                case "--min-accounts" -> minAccounts = (int) number(v, option);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        CoordinationSettings settings = new CoordinationSettings(window, near, lateness, maxPerKey, d.accountWindow(), minWeight,
                percentile, minAccounts, d.maxSingleEdges());
        return new JobOptions(inputs, output, edges, monitor, settings, checkpoints, idleness, accounts);
    }

    static Duration duration(String s, String option) {
        try {
            return CoordinationSettings.duration(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + e.getMessage(), e);
        }
    }

    private static double number(String s, String option) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + s + ": a number", e);
        }
    }
}
