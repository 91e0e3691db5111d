package org.tocsin.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds domains that imitate protected names. One implementation for every caller: the email
 * analyzers (sender and link domains), the domain-feed watch and the site assessment.
 *
 * <p>Matching happens on confusable skeletons of the registrable label, so homoglyphs, punycode and
 * ASCII look-alikes ({@code rn} for {@code m}, {@code 0} for {@code o}) fold before anything else, and
 * the suffix is ignored (TLD-agnostic). Edit distance is found through a deletion index (the SymSpell
 * idea): every protected skeleton is stored with all its deletions up to its allowed distance, and a
 * candidate looks up its own deletions, so the cost per domain does not grow with the number of
 * protected names; the edit distance is then verified exactly (Damerau–Levenshtein).
 *
 * <p>Short labels (2–4 characters: {@code ap}, {@code bild}, {@code ups}) collide with words and with
 * other brands, so they match only exactly, by homoglyph, or as a whole hyphen-separated token
 * ({@code ups-delivery}); never by edit distance or as a substring. Provider labels that are ordinary
 * words ({@code outlook}, {@code signal}, {@code hermes}) get the same care: {@code slack.net},
 * {@code outlook.4team.biz} and {@code hermesx.blogspot.com} belong to other people.
 */
public final class LookalikeIndex {
    private static final int MAX_DISTANCE = 2;
    /** Generic suffixes large providers usually hold beside their main one. */
    private static final Set<String> LEGACY_SUFFIXES = Set.of("com", "net", "org", "info", "biz");
    private static final int CACHE_SIZE = 50_000;
    private final java.util.concurrent.ConcurrentHashMap<String, List<LookalikeMatch>> cache =
            new java.util.concurrent.ConcurrentHashMap<>();

    private record Entry(ProtectedName name, String skeleton, int maxDistance) {
    }

    private final Map<String, List<Entry>> bySkeleton = new HashMap<>();
    private final Map<String, List<Entry>> byDehyphenated = new HashMap<>();
    private final Map<String, List<Entry>> byDeletion = new HashMap<>();
    private final List<Entry> substringEntries = new ArrayList<>();
    private final Map<String, List<Entry>> byDomain = new HashMap<>();
    private final Set<String> ownDomains = new HashSet<>();
    private int minTypoLength = Integer.MAX_VALUE;
    private int maxTypoLength = 0;

    private LookalikeIndex(Collection<ProtectedName> names) {
        for (ProtectedName n : names) {
            String skel = Confusables.skeleton(n.label());
            int maxDistance = n.needsCaution() ? 0 : n.label().length() <= 8 ? 1 : MAX_DISTANCE;
            Entry e = new Entry(n, skel, maxDistance);
            add(bySkeleton, skel, e);
            add(byDehyphenated, skel.replace("-", ""), e);
            if (maxDistance > 0) {
                for (String d : deletions(skel, maxDistance)) {
                    add(byDeletion, d, e);
                }
                minTypoLength = Math.min(minTypoLength, skel.length() - maxDistance);
                maxTypoLength = Math.max(maxTypoLength, skel.length() + maxDistance);
            }
            if (!n.needsCaution() && n.label().length() >= 6) {
                substringEntries.add(e);
            }
            add(byDomain, n.domain(), e);
            ownDomains.addAll(n.ownDomains());
            ownDomains.add(n.domain());
        }
    }

    public static LookalikeIndex of(Collection<ProtectedName> names) {
        return new LookalikeIndex(names);
    }

    /** True when the host belongs to a protected owner (its own domain or a subdomain of one). */
    public boolean isOwnDomain(String asciiHost) {
        String reg = DomainNames.registrable(asciiHost);
        return reg != null && ownDomains.contains(reg);
    }

