package org.tocsin.social;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tocsin.social.network.CoordinationNetwork;
import org.tocsin.social.network.Edge;
import org.tocsin.social.trace.AccountTraces;
import org.tocsin.social.trace.CoAction;
import org.tocsin.social.trace.KeyedAction;
import org.tocsin.social.trace.PersonaCheck;
import org.tocsin.social.trace.PostTraces;
import org.tocsin.social.trace.TraceKey;
import org.tocsin.social.trace.WindowPairer;

/**
 * The embedded runner: posts go in one at a time (in time order, up to the lateness allowance), each post's
 * keyed actions meet the recent actions under the same key, and the co-actions merge into edges. State is the
 * pairers of keys used within the window plus lateness — bounded by the window, not by the archive — and the
 * edges. {@link #finish} clusters them. The Flink job runs the same {@link PostTraces}, {@link WindowPairer},
 * {@link Edge#merge} and {@link CoordinationNetwork}.
 */
public final class CoordinationRun {
    private static final int SWEEP_EVERY = 20_000;

    private final CoordinationSettings settings;
    private final WindowPairer.Rules rules;
    private final PersonaCheck personas;
    private final Map<TraceKey, WindowPairer> pairers = new HashMap<>();
    private final Map<String, Edge> edges = new HashMap<>();
    private final Map<String, PersonaCheck.PersonaMatch> personaMatches = new HashMap<>();
    private final Map<String, Boolean> accountsSeen = new HashMap<>();
    private long posts;
    private long coActions;
    private long newest = Long.MIN_VALUE;
    private long late;
    private int livePeak;

    public CoordinationRun(CoordinationSettings settings, PersonaCheck personas) {
        this.settings = settings;
        long window = settings.window().toSeconds();
        this.rules = new WindowPairer.Rules(window, window + settings.lateness().toSeconds(), settings.maxPerKey(), settings.nearThreshold());
        this.personas = personas;
    }

    /** What the run has seen so far. */
    public record Stats(long posts, long coActions, int edges, int liveKeys, int liveKeysPeak, long late) {
    }

    public void add(Post p) {
        long second = p.createdAt().getEpochSecond();
        if (newest != Long.MIN_VALUE && second < newest - rules.keepSeconds()) {
            late++; // older than anything still kept: it can no longer meet what it should have met
        }
        for (KeyedAction k : PostTraces.of(p)) {
            pairers.computeIfAbsent(k.key(), x -> new WindowPairer()).add(k.key(), k.action(), rules, this::record);
        }
        newest = Math.max(newest, second);
        if (!personas.isEmpty() && accountsSeen.putIfAbsent(p.accountId(), Boolean.TRUE) == null) {
            personas.check(p.accountId(), p.accountName()).ifPresent(m -> personaMatches.put(m.accountId(), m));
        }
        if (++posts % SWEEP_EVERY == 0) {
            livePeak = Math.max(livePeak, pairers.size());
            long horizon = newest - rules.keepSeconds();
            pairers.values().removeIf(w -> w.newest() < horizon);
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
        edges.merge(e.key(), e, Edge::merge);
    }

    public Stats stats() {
        return new Stats(posts, coActions, edges.size(), pairers.size(), Math.max(livePeak, pairers.size()), late);
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
