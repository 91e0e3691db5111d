package org.tocsin.intel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tocsin.domain.DomainNames;
import org.tocsin.domain.WebUrl;
import org.tocsin.intel.KnownIndicator.Level;

/**
 * Compares a case — what it observed and the techniques its signals cite — with the actors' profiles and the
 * known indicators, and states the attribution the evidence supports.
 *
 * <p>Evidence and how much it weighs, in the spirit of the estimative language intelligence reports use:
 * <ul>
 *   <li>Shared infrastructure: an observed domain (or a subdomain of it, a link's host, an address's domain),
 *       address, URL or file hash that a source ties to the actor. Each distinct indicator counts once, by its
 *       source's confidence: high 3 points, moderate 2, low 1.</li>
 *   <li>Techniques the actor is known for, each weighted by how few actors use it (1/n), so that spearphishing,
 *       which half the actors use, says little and a DISARM technique only one actor is known for says more.</li>
 * </ul>
 * Confidence: high takes 4 points, or 3 with a shared technique; moderate 2; low 1, or — with no shared
 * infrastructure — at least two shared techniques of which the distinctive ones (used by at most two profiled
 * actors) weigh 1 or more. A rival actor at the same level with
 * infrastructure of its own lowers the winner one step; technique-only ties are unattributed.
 */
public final class Attributor {
    private final ThreatActors actors;
    private final Map<String, List<KnownIndicator>> byKey = new HashMap<>();
    private final Map<String, String> techniqueNames;

    /**
     * @param indicators     bundled and analyst indicators together
     * @param techniqueNames names to print next to technique ids (ids alone when absent)
     */
    public Attributor(ThreatActors actors, Collection<KnownIndicator> indicators, Map<String, String> techniqueNames) {
        this.actors = actors;
        this.techniqueNames = Map.copyOf(techniqueNames);
        for (KnownIndicator k : indicators) {
            String key = key(k.observed().type(), k.observed().value());
            if (key != null) {
                byKey.computeIfAbsent(key, x -> new ArrayList<>()).add(k);
            }
        }
    }

    /** Attributes one case. */
    public Attribution attribute(Collection<Observed> observed, Collection<String> techniques) {
        Map<String, ActorCase> cases = new LinkedHashMap<>();
        List<String> unattributedKnown = new ArrayList<>();
        for (Observed o : observed) {
            for (Hit hit : lookup(o)) {
                KnownIndicator k = hit.indicator();
                if (k.actor() == null) {
                    unattributedKnown.add(hit.describe(null) + " (tied to no actor)");
                    continue;
                }
                cases.computeIfAbsent(k.actor(), ActorCase::new).add(hit);
            }
        }
        Set<String> cited = new LinkedHashSet<>(techniques);
        for (ThreatActor a : actors.all()) {
            for (String t : cited) {
                if (uses(a, t)) {
                    cases.computeIfAbsent(a.id(), ActorCase::new).techniques.put(t, 1.0 / usersOf(t));
                }
            }
        }
        List<ActorCase> ranked = cases.values().stream().filter(c -> c.level() != null)
                .sorted(Comparator.comparing(ActorCase::level).thenComparingInt(ActorCase::points)
                        .thenComparingDouble(ActorCase::techniqueWeight).reversed())
                .toList();
        if (ranked.isEmpty()) {
            List<String> because = new ArrayList<>(unattributedKnown);
            if (because.isEmpty()) {
                because.add(cases.isEmpty() ? "no known indicator matches and no cited technique is one an actor is known for"
                        : "no known indicator matches, and the techniques it shares with known actors are too few or too common to"
                        + " tell: " + sharedTechniques(cases));
            }
            return Attribution.unattributed(because, List.of());
        }
        ActorCase best = ranked.get(0);
        // ranked holds only the cases with a level (the filter above)
        List<String> alternatives = ranked.subList(1, ranked.size()).stream()
                .map(c -> nameOf(c.actor) + " (" + Objects.requireNonNull(c.level()).word() + ")").toList();
        Level level = Objects.requireNonNull(best.level());
        List<String> because = best.reasons();
        if (ranked.size() > 1 && ranked.get(1).level() == level) {
            ActorCase rival = ranked.get(1);
            if (best.points() == 0 && Math.abs(best.techniqueWeight() - rival.techniqueWeight()) < 1e-9) {
                because.add("its techniques fit " + nameOf(best.actor) + " and " + nameOf(rival.actor) + " equally");
                return Attribution.unattributed(because, alternatives);
            }
            if (rival.points() > 0) {
                because.add("lowered one step: " + nameOf(rival.actor) + " has infrastructure in this case too");
                level = level == Level.LOW ? null : Level.values()[level.ordinal() - 1];
                if (level == null) {
                    return Attribution.unattributed(because, alternatives);
                }
            }
        }
        because.addAll(unattributedKnown);
        return new Attribution(best.actor, nameOf(best.actor), level, because, alternatives);
    }

