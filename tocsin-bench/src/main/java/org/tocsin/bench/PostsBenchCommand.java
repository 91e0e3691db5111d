package org.tocsin.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import org.tocsin.cli.ExitCodes;
import org.tocsin.profile.Profile;
import org.tocsin.social.CoordinationSettings;
import org.tocsin.social.Post;
import org.tocsin.social.SyntheticPosts;
import org.tocsin.social.coordination.CoordinationRun;
import org.tocsin.social.network.CoordinationNetwork;
import org.tocsin.social.trace.PersonaCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The coordination pipeline at scale: synthetic posts with planted groups ({@link SyntheticPosts}) generated on
 * one thread and analysed on another, as a reader and the analysis would run; reports posts/s, wall time, heap
 * and the precision and recall of the planted accounts. {@code --write} writes the posts as canonical CSV
 * instead, to time {@code posts coordination} on a file.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Generate posts with planted coordinated groups and time the whole coordination pipeline on them.")
final class PostsBenchCommand implements Callable<Integer> {
    private static final int BATCH = 2048;

    @Option(names = "--posts", defaultValue = "10000000", description = "Organic posts (default: ${DEFAULT-VALUE}).")
    long posts;

    @Option(names = "--accounts", defaultValue = "1000000", description = "Organic accounts (default: ${DEFAULT-VALUE}).")
    int accounts;

    @Option(names = "--groups", defaultValue = "200", description = "Planted groups (default: ${DEFAULT-VALUE}).")
    int groups;

    @Option(names = "--group-size", defaultValue = "20", description = "Accounts per planted group (default: ${DEFAULT-VALUE}).")
    int groupSize;

    @Option(names = "--bursts", defaultValue = "10", description = "Coordinated bursts per group (default: ${DEFAULT-VALUE}).")
    int bursts;

    @Option(names = "--days", defaultValue = "30", description = "Days the posts span (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--seed", defaultValue = "2016", description = "Generator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--write", paramLabel = "CSV", description = "Write the posts as canonical CSV to this file instead of analysing them.")
    Path write;

    @Override
    public Integer call() throws Exception {
        SyntheticPosts spec = new SyntheticPosts(posts, accounts, groups, groupSize, bursts, days, seed);
        if (write != null) {
            return write(spec);
        }
        CoordinationRun run = new CoordinationRun(CoordinationSettings.DEFAULTS, new PersonaCheck(Profile.empty()));
        BlockingQueue<List<Post>> queue = new ArrayBlockingQueue<>(64);
        Thread producer = new Thread(() -> produce(spec.iterator(), queue), "posts-generator");
        HeapPeaks.reset();
        long start = System.nanoTime();
        producer.start();
        long liveMax = 0;
        long batches = 0;
        while (true) {
            List<Post> batch = queue.take();
            if (batch.isEmpty()) {
                break;
            }
            batch.forEach(run::add);
            if (++batches % 256 == 0) {
                liveMax = Math.max(liveMax, liveAfterGc());
            }
        }
        long analysed = System.nanoTime();
        CoordinationNetwork.Result result = run.finish();
        double seconds = (System.nanoTime() - start) / 1e9;
        Set<String> found = new HashSet<>();
        result.clusters().forEach(c -> found.addAll(c.accounts()));
        Set<String> planted = spec.planted();
        long hit = found.stream().filter(planted::contains).count();
        CoordinationRun.Stats s = run.stats();
        System.out.printf(Locale.ROOT, "posts: %d (%d organic from %d accounts, %d planted groups of %d)%n", s.posts(), posts, accounts,
                groups, groupSize);
        System.out.printf(Locale.ROOT, "wall: %.1f s (%.1f s streaming, %.1f s clustering); %.0f posts/s on %d cores%n", seconds,
                (analysed - start) / 1e9, (System.nanoTime() - analysed) / 1e9, s.posts() / seconds,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "heap: peak %.0f MB, live after GC at most %.0f MB (max heap %d MB); keys live at most %d%n",
                HeapPeaks.peakBytes() / 1e6, liveMax / 1e6, Runtime.getRuntime().maxMemory() >> 20, s.liveKeysPeak());
        System.out.printf(Locale.ROOT, "co-actions %d, account pairs %d (%d single-co-action pairs forgotten), kept %d, clusters %d%n",
                s.coActions(), s.edges(), s.forgotten(), result.edges().size(), result.clusters().size());
        System.out.printf(Locale.ROOT, "planted accounts: %d; in clusters: %d; precision %.3f, recall %.3f%n", planted.size(), found.size(),
                found.isEmpty() ? 0 : hit / (double) found.size(), hit / (double) planted.size());
        return ExitCodes.OK;
    }

    private static void produce(Iterator<Post> it, BlockingQueue<List<Post>> queue) {
        try {
            List<Post> batch = new ArrayList<>(BATCH);
            while (it.hasNext()) {
                batch.add(it.next());
                if (batch.size() == BATCH) {
                    queue.put(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                queue.put(batch);
            }
            queue.put(List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Heap in use after the latest collection of each pool: what the run keeps, not its garbage. */
    private static long liveAfterGc() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null) {
                sum += p.getCollectionUsage().getUsed();
            }
        }
        return sum;
    }

    private int write(SyntheticPosts spec) throws IOException {
        long n = 0;
        try (BufferedWriter w = Files.newBufferedWriter(write, StandardCharsets.UTF_8)) {
            w.write("post_id,account_id,account_name,created_at,kind,text,urls,reshare_of,reply_to,lang\n");
            Iterator<Post> it = spec.iterator();
            while (it.hasNext()) {
                Post p = it.next();
                w.write(p.postId() + "," + p.accountId() + "," + p.accountName() + "," + p.createdAt() + "," + p.kind().jsonName() + ","
                        + csv(p.text()) + "," + String.join(" ", p.urls()) + "," + (p.reshareOf() == null ? "" : p.reshareOf()) + ","
                        + (p.replyTo() == null ? "" : p.replyTo()) + "," + (p.lang() == null ? "" : p.lang()) + "\n");
                n++;
            }
        }
        System.out.println(n + " posts written to " + write + "; planted accounts: " + spec.planted().size());
        return ExitCodes.OK;
    }

    private static String csv(String s) {
        return s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
