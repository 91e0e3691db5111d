package org.tocsin.social.network;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tocsin.social.TraceKind;
import org.tocsin.social.trace.CoAction;

/**
 * Two accounts and every trace that links them. The weight is the number of co-actions: accounts that acted
 * alike once may have met by chance; accounts that did so again and again did not.
 *
 * @param a      the account that sorts first
 * @param traces one entry per trace kind seen, in {@link TraceKind} order
 */
public record Edge(String a, String b, List<TraceEvidence> traces) {
    public Edge {
        traces = List.copyOf(traces);
    }

    public static Edge of(CoAction c) {
        return new Edge(c.accountA(), c.accountB(), List.of(TraceEvidence.of(c)));
    }

    /** The key an edge is grouped by. */
    public String key() {
        return a + "\u0000" + b;
    }

    public long weight() {
        long w = 0;
        for (TraceEvidence t : traces) {
            w += t.count();
        }
        return w;
    }

    /** Both edges' evidence, trace by trace; the accounts must be the same. */
    public Edge merge(Edge o) {
        if (!a.equals(o.a) || !b.equals(o.b)) {
            throw new IllegalArgumentException("merging edges of different accounts");
        }
        List<TraceEvidence> out = new ArrayList<>(traces);
        for (TraceEvidence t : o.traces) {
            int i = indexOf(out, t.kind());
            if (i < 0) {
                out.add(t);
            } else {
                out.set(i, out.get(i).merge(t));
            }
        }
        out.sort(Comparator.comparing(TraceEvidence::kind));
        return new Edge(a, b, out);
    }

    private static int indexOf(List<TraceEvidence> list, TraceKind kind) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).kind() == kind) {
                return i;
            }
        }
        return -1;
    }
}
