package org.tocsin.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tocsin.cli.ExitCodes;
import org.tocsin.cli.TriageOptions;
import org.tocsin.cli.UsageProblem;
import org.tocsin.email.read.MailReader;
import org.tocsin.email.triage.EmailTriage;
import org.tocsin.input.Input;
import org.tocsin.input.InputWalker;
import org.tocsin.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Whole-pipeline throughput: parse and triage every message of a corpus on one thread, several
 * passes after a warm-up, and report messages per second and peak heap. Files are read into memory
 * first so the figure is the triage's, not the disk's.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure full triage throughput (messages/s on one core) and peak heap over a corpus.")
final class EmailBenchCommand implements Callable<Integer> {
    @Mixin
    TriageOptions options = new TriageOptions();

    @Option(names = "--passes", defaultValue = "3", description = "Timed passes over the corpus (default: ${DEFAULT-VALUE}).")
    int passes;

    @Option(names = "--warmup", defaultValue = "1", description = "Untimed passes first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threads", defaultValue = "1",
            description = "Worker threads, each triaging its share of the corpus (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--parse-only", description = "Only read and parse (mime4j), to compare with full triage.")
    boolean parseOnly;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Directories of .eml files.")
    List<Path> dirs;

    @Override
    public Integer call() throws IOException {
        List<byte[]> corpus = new ArrayList<>();
        long bytes = 0;
        List<Input> files = new InputWalker().inputs(dirs.stream().map(Path::toString).toList(),
                (where, reason) -> System.err.println("tocsin: " + TerminalText.escape(where) + ": " + reason));
        for (Input f : files) {
            try (java.io.InputStream in = f.open()) {
                byte[] b = in.readAllBytes();
                corpus.add(b);
                bytes += b.length;
            }
        }
        if (corpus.isEmpty()) {
            throw new UsageProblem("no files under " + dirs);
        }
        EmailTriage triage = options.triage();
        EmailTriage run = parseOnly ? null : triage;
        for (int i = 0; i < warmup; i++) {
            parallelPass(corpus, run);
        }
        HeapPeaks.reset();
        long start = System.nanoTime();
        long flagged = 0;
        for (int i = 0; i < passes; i++) {
            flagged = parallelPass(corpus, run);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long messages = (long) corpus.size() * passes;
        System.out.printf(Locale.ROOT, "corpus: %d messages, %.1f MB; %d passes on %d thread(s); %s%n",
                corpus.size(), bytes / 1e6, passes, threads, parseOnly ? "parse only" : "full triage");
        System.out.printf(Locale.ROOT, "throughput: %.0f messages/s (%.1f MB/s), %.3f ms/message%n",
                messages / seconds, bytes * (double) passes / 1e6 / seconds, 1000 * seconds / messages);
        System.out.printf(Locale.ROOT, "peak heap: %.0f MB (max heap %d MB); flagged per pass: %d%n",
                HeapPeaks.peakBytes() / 1e6, Runtime.getRuntime().maxMemory() >> 20, flagged);
        return ExitCodes.OK;
    }

    /** Splits the corpus into {@code threads} interleaved shares and triages them at the same time. */
    private long parallelPass(List<byte[]> corpus, EmailTriage triage) {
        if (threads <= 1) {
            return pass(corpus, 0, 1, new MailReader(), triage);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<Long>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> pass(corpus, first, threads, new MailReader(), triage)));
            }
            long flagged = 0;
            for (var p : parts) {
                flagged += p.get();
            }
            return flagged;
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
    }

    private static long pass(List<byte[]> corpus, int first, int step, MailReader reader, EmailTriage triage) {
        long[] flagged = {0};
        for (int i = first; i < corpus.size(); i += step) {
            reader.read(new ByteArrayInputStream(corpus.get(i)), "bench-" + i, item -> {
                if (item.ok() && triage != null) {
                    try {
                        for (var r : triage.triage(item.message())) {
                            if (r.assessment().verdict() != org.tocsin.signal.Verdict.CLEAN) {
                                flagged[0]++;
                            }
                        }
                    } catch (org.tocsin.email.triage.TriageException e) {
                        System.err.println("tocsin: " + e.getMessage());
                    }
                }
            });
        }
        return flagged[0];
    }
}