    /** "T0149.003 Lookalike Domain (Doppelganger); T1566.002 Spearphishing Link (APT42, APT28, …)": at most three techniques. */
    private String sharedTechniques(Map<String, ActorCase> cases) {
        Map<String, List<String>> byTechnique = new LinkedHashMap<>();
        for (ActorCase c : cases.values()) {
            for (String t : c.techniques.keySet()) {
                byTechnique.computeIfAbsent(t, x -> new ArrayList<>()).add(nameOf(c.actor));
            }
        }
        List<String> parts = byTechnique.entrySet().stream().sorted(Comparator.comparingInt(e -> e.getValue().size()))
                .limit(3).map(e -> technique(e.getKey()) + " (" + String.join(", ", e.getValue().subList(0, Math.min(3, e.getValue().size())))
                        + (e.getValue().size() > 3 ? ", …" : "") + ")").toList();
        return String.join("; ", parts) + (byTechnique.size() > 3 ? "; …" : "");
    }

    private String nameOf(String actorId) {
        return actors.resolve(actorId).map(ThreatActor::name).orElse(actorId);
    }

    private boolean uses(ThreatActor a, String technique) {
        for (String t : a.techniques()) {
            if (technique.equals(t) || technique.startsWith(t + ".")) {
                return true; // a sub-technique is an instance of the technique an actor is known for
            }
        }
        return false;
    }

    private int usersOf(String technique) {
        int n = 0;
        for (ThreatActor a : actors.all()) {
            n += uses(a, technique) ? 1 : 0;
        }
        return Math.max(1, n);
    }

    private String technique(String id) {
        String name = techniqueNames.get(id);
        return name == null ? id : id + " " + name;
    }

    /** One observed thing matching one known indicator, and how (equal, or within its domain). */
    private record Hit(Observed observed, KnownIndicator indicator, String how) {
        String describe(@Nullable String actorName) {
            KnownIndicator k = indicator;
            String source = k.source();
            int http = source.indexOf(" http");
            String who = (http > 0 ? source.substring(0, http) : source).strip();
            String whose = actorName == null ? "a known-bad " : "a known " + actorName + " ";
            String what = k.observed().type().equals("domain-name") ? "domain" : k.observed().type();
            String subject = how.isEmpty() ? k.observed().value() : how;
            boolean named = how.isEmpty() || how.endsWith(" " + k.observed().value());
            return subject + " is " + whose + what + (named ? "" : " (" + k.observed().value() + ")")
                    + " — " + k.confidence() + " confidence, per " + who;
        }
    }