    /** The most convincing imitation by this host, if any. */
    public Optional<LookalikeMatch> best(String asciiHost) {
        LookalikeMatch best = null;
        for (LookalikeMatch m : matches(asciiHost)) {
            if (best == null || m.score() > best.score()) {
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Every protected name this host imitates. Answers are cached (bounded): mail and feeds repeat the same
     * hosts, and a host's answer never changes for an index.
     */
    public List<LookalikeMatch> matches(String asciiHost) {
        if (asciiHost == null) {
            return List.of();
        }
        List<LookalikeMatch> cached = cache.get(asciiHost);
        if (cached != null) {
            return cached;
        }
        List<LookalikeMatch> computed = List.copyOf(compute(asciiHost));
        if (cache.size() >= CACHE_SIZE) {
            cache.clear(); // crude but bounded; a feed's working set is rebuilt in milliseconds
        }
        cache.put(asciiHost, computed);
        return computed;
    }

    private List<LookalikeMatch> compute(String asciiHost) {
        if (asciiHost == null || asciiHost.isEmpty() || DomainNames.isIpv4(asciiHost) || asciiHost.startsWith("[")) {
            return List.of();
        }
        String registrable = DomainNames.registrable(asciiHost);
        if (registrable == null || ownDomains.contains(registrable)) {
            return List.of();
        }
        String label = DomainNames.registrableLabel(registrable);
        String suffix = registrable.substring(Math.min(registrable.length(), label.length() + 1));
        String skel = Confusables.skeleton(DomainNames.toUnicode(label));
        Map<Entry, Found> found = new LinkedHashMap<>();

        for (Entry e : bySkeleton.getOrDefault(skel, List.of())) {
            found(found, e).kinds.add(label.equals(e.name.label()) ? LookalikeKind.TLD_SWAP : LookalikeKind.HOMOGLYPH);
        }
        for (Entry e : byDehyphenated.getOrDefault(skel.replace("-", ""), List.of())) {
            if (!skel.equals(e.skeleton)) {
                found(found, e).kinds.add(LookalikeKind.HYPHENATION);
            }
        }
        if (skel.length() >= minTypoLength && skel.length() <= maxTypoLength) {
            Set<Entry> seen = new HashSet<>();
            for (String d : deletions(skel, MAX_DISTANCE)) {
                for (Entry e : byDeletion.getOrDefault(d, List.of())) {
                    if (!seen.add(e) || skel.equals(e.skeleton)) {
                        continue;
                    }
                    int dist = EditDistance.damerauLevenshtein(skel, e.skeleton, e.maxDistance);
                    if (dist <= e.maxDistance && !skel.replace("-", "").equals(e.skeleton.replace("-", ""))) {
                        Found f = found(found, e);
                        f.kinds.add(LookalikeKind.TYPO);
                        f.distance = dist;
                    }
                }
            }
        }
        combosquats(skel, found);
        subdomainTricks(asciiHost, registrable, found);

        List<LookalikeMatch> out = new ArrayList<>();
        for (Map.Entry<Entry, Found> me : found.entrySet()) {
            Entry e = me.getKey();
            Found f = me.getValue();
            String protectedSuffix = e.name.domain().substring(Math.min(e.name.domain().length(), e.name.label().length() + 1));
            boolean pureSwap = f.kinds.equals(EnumSet.of(LookalikeKind.TLD_SWAP));
            if (pureSwap && e.name.source() == ProtectedName.Source.PROVIDER
                    && (isCountryCode(suffix) || LEGACY_SUFFIXES.contains(suffix) || e.name.needsCaution())) {
                continue; // providers run country and legacy sites (google.de, verizon.net); slack.net is someone else's
            }
            if (!f.kinds.contains(LookalikeKind.SUBDOMAIN) && !suffix.equals(protectedSuffix)) {
                f.kinds.add(LookalikeKind.TLD_SWAP);
            }
            out.add(new LookalikeMatch(registrable, e.name, f.kinds, f.distance, score(f, e)));
        }
        return out;
    }

    private void combosquats(String skel, Map<Entry, Found> found) {
        if (skel.indexOf('-') >= 0 || hasDigit(skel)) {
            Set<String> hyphenWords = new HashSet<>(java.util.Arrays.asList(skel.split("-")));
            for (String token : skel.split("[-0-9]+")) {
                if (token.length() < 3 || token.equals(skel)) {
                    continue;
                }
                for (Entry e : bySkeleton.getOrDefault(token, List.of())) {
                    // a short or everyday-word brand counts only as a hyphen-separated word ("ups-delivery"),
                    // not when digits happen to split it out ("meta4creations")
                    if (!e.name.needsCaution() || hyphenWords.contains(token)) {
                        found(found, e).kinds.add(LookalikeKind.COMBOSQUAT);
                    }
                }
            }
        }
        String[] tokens = skel.split("-");
        for (Entry e : substringEntries) {
            if (skel.length() <= e.skeleton.length() || !skel.contains(e.skeleton)) {
                continue;
            }
            for (String token : tokens) {
                int at = token.indexOf(e.skeleton);
                if (at >= 0 && token.length() > e.skeleton.length() && wordsAround(token, at, e.skeleton.length())) {
                    found(found, e).kinds.add(LookalikeKind.COMBOSQUAT);
                    break;
                }
            }
        }
    }

    /**
     * A brand inside a longer label is a combosquat only when what surrounds it could be words of its
     * own (three or more letters, within the hyphen-separated part): {@code googleaccount} yes, {@code spiegelei} (a fried
     * egg, not the magazine) no.
     */
    private static boolean wordsAround(String label, int at, int length) {
        int before = at;
        int after = label.length() - at - length;
        return (before == 0 || before >= 3) && (after == 0 || after >= 3);
    }

    private void subdomainTricks(String host, String registrable, Map<Entry, Found> found) {
        if (host.length() <= registrable.length()) {
            return;
        }
        String[] sub = host.substring(0, host.length() - registrable.length() - 1).split("\\.");
        for (int i = 0; i < sub.length; i++) {
            if (i + 1 < sub.length) {
                for (Entry e : byDomain.getOrDefault(sub[i] + "." + sub[i + 1], List.of())) {
                    found(found, e).kinds.add(LookalikeKind.SUBDOMAIN);
                }
            }
            if (sub[i].length() >= 5) {
                for (Entry e : bySkeleton.getOrDefault(Confusables.skeleton(DomainNames.toUnicode(sub[i])), List.of())) {
                    if (!e.name.needsCaution()) {
                        found(found, e).kinds.add(LookalikeKind.SUBDOMAIN);
                    }
                }
            }
        }
    }

    private static double score(Found f, Entry e) {
        double s = 0;
        for (LookalikeKind k : f.kinds) {
            s = Math.max(s, switch (k) {
                case HOMOGLYPH -> 0.95;
                case TLD_SWAP -> 0.9;
                case HYPHENATION -> 0.85;
                case TYPO -> f.distance <= 1 ? 0.85 : 0.7;
                case SUBDOMAIN -> 0.8;
                case COMBOSQUAT -> e.name.needsCaution() ? 0.55 : 0.75;
            });
        }
        s += 0.03 * (f.kinds.size() - 1);
        return Math.min(1.0, Math.round(s * 100) / 100.0);
    }

    private static boolean isCountryCode(String suffix) {
        int dot = suffix.lastIndexOf('.');
        return suffix.length() - dot - 1 == 2;
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static final class Found {
        final EnumSet<LookalikeKind> kinds = EnumSet.noneOf(LookalikeKind.class);
        int distance;
    }

    private static Found found(Map<Entry, Found> found, Entry e) {
        return found.computeIfAbsent(e, k -> new Found());
    }

    private static <K, V> void add(Map<K, List<V>> map, K key, V value) {
        map.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
    }

    /** The string and all strings made from it by deleting up to {@code max} characters. */
    static Set<String> deletions(String s, int max) {
        Set<String> out = new HashSet<>();
        out.add(s);
        List<String> frontier = List.of(s);
        for (int d = 0; d < max; d++) {
            List<String> next = new ArrayList<>();
            for (String w : frontier) {
                for (int i = 0; i < w.length(); i++) {
                    String del = w.substring(0, i) + w.substring(i + 1);
                    if (out.add(del)) {
                        next.add(del);
                    }
                }
            }
            frontier = next;
        }
        return out;
    }
}
