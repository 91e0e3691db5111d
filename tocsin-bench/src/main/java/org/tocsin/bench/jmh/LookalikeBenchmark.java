package org.tocsin.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.tocsin.domain.LookalikeIndex;
import org.tocsin.domain.ProtectedName;
import org.tocsin.domain.watch.Allowlist;
import org.tocsin.domain.watch.DomainWatch;

/**
 * Lookalike matching of fresh host names against indexes of growing size: the cost per host must stay
 * near-flat as protected names grow, because matching goes through hashed indexes, never all pairs.
 * {@code index} is the matcher alone (uncached, as the watch calls it); {@code watch} adds what the domain
 * watch does per feed name (UTS #46 normalisation, label checks, registrable domain, dedup).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LookalikeBenchmark {
    @Param({"50", "1000", "10000"})
    int protectedNames;

    private LookalikeIndex index;
    private DomainWatch watch;
    private String[] hosts;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Random r = new Random(42);
        List<ProtectedName> names = new ArrayList<>();
        for (int i = 0; i < protectedNames; i++) {
            String label = word(r, 6 + r.nextInt(8));
            names.add(new ProtectedName(label, label + ".com", label, ProtectedName.Source.ORGANIZATION,
                    java.util.Set.of(label + ".com"), false));
        }
        index = LookalikeIndex.of(names);
        watch = new DomainWatch(index, Allowlist.of(List.of()));
        hosts = new String[1 << 20];
        String[] tlds = {"com", "net", "org", "xyz", "de", "co.uk", "info"};
        for (int i = 0; i < hosts.length; i++) {
            hosts[i] = word(r, 5 + r.nextInt(12)) + "." + tlds[r.nextInt(tlds.length)];
        }
        next = 0;
    }

    private static String word(Random r, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append((char) ('a' + r.nextInt(26)));
        }
        return b.toString();
    }

    @Benchmark
    public Object index() {
        return index.examine(hosts[next++ & (hosts.length - 1)]);
    }

    @Benchmark
    public Object watch() {
        return watch.examine("bench", hosts[next++ & (hosts.length - 1)]);
    }
}
