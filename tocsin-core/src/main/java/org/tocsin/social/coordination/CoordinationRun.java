package org.tocsin.social.coordination;

import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * The embedded runner: posts go in one at a time (in time order, up to the lateness allowance), each post's
 * keyed actions meet the recent actions under the same key, and the co-actions merge into edges. State is the
 * pairers of keys used within the window plus lateness — bounded by the window, not by the archive — and the
 * edges. {@link #finish} clusters them.
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
    private final CoordinationSettings settings;
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
        this.rules = new WindowPairer.Rules(window, window + settings.lateness().toSeconds(), settings.maxPerKey(), settings.nearThreshold());
        this.personas = personas;
    }

    /** What the run has seen so far. */
    public record Stats(long posts, long coActions, int edges, int liveKeys, int liveKeysPeak, long late, long forgotten) {
    }

    public void add(Post p) {
        long second = p.createdAt().getEpochSecond();
        if (newest != Long.MIN_VALUE && second < newest - rules.keepSeconds()) {
            late++; // older than anything still kept: it can no longer meet what it should have met
        }
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
        if (!personas.isEmpty() && accountsSeen.putIfAbsent(p.accountId(), Boolean.TRUE) == null) {
            personas.check(p.accountId(), p.accountName()).ifPresent(m -> personaMatches.put(m.accountId(), m));
        }
        posts++;
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
        return new Stats(posts, coActions, edges.size(), pairers.size(), Math.max(livePeak, pairers.size()), late, forgotten);
    }

    public Collection<Edge> edges() {
        return edges.values();
    }

    /** Accounts that present as the profile's people or organisations, by account id. */
    public Map<String, PersonaCheck.PersonaMatch> personas() {
        return Map.copyOf(personaMatches);
    }

    public CoordinationNetwork.Result finish() {
        return CoordinationNetwork.cluster(edges.values(), settings);
    }

    /** All edges, unfiltered, for {@code --edges}. */
    public List<Edge> allEdges() {
        return new ArrayList<>(edges.values());
    }
}
