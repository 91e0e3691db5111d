package org.tocsin.social.coordination;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import org.tocsin.social.Account;
import org.tocsin.social.CoordinationSettings;
import org.tocsin.social.Post;
import org.tocsin.social.network.CoordinationNetwork;
import org.tocsin.social.network.Edge;
import org.tocsin.social.trace.AccountTraces;
import org.tocsin.social.trace.CoAction;
import org.tocsin.social.trace.KeyedAction;
import org.tocsin.social.trace.PersonaCheck;
import org.tocsin.social.trace.PostTraces;
import org.tocsin.social.trace.WindowPairer;

/**
 * The embedded runner: posts go in one at a time, each post's keyed actions meet the recent actions under the same
 * key, and the co-actions merge into edges. State is the pairers of keys used within the window plus lateness —
 * bounded by the window, not by the archive — the posts held back for time order, and the edges. {@link #finish}
 * clusters them.
 *
 * <p><b>Time order.</b> Posts are held back until they are more than {@code lateness} older than the newest post
 * read, then handed to the pairers in time order (ties by post id, then account id — the order in which the Flink
 * job releases each key's actions). So input out of time order by up to the lateness gives exactly the co-actions
 * of sorted input. A post read more than the lateness after a newer one is <em>late</em>: it is paired at once with
 * what the pairers still keep (which reaches back {@code window + lateness} before the newest post paired), its
 * co-actions may be incomplete, and it is counted ({@link Stats#late}; {@link #add} says so, for the caller to name
 * it). At most {@value #MAX_HELD} posts are held back: past that the oldest are paired early, still with what the
 * pairers keep.
 *
 * <p>The edges grow with the archive, and most are chance: two strangers sharing a popular link in the same
 * minute once. The run is exact while such single-co-action pairs number at most
 * {@link CoordinationSettings#maxSingleEdges}; past that, the half of them whose co-action is oldest is forgotten
 * (counted in {@link Stats#forgotten}), so a pair that acts alike again only after that starts from one again.
 * Pairs that act alike repeatedly within the budget's horizon — coordination — keep their full count. The Flink
 * job keeps every edge in its state backend and is exact at any size. The Flink job runs the same {@link PostTraces}, {@link WindowPairer},
 * {@link Edge#merge} and {@link CoordinationNetwork}.
 */
public final class CoordinationRun {
    /** The most posts held back for time order (a few hundred bytes each: tens of MB at most). */
    public static final int MAX_HELD = 100_000;
    /** The order posts are paired in: by second, then post id, then account id. */
    public static final Comparator<Post> TIME_ORDER = Comparator.comparingLong((Post p) -> p.createdAt().getEpochSecond())
            .thenComparing(Post::postId).thenComparing(Post::accountId);

    private final CoordinationSettings settings;
    private final long latenessSeconds;
    private final PriorityQueue<Post> held = new PriorityQueue<>(TIME_ORDER);
    private long newestRead = Long.MIN_VALUE;
    private final WindowPairer.Rules rules;
    private final PersonaCheck personas;
    private final Long2ObjectOpenHashMap<WindowPairer> pairers = new Long2ObjectOpenHashMap<>();
    private int sizeAfterSweep = 1024;
    private final Map<String, Edge> edges = new HashMap<>();
    private final java.util.function.Consumer<CoAction> recorder = this::record;
    private final Map<String, PersonaCheck.PersonaMatch> personaMatches = new HashMap<>();
    private final Map<String, Boolean> accountsSeen = new HashMap<>();
    private long posts;
    private long coActions;
    private long newest = Long.MIN_VALUE;
    private long late;
    private long forgotten;
    private int singles;
    private int livePeak;

    public CoordinationRun(CoordinationSettings settings, PersonaCheck personas) {
        this.settings = settings;
        long window = settings.window().toSeconds();
        this.latenessSeconds = settings.lateness().toSeconds();
        this.rules = new WindowPairer.Rules(window, window + settings.lateness().toSeconds(), settings.maxPerKey(), settings.nearThreshold());
        this.personas = personas;
    }

    /**
     * What the run has seen so far.
     *
     * @param posts   posts read
     * @param late    posts read more than the lateness after a newer post: paired out of time order, their co-actions
     *                may be incomplete
     * @param held    posts read but not yet paired (held back for time order)
     */
    public record Stats(long posts, long coActions, int edges, int liveKeys, int liveKeysPeak, long late, long forgotten, int held) {
    }

