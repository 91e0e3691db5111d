package org.tocsin.domain;

/**
 * The deletion neighbourhoods of the protected skeletons (the SymSpell idea): if two strings are within
 * edit distance k, deleting at most k characters from each makes them equal. Each protected skeleton is
 * stored under every deletion of up to its own allowed distance; a candidate looks up its own deletions, so
 * the work per candidate depends on its length, not on how many names are protected.
 *
 * <p>Deletions are never built as strings. They are addressed by a 64-bit polynomial hash computed in
 * O(1) from prefix hashes, and stored in a primitive open-addressing table, so a lookup allocates nothing.
 * A hash collision can only produce an extra candidate, which the caller's exact edit distance discards.
 */
final class DeletionIndex {
    /** A deletion neighbourhood grows with the square of the length; host labels end at 63. */
    private static final int MAX_LENGTH = 63;

    private final LongPostings table = new LongPostings();

    /** Builds the table's filter; call once every name is added. */
    void seal() {
        table.seal();
    }

    /** Stores {@code entry} under every deletion of {@code s} removing at most {@code maxDeletions} characters. */
    void add(String s, int maxDeletions, int entry) {
        if (s.length() > MAX_LENGTH) {
            return;
        }
        StringHashes h = new StringHashes(s);
        table.put(h.whole(), entry);
        if (maxDeletions >= 1) {
            for (int i = 0; i < s.length(); i++) {
                table.put(h.without(i), entry);
                if (maxDeletions >= 2) {
                    for (int j = i + 1; j < s.length(); j++) {
                        table.put(h.without(i, j), entry);
                    }
                }
            }
        }
    }

    /**
     * Reports to {@code sink} each stored entry sharing a deletion (of up to {@code maxDeletions}) with {@code s}.
     * All keys are hashed first and then checked against the filter in one tight loop: the filter reads do not
     * depend on each other, so the processor overlaps their cache misses instead of waiting on each in turn.
     */
    void candidates(String s, int maxDeletions, java.util.function.IntConsumer sink) {
        int n = s.length();
        if (n > MAX_LENGTH) {
            return;
        }
        StringHashes h = new StringHashes(s);
        long[] probe = new long[1 + (maxDeletions >= 1 ? n : 0) + (maxDeletions >= 2 ? n * (n - 1) / 2 : 0)];
        int count = 0;
        probe[count++] = h.whole();
        if (maxDeletions >= 1) {
            for (int i = 0; i < n; i++) {
                probe[count++] = h.without(i);
                if (maxDeletions >= 2) {
                    for (int j = i + 1; j < n; j++) {
                        probe[count++] = h.without(i, j);
                    }
                }
            }
        }
        int survivors = 0;
        for (int i = 0; i < count; i++) {
            if (table.mayContain(probe[i])) {
                probe[survivors++] = probe[i];
            }
        }
        for (int i = 0; i < survivors; i++) {
            table.forEach(probe[i], sink);
        }
    }
}
