package org.tocsin.bench.jmh;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tocsin.profile.Profile;
import org.tocsin.social.CoordinationSettings;
import org.tocsin.social.Post;
import org.tocsin.social.SyntheticPosts;
import org.tocsin.social.coordination.CoordinationRun;
import org.tocsin.social.trace.KeyedAction;
import org.tocsin.social.trace.PersonaCheck;
import org.tocsin.social.trace.PostTraces;

/**
 * The coordination hot path per post: its keyed actions alone ({@code traces}: normalisation, link keys,
 * shingles, MinHash bands), and the whole embedded step ({@code run}: traces, window pairing, edge merging)
 * over 200,000 synthetic posts replayed in order.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CoordinationBenchmark {
    private final List<Post> posts = new ArrayList<>();
    private CoordinationRun run;
    private int next;

    @Setup
    public void setUp() {
        Iterator<Post> it = new SyntheticPosts(200_000, 20_000, 10, 15, 8, 2, 11).iterator();
        while (it.hasNext()) {
            posts.add(it.next());
        }
        run = new CoordinationRun(CoordinationSettings.DEFAULTS, new PersonaCheck(Profile.empty()));
    }

    private Post nextPost() {
        if (next == posts.size()) {
            next = 0;
            // a new run each lap: replaying old times into the same run would only hit its lateness guard
            run = new CoordinationRun(CoordinationSettings.DEFAULTS, new PersonaCheck(Profile.empty()));
        }
        return posts.get(next++);
    }

    @Benchmark
    public List<KeyedAction> traces() {
        return PostTraces.of(nextPost());
    }

    @Benchmark
    public long run() {
        run.add(nextPost());
        return run.stats().posts();
    }
}
