package org.tocsin.social.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeSet;
import nl.cwts.networkanalysis.Clustering;
import nl.cwts.networkanalysis.LeidenAlgorithm;
import nl.cwts.networkanalysis.Network;
import nl.cwts.util.LargeDoubleArray;
import nl.cwts.util.LargeIntArray;
import org.tocsin.social.CoordinationSettings;
import org.tocsin.social.TraceKind;
import org.tocsin.social.trace.CoAction;

/**
 * From edges to explained clusters: edges below the minimum weight or the percentile are dropped, the rest
 * form a weighted network whose communities Leiden finds (CWTS networkanalysis, modularity, fixed seed), and
 * each community of at least the minimum size is scored and explained. The input is sorted first, so the same
 * edges give the same clusters whichever runner produced them.
 */
public final class CoordinationNetwork {
    private static final long SEED = 20161001L;
    private static final int ITERATIONS = 10;
    private static final int TOP_ITEMS = 5;
    private static final int SAMPLES = 5;

    private CoordinationNetwork() {
    }

    /** What clustering kept and found. */
    public record Result(List<Edge> edges, List<Cluster> clusters) {
    }

    public static Result cluster(Collection<Edge> all, CoordinationSettings settings) {
        List<Edge> edges = filter(all, settings);
        TreeSet<String> names = new TreeSet<>();
        edges.forEach(e -> {
            names.add(e.a());
            names.add(e.b());
        });
        if (edges.isEmpty()) {
            return new Result(edges, List.of());
        }
        List<String> accounts = new ArrayList<>(names);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < accounts.size(); i++) {
            index.put(accounts.get(i), i);
        }
        int[] communities = leiden(accounts.size(), edges, index);
        Map<Integer, List<String>> members = new LinkedHashMap<>();
        for (int i = 0; i < accounts.size(); i++) {
            members.computeIfAbsent(communities[i], c -> new ArrayList<>()).add(accounts.get(i));
        }
        Map<Integer, List<Edge>> internal = new HashMap<>();
        for (Edge e : edges) {
            int c = communities[Objects.requireNonNull(index.get(e.a()))];
            if (c == communities[Objects.requireNonNull(index.get(e.b()))]) {
                internal.computeIfAbsent(c, k -> new ArrayList<>()).add(e);
            }
        }
        List<Cluster> clusters = new ArrayList<>();
        members.forEach((c, list) -> {
            if (list.size() >= settings.minClusterSize() && internal.containsKey(c)) {
                clusters.add(explain(list, internal.get(c)));
            }
        });
        clusters.sort(Comparator.comparingDouble(Cluster::score).reversed().thenComparing(k -> k.accounts().get(0)));
        List<Cluster> numbered = new ArrayList<>();
        for (Cluster k : clusters) {
            numbered.add(new Cluster("cluster-" + (numbered.size() + 1), k.accounts(), k.score(), k.density(), k.coActions(), k.traces(),
                    k.first(), k.last(), k.topItems(), k.samples(), k.techniques()));
        }
        return new Result(edges, numbered);
    }

    /** Edges at or above the minimum weight and the percentile, sorted by their accounts. */
    static List<Edge> filter(Collection<Edge> all, CoordinationSettings settings) {
        List<Edge> kept = new ArrayList<>();
        for (Edge e : all) {
            if (e.weight() >= settings.minWeight()) {
                kept.add(e);
            }
        }
        if (settings.percentile() > 0 && !kept.isEmpty()) {
            long[] weights = kept.stream().mapToLong(Edge::weight).sorted().toArray();
            long cut = weights[(int) Math.min(weights.length - 1, Math.floor(settings.percentile() / 100 * weights.length))];
            kept.removeIf(e -> e.weight() < cut);
        }
        kept.sort(Comparator.comparing(Edge::a).thenComparing(Edge::b));
        return kept;
    }

    private static int[] leiden(int n, List<Edge> edges, Map<String, Integer> index) {
        LargeIntArray[] ends = {new LargeIntArray(edges.size()), new LargeIntArray(edges.size())};
        LargeDoubleArray weights = new LargeDoubleArray(edges.size());
        for (int i = 0; i < edges.size(); i++) {
            Edge e = edges.get(i);
            ends[0].set(i, Objects.requireNonNull(index.get(e.a())));
            ends[1].set(i, Objects.requireNonNull(index.get(e.b())));
            weights.set(i, (double) e.weight());
        }
        // node weights = total edge weight: the modularity quality function, as CWTS's RunNetworkClustering sets it up
        Network network = new Network(n, true, ends, weights, false, true);
        double resolution = 1.0 / (2 * network.getTotalEdgeWeight() + network.getTotalEdgeWeightSelfLinks());
        LeidenAlgorithm leiden = new LeidenAlgorithm(resolution, ITERATIONS, LeidenAlgorithm.DEFAULT_RANDOMNESS, new Random(SEED));
        Clustering clustering = new Clustering(n);
        leiden.improveClustering(network, clustering);
        return clustering.getClusters();
    }

    static Cluster explain(List<String> accounts, List<Edge> edges) {
        Map<TraceKind, long[]> perKind = new EnumMap<>(TraceKind.class); // {edges, co-actions}
        Map<String, Cluster.SharedItem> items = new HashMap<>();
        List<CoAction> samples = new ArrayList<>();
        long coActions = 0;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (Edge e : edges) {
            for (TraceEvidence t : e.traces()) {
                long[] s = perKind.computeIfAbsent(t.kind(), k -> new long[2]);
                s[0]++;
                s[1] += t.count();
                coActions += t.count();
                first = Math.min(first, t.first());
                last = Math.max(last, t.last());
                for (CoAction c : t.samples()) {
                    samples.add(c);
                    items.merge(t.kind() + "\u0000" + c.item(), new Cluster.SharedItem(t.kind(), c.item(), 1),
                            (x, y) -> new Cluster.SharedItem(x.kind(), x.item(), x.count() + 1));
                }
            }
        }
        List<Cluster.TraceSummary> traces = new ArrayList<>();
        List<String> techniques = new ArrayList<>();
        perKind.forEach((k, s) -> {
            traces.add(new Cluster.TraceSummary(k, (int) s[0], s[1]));
            if (!techniques.contains(k.technique())) {
                techniques.add(k.technique());
            }
        });
        List<Cluster.SharedItem> top = items.values().stream().sorted(Comparator.comparingInt(Cluster.SharedItem::count).reversed()
                .thenComparing(Cluster.SharedItem::kind).thenComparing(Cluster.SharedItem::item)).limit(TOP_ITEMS).toList();
        samples.sort(TraceEvidence.ORDER);
        // one sample per pair of posts: the same two posts often share a link, a text and hashtags at once
        java.util.Set<String> seen = new java.util.HashSet<>();
        samples.removeIf(c -> !seen.add(c.postA() + "\u0000" + c.postB()));
        int n = accounts.size();
        double density = n < 2 ? 0 : edges.size() / (n * (n - 1) / 2.0);
        double score = Math.log(1 + coActions / (double) n) / Math.log(2) * (0.5 + density / 2) * (1 + 0.25 * (perKind.size() - 1));
        List<String> sorted = new ArrayList<>(accounts);
        sorted.sort(null);
        return new Cluster(null, sorted, round(score), round(density), coActions, traces, first, last, top,
                samples.subList(0, Math.min(SAMPLES, samples.size())), techniques);
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
