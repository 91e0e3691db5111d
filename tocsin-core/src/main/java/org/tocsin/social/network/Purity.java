package org.tocsin.social.network;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * How well clusters agree with known categories of accounts (researchers' labels, such as the Clemson categories
 * of the IRA accounts): a cluster's purity is the share of its accounts in its largest category; the overall
 * purity weighs clusters by size. Accounts without a label count as the category {@code unlabelled}.
 */
public final class Purity {
    private Purity() {
    }

    /** One cluster's categories and purity. */
    public record OfCluster(@Nullable String cluster, Map<String, Integer> categories, double purity) {
    }

    public record Report(List<OfCluster> clusters, int accounts, double purity) {
    }

    public static Report of(List<Cluster> clusters, Map<String, String> truth) {
        int accounts = 0;
        int majority = 0;
        List<OfCluster> out = new java.util.ArrayList<>();
        for (Cluster c : clusters) {
            Map<String, Integer> cats = new TreeMap<>();
            c.accounts().forEach(a -> cats.merge(truth.getOrDefault(a, "unlabelled"), 1, Integer::sum));
            int max = cats.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            accounts += c.accounts().size();
            majority += max;
            out.add(new OfCluster(c.id(), cats, max / (double) c.accounts().size()));
        }
        return new Report(out, accounts, accounts == 0 ? 0 : majority / (double) accounts);
    }
}
