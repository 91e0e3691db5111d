package org.tocsin.social.trace;

import org.tocsin.social.TraceKind;

/**
 * Two accounts doing the same thing within the window: the evidence an edge is made of. Account {@code a} sorts
 * before account {@code b}, so the same pair always reads the same way.
 */
public record CoAction(TraceKind kind, String item, String accountA, String postA, long secondA, String accountB, String postB,
                       long secondB) {
    static CoAction of(TraceKind kind, Action x, Action y) {
        boolean xFirst = x.accountId().compareTo(y.accountId()) <= 0;
        Action a = xFirst ? x : y;
        Action b = xFirst ? y : x;
        String item = a.second() <= b.second() ? a.item() : b.item();
        return new CoAction(kind, item, a.accountId(), a.postId(), a.second(), b.accountId(), b.postId(), b.second());
    }

    /** The earlier of the two actions' times. */
    public long first() {
        return Math.min(secondA, secondB);
    }
}