    /**
     * Reads a post: held back for time order, or paired at once when it is late.
     *
     * @return true when the post is late (more than the lateness older than a post read before it)
     */
    public boolean add(Post p) {
        long second = p.createdAt().getEpochSecond();
        boolean isLate = newestRead != Long.MIN_VALUE && second < newestRead - latenessSeconds;
        if (isLate) {
            late++;
        }
        newestRead = Math.max(newestRead, second);
        if (!personas.isEmpty() && accountsSeen.putIfAbsent(p.accountId(), Boolean.TRUE) == null) {
            personas.check(p.accountId(), p.accountName()).ifPresent(m -> personaMatches.put(m.accountId(), m));
        }
        posts++;
        held.add(p);
        long horizon = newestRead - latenessSeconds;
        while (!held.isEmpty() && (held.peek().createdAt().getEpochSecond() < horizon || held.size() > MAX_HELD)) {
            pair(held.poll());
        }
        return isLate;
    }

    /** The input has ended: every post held back is paired. {@link #finish} and the edge getters do this themselves. */
    public void endOfInput() {
        while (!held.isEmpty()) {
            pair(held.poll());
        }
    }

    private void pair(Post p) {
        long second = p.createdAt().getEpochSecond();
        for (KeyedAction k : PostTraces.of(p)) {
            long id = k.key().id();
            WindowPairer w = pairers.get(id);
            if (w == null) {
                w = new WindowPairer();
                pairers.put(id, w);
            }
            w.add(k.key(), k.action(), rules, recorder);
        }
        newest = Math.max(newest, second);
        if (pairers.size() > 2 * sizeAfterSweep) {
            // a sweep costs the map's size and comes after as many new keys: constant time per key, amortised
            livePeak = Math.max(livePeak, pairers.size());
            long horizon = newest - rules.keepSeconds();
            pairers.values().removeIf(w -> w.newest() < horizon);
            sizeAfterSweep = Math.max(1024, pairers.size());
        }
    }

    /** Account-level traces over the accounts file: creation bursts, and personas by the names it gives. */
    public void addAccounts(Collection<Account> accounts) {
        AccountTraces.coActions(new ArrayList<>(accounts), settings, this::record);
        if (!personas.isEmpty()) {
            for (Account a : accounts) {
                Optional<PersonaCheck.PersonaMatch> m = personas.check(a.accountId(), a.name());
                m.ifPresent(x -> personaMatches.putIfAbsent(x.accountId(), x));
            }
        }
    }

    private void record(CoAction c) {
        coActions++;
        Edge e = Edge.of(c);
        Edge before = edges.putIfAbsent(e.key(), e);
        if (before == null) {
            if (++singles > settings.maxSingleEdges()) {
                forgetStalestSingles();
            }
        } else {
            if (before.weight() == 1) {
                singles--;
            }
            edges.put(e.key(), before.merge(e));
        }
    }

    private void forgetStalestSingles() {
        long[] lasts = edges.values().stream().filter(x -> x.weight() == 1).mapToLong(x -> x.traces().get(0).last()).sorted().toArray();
        long cut = lasts[lasts.length / 2];
        long before = edges.size();
        edges.values().removeIf(x -> x.weight() == 1 && x.traces().get(0).last() <= cut);
        forgotten += before - edges.size();
        singles = (int) edges.values().stream().filter(x -> x.weight() == 1).count();
    }

    public Stats stats() {
        return new Stats(posts, coActions, edges.size(), pairers.size(), Math.max(livePeak, pairers.size()), late, forgotten, held.size());
    }

    public Collection<Edge> edges() {
        endOfInput();
        return edges.values();
    }

    /** Accounts that present as the profile's people or organisations, by account id. */
    public Map<String, PersonaCheck.PersonaMatch> personas() {
        return Map.copyOf(personaMatches);
    }

    public CoordinationNetwork.Result finish() {
        endOfInput();
        return CoordinationNetwork.cluster(edges.values(), settings);
    }

    /**
     * The run's summary, once the input has ended and {@link #finish} gave {@code result}.
     *
     * @param unreadable the items the reader could not read (merged rows included)
     * @param mergedRows of those, CSV records an unclosed quote ran on into the next row ({@code PostItem.merged})
     */
    public CoordinationSummary summary(long unreadable, long mergedRows, CoordinationNetwork.Result result) {
        Stats s = stats();
        return new CoordinationSummary(s.posts(), unreadable, mergedRows, s.late(), s.coActions(), s.edges(), result.edges().size(),
                result.clusters().size(), s.forgotten());
    }

    /** All edges, unfiltered, for {@code --edges}. */
    public List<Edge> allEdges() {
        endOfInput();
        return new ArrayList<>(edges.values());
    }
}
