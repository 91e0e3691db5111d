package org.tocsin.social.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.tocsin.social.TraceKind;

/**
 * The recent actions under one key, and the pairing rule every trace shares: a new action is paired with each
 * kept action of another account at most {@code window} seconds away — a window slid around each action, never
 * a fixed bucket, so two posts a second apart across a minute boundary still pair. Memory is bounded by the
 * window: actions older than {@code keep} seconds before the newest are dropped, and at most {@code maxKept}
 * are kept (a trending item's oldest uses go first).
 *
 * <p>Keys with a band are LSH bands (near-identical post texts, account descriptions); a pair is reported under
 * the first band the two signatures share (so a pair colliding in several bands counts once), only when its exact
 * shingle Jaccard reaches the threshold, and for posts not when the texts are identical (that is
 * {@link TraceKind#CO_TEXT}'s).
 *
 * <p>Both runners feed one pairer per key: the embedded one in input order (time order, up to the lateness
 * allowance), the Flink job in event-time order per key.
 */
public final class WindowPairer {
    private final ArrayList<Action> kept = new ArrayList<>();
    private long newest = Long.MIN_VALUE;

    public WindowPairer() {
    }

    /**
     * A pairer as it was: {@code kept} as {@link #kept()} gave it (oldest first) and {@code newest} as
     * {@link #newest()} did. The Flink job keeps these two in keyed state and restores the pairer from them.
     */
    public static WindowPairer restore(List<Action> kept, long newest) {
        WindowPairer p = new WindowPairer();
        p.kept.addAll(kept);
        p.newest = newest;
        return p;
    }

    /** The rules of one run. */
    public record Rules(long windowSeconds, long keepSeconds, int maxKept, double nearThreshold) {
    }

    /** Pairs {@code a} with the kept actions, hands each pair to {@code out}, then keeps {@code a}. */
    public void add(TraceKey key, Action a, Rules rules, Consumer<CoAction> out) {
        newest = Math.max(newest, a.second());
        evict(newest - rules.keepSeconds());
        for (Action k : kept) {
            if (Math.abs(k.second() - a.second()) <= rules.windowSeconds() && !k.accountId().equals(a.accountId())
                    && (key.band() < 0 || nearPair(k, a, key, rules.nearThreshold()))) {
                out.accept(CoAction.of(key.kind(), k, a));
            }
        }
        // kept in time order; input out of order within the lateness allowance is placed where it belongs
        int at = kept.size();
        while (at > 0 && kept.get(at - 1).second() > a.second()) {
            at--;
        }
        kept.add(at, a);
        if (kept.size() > rules.maxKept()) {
            kept.remove(0);
        }
    }

    /** Drops actions before {@code second}. */
    public void evict(long second) {
        int drop = 0;
        while (drop < kept.size() && kept.get(drop).second() < second) {
            drop++;
        }
        if (drop > 0) {
            kept.subList(0, drop).clear();
        }
    }

    public boolean isEmpty() {
        return kept.isEmpty();
    }

    /** The latest time seen under this key. */
    public long newest() {
        return newest;
    }

    /** The kept actions, oldest first (for state snapshots). */
    public List<Action> kept() {
        return List.copyOf(kept);
    }

    static boolean nearPair(Action x, Action y, TraceKey key, double threshold) {
        if (x.signature() == null || y.signature() == null || firstSharedBand(x.signature(), y.signature()) != key.band()) {
            return false;
        }
        if (key.kind() == TraceKind.NEAR_TEXT && Arrays.equals(x.shingles(), y.shingles())) {
            return false;
        }
        return jaccard(Objects.requireNonNull(x.shingles()), Objects.requireNonNull(y.shingles())) >= threshold; // near-text actions carry shingles
    }

    private static int firstSharedBand(int[] a, int[] b) {
        for (int band = 0; band < PostTraces.BANDS; band++) {
            boolean same = true;
            for (int r = band * PostTraces.ROWS; r < (band + 1) * PostTraces.ROWS && same; r++) {
                same = a[r] == b[r];
            }
            if (same) {
                return band;
            }
        }
        return -1;
    }

    /** Exact Jaccard similarity of two sorted sets of distinct hashes. */
    public static double jaccard(long[] a, long[] b) {
        int shared = org.tocsin.text.WordShingles.shared(a, b);
        int union = a.length + b.length - shared;
        return union == 0 ? 0 : shared / (double) union;
    }
}
