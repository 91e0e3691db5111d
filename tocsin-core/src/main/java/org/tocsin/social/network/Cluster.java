package org.tocsin.social.network;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tocsin.social.TraceKind;
import org.tocsin.social.trace.CoAction;

/**
 * A community of the coordination network, explained: which traces link its accounts and how often, over what
 * span, the items they shared most, sample co-actions and the DISARM techniques the traces indicate.
 *
 * @param score    co-actions per account (log2) × (0.5 + density / 2) × (1 + a quarter per extra trace kind)
 * @param density  the share of account pairs in the cluster that are linked
 * @param first    epoch second of the earliest co-action, {@code last} of the latest
 */
public record Cluster(@Nullable String id, List<String> accounts, double score, double density, long coActions, List<TraceSummary> traces,
                      long first, long last, List<SharedItem> topItems, List<CoAction> samples, List<String> techniques) {
    public Cluster {
        accounts = List.copyOf(accounts);
        traces = List.copyOf(traces);
        topItems = List.copyOf(topItems);
        samples = List.copyOf(samples);
        techniques = List.copyOf(techniques);
    }

    /** One trace within the cluster: how many account pairs it links and by how many co-actions. */
    public record TraceSummary(TraceKind kind, int edges, long coActions) {
    }

    /** An item the cluster's accounts shared, and in how many of the sampled co-actions. */
    public record SharedItem(TraceKind kind, String item, int count) {
    }
}