    private List<Hit> lookup(Observed o) {
        List<Hit> hits = new ArrayList<>();
        String key = key(o.type(), o.value());
        if (key != null) {
            for (KnownIndicator k : byKey.getOrDefault(key, List.of())) {
                hits.add(new Hit(o, k, ""));
            }
        }
        String host = switch (o.type()) {
            case "domain-name" -> o.value();
            case "url" -> hostOf(o.value());
            case "email-addr" -> DomainNames.domainOfAddress(o.value());
            default -> null;
        };
        if (host == null) {
            return hits;
        }
        // the domain itself when the observation was a URL or address; its parents down to the registrable domain
        String registrable = DomainNames.registrable(host);
        for (String d = host; d != null; d = parent(d, registrable)) {
            if (d.equals(o.value()) && o.type().equals("domain-name")) {
                continue; // already looked up as itself
            }
            for (KnownIndicator k : byKey.getOrDefault("domain:" + d, List.of())) {
                String how = o.type().equals("domain-name") ? "its subdomain " + o.value()
                        : o.type().equals("url") ? "the link host " + host : "the sender domain " + host;
                hits.add(new Hit(o, k, how));
            }
        }
        return hits;
    }

    private static @Nullable String parent(String domain, @Nullable String registrable) {
        if (registrable == null || domain.equals(registrable)) {
            return null;
        }
        int dot = domain.indexOf('.');
        return dot < 0 ? null : domain.substring(dot + 1);
    }

    private static @Nullable String hostOf(@Nullable String url) {
        WebUrl u = WebUrl.parse(url);
        return u == null || u.asciiHost() == null ? null : u.asciiHost().toLowerCase(Locale.ROOT);
    }

    /** The lookup key an indicator and an observation share; null for types attribution does not compare. */
    private static @Nullable String key(String type, String value) {
        return switch (type) {
            case "domain-name" -> "domain:" + value;
            case "url" -> "url:" + value;
            case "email-addr" -> "email:" + value;
            case "ipv4-addr", "ipv6-addr" -> "ip:" + value;
            case "file" -> "file:" + value;
            default -> null;
        };
    }

    /** What one actor has in a case. */
    private final class ActorCase {
        final String actor;
        final Map<String, Hit> indicators = new LinkedHashMap<>(); // by indicator value: each counts once
        final Map<String, Double> techniques = new LinkedHashMap<>();

        ActorCase(String actor) {
            this.actor = actor;
        }

        void add(Hit hit) {
            String k = hit.indicator().observed().value();
            Hit old = indicators.get(k);
            if (old == null || weight(hit) > weight(old)) {
                indicators.put(k, hit);
            }
        }

        int points() {
            return indicators.values().stream().mapToInt(Attributor::weight).sum();
        }

        double techniqueWeight() {
            return techniques.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /**
         * The weight of the techniques at most two profiled actors use: common ones (spearphishing, domains) add up
         * to nothing however many a case cites.
         */
        double distinctiveWeight() {
            return techniques.values().stream().filter(w -> w >= 0.5 - 1e-9).mapToDouble(Double::doubleValue).sum();
        }

        @Nullable Level level() {
            int p = points();
            if (p >= 4 || (p >= 3 && !techniques.isEmpty())) {
                return Level.HIGH;
            }
            if (p >= 2) {
                return Level.MODERATE;
            }
            if (p >= 1 || (techniques.size() >= 2 && distinctiveWeight() >= 1.0 - 1e-9)) {
                return Level.LOW;
            }
            return null;
        }

        List<String> reasons() {
            List<String> out = new ArrayList<>();
            String name = nameOf(actor);
            indicators.values().stream().sorted(Comparator.comparingInt(Attributor::weight).reversed())
                    .forEach(h -> out.add(h.describe(name)));
            if (!techniques.isEmpty()) {
                List<String> ts = techniques.entrySet().stream()
                        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                        .map(e -> technique(e.getKey()) + (e.getValue() >= 1.0 ? " (only " + name + ")"
                                : String.format(Locale.ROOT, " (shared by %d actors)", Math.round(1 / e.getValue()))))
                        .toList();
                out.add("it uses techniques " + name + " is known for: " + String.join(", ", ts));
            }
            return out;
        }
    }

    private static int weight(Hit h) {
        return switch (Level.parse(h.indicator().confidence())) {
            case HIGH -> 3;
            case MODERATE -> 2;
            case LOW -> 1;
        };
    }
}
