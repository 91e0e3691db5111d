package org.tocsin.social.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tocsin.social.TraceKind;
import org.tocsin.social.trace.CoAction;

/**
 * One trace between two accounts: how many co-actions, over what span, and the earliest few as samples. Merging
 * is associative and commutative (sums, minima, maxima, the earliest samples), so partial evidence from any
 * number of workers, in any order, merges to the same result.
 */
public record TraceEvidence(TraceKind kind, long count, long first, long last, List<CoAction> samples) {
    /** Samples kept per trace and edge. */
    public static final int SAMPLES = 3;
    static final Comparator<CoAction> ORDER = Comparator.comparingLong(CoAction::first).thenComparing(CoAction::postA)
            .thenComparing(CoAction::postB).thenComparing(CoAction::item);

    public TraceEvidence {
        samples = List.copyOf(samples);
    }

    static TraceEvidence of(CoAction c) {
        long last = Math.max(c.secondA(), c.secondB());
        return new TraceEvidence(c.kind(), 1, c.first(), last, List.of(c));
    }

    TraceEvidence merge(TraceEvidence o) {
        List<CoAction> all = new ArrayList<>(samples);
        all.addAll(o.samples);
        all.sort(ORDER);
        List<CoAction> keep = new ArrayList<>(SAMPLES);
        for (CoAction c : all) {
            if (keep.size() == SAMPLES) {
                break;
            }
            if (keep.isEmpty() || ORDER.compare(keep.get(keep.size() - 1), c) != 0) {
                keep.add(c);
            }
        }
        return new TraceEvidence(kind, count + o.count, Math.min(first, o.first), Math.max(last, o.last), keep);
    }
}
