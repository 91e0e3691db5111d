package org.tocsin.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds domains that imitate protected names. One implementation for every caller: the email
 * analyzers (sender and link domains), the domain-feed watch and the site assessment.
 *
 * <p>Matching happens on confusable skeletons of the registrable label, so homoglyphs, punycode and
 * ASCII look-alikes ({@code rn} for {@code m}, {@code 0} for {@code o}) fold before anything else, and
 * the suffix is ignored (TLD-agnostic). Edit distance is found through a {@link DeletionIndex} (the
 * SymSpell idea) and verified exactly (Damerau–Levenshtein); brands inside longer labels through
 * {@link EmbeddedBrands} (multi-pattern Rabin–Karp). Neither costs more per domain as protected names grow.
 *
 * <p>Short labels collide with words, with other brands and with each other's acronyms (docs/domain-watch.md
 * shows the false alarms each rule removed from 22,826 legitimate domains). So edit distance grows with the
 * label: none up to 5 characters, 1 up to 8, 2 beyond. Labels of 2–4 characters ({@code ap}, {@code bild},
 * {@code ups}) match only exactly, by homoglyph, by suffix swap, as a whole hyphen-separated word
 * ({@code ups-delivery}) and, from 4 characters, with one letter doubled ({@code bildd}; {@code app} is not
 * {@code ap}); 5-character labels ({@code ncsbe}, {@code nvsos}) add nothing but the doubled letter, since one
 * edit turns one state's acronym into another's; brands are looked for inside longer labels from 6 characters.
 * Provider labels that are ordinary words ({@code outlook}, {@code signal}, {@code hermes}) get the care of
 * short ones: {@code slack.net}, {@code outlook.4team.biz} and {@code hermesx.blogspot.com} belong to other people.
 */
public final class LookalikeIndex {
    private static final int MAX_DISTANCE = 2;
    /** Brands this long or longer are looked for inside other labels. */
    private static final int MIN_EMBEDDED_LENGTH = EmbeddedBrands.WINDOW;
    /** Generic suffixes large providers usually hold beside their main one. */
    private static final Set<String> LEGACY_SUFFIXES = Set.of("com", "net", "org", "info", "biz");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final int CACHE_SIZE = 50_000;
    /** Two edits away is further from the original than any single manipulation. */
    private static final double TWO_EDITS_SCORE = 0.7;
    /** A short or everyday-word brand inside a hyphenated name (ups-delivery) is a weaker sign than a long one. */
    private static final double SHORT_COMBOSQUAT_SCORE = 0.55;
    private final ConcurrentHashMap<String, List<LookalikeMatch>> cache = new ConcurrentHashMap<>();

    /**
     * One protected name as indexed. Equal by {@code id} alone: entries key the per-domain findings, and
     * hashing the whole {@link ProtectedName} (its own-domain set included) on every lookup would be waste.
     *
     * @param protectedSuffix the suffix the label is registered under, or null for a brand that is not a
     *                        registrable label (abcnews on go.com)
     */
    private record Entry(int id, ProtectedName name, String skeleton, String bareSkeleton, int maxDistance,
                         @Nullable String protectedSuffix, String suffixSkeleton) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Entry other && other.id == id;
        }

        @Override
        public int hashCode() {
            return id;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, List<Entry>> bySkeleton = new HashMap<>();
    private final Map<String, List<Entry>> byDehyphenated = new HashMap<>();
    private final DeletionIndex deletions = new DeletionIndex();
    private final EmbeddedBrands embedded;
    private final List<Entry> embeddedEntries = new ArrayList<>();
    private final Map<String, List<Entry>> byDomain = new HashMap<>();
    private final Set<String> ownDomains = new HashSet<>();
    private final int minTypoLength;
    private final int maxTypoLength;
    private final int deepestDistance;
    /** Candidates shorter than these need not delete 2 (or 1) characters: see {@link #deletionDepth}. */
    private final int minLengthForDepth2;
    private final int minLengthForDepth1;

    private LookalikeIndex(Collection<ProtectedName> names) {
        List<String> patterns = new ArrayList<>();
        int minTypo = Integer.MAX_VALUE;
        int maxTypo = 0;
        int deepest = 0;
        int depth2 = Integer.MAX_VALUE;
        int depth1 = Integer.MAX_VALUE;
        for (ProtectedName n : names) {
            String skel = Confusables.skeleton(n.label());
            int maxDistance = n.needsCaution() || n.label().length() <= 5 ? 0 : n.label().length() <= 8 ? 1 : MAX_DISTANCE;
            String suffix = suffixOf(n);
            Entry e = new Entry(entries.size(), n, skel, skel.replace("-", ""), maxDistance, suffix,
                    suffix == null ? "" : Confusables.skeleton(suffix.replace(".", "")));
            entries.add(e);
            add(bySkeleton, skel, e);
            add(byDehyphenated, e.bareSkeleton, e);
            if (maxDistance > 0) {
                deletions.add(skel, maxDistance, e.id);
                minTypo = Math.min(minTypo, skel.length() - maxDistance);
                maxTypo = Math.max(maxTypo, skel.length() + maxDistance);
                deepest = Math.max(deepest, maxDistance);
                depth1 = Math.min(depth1, skel.length() - maxDistance + 1);
                if (maxDistance >= 2) {
                    depth2 = Math.min(depth2, skel.length());
                }
            }
            if (!n.needsCaution() && n.label().length() >= MIN_EMBEDDED_LENGTH && skel.length() >= EmbeddedBrands.WINDOW
                    && skel.length() <= StringHashes.MAX_LENGTH) {
                embeddedEntries.add(e);
                patterns.add(skel);
            }
            add(byDomain, n.domain(), e);
            ownDomains.addAll(n.ownDomains());
            ownDomains.add(n.domain());
        }
        minTypoLength = minTypo;
        maxTypoLength = maxTypo;
        deepestDistance = deepest;
        minLengthForDepth2 = depth2;
        minLengthForDepth1 = depth1;
        embedded = new EmbeddedBrands(patterns);
        deletions.seal();
    }

    /** The suffix under which the protected label is itself a registrable domain, or null. */
    private static @Nullable String suffixOf(ProtectedName n) {
        if (n.domain() == null) {
            return null;
        }
        String reg = DomainNames.registrable(n.domain());
        int dot = reg.indexOf('.');
        if (dot < 0 || !DomainNames.toUnicode(reg.substring(0, dot)).equals(n.label())) {
            return null;
        }
        return reg.substring(dot + 1);
    }

    public static LookalikeIndex of(Collection<ProtectedName> names) {
        return new LookalikeIndex(names);
    }

    /** How many names are protected. */
    public int size() {
        return entries.size();
    }

    /** True when the host belongs to a protected owner (its own domain or a subdomain of one). */
    public boolean isOwnDomain(@Nullable String asciiHost) {
        if (asciiHost == null) {
            return false;
        }
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
        List<LookalikeMatch> computed = compute(asciiHost);
        if (cache.size() >= CACHE_SIZE) {
            cache.clear(); // crude but bounded: mail repeats a few hosts; feeds call examine(), uncached
        }
        cache.put(asciiHost, computed);
        return computed;
    }

    /**
     * Every protected name this host imitates, without the cache: for feeds, whose names are mostly seen
     * once, so caching them would cost more than it saves.
     */
    public List<LookalikeMatch> examine(String asciiHost) {
        return asciiHost == null ? List.of() : compute(asciiHost);
    }

    private List<LookalikeMatch> compute(String asciiHost) {
        if (asciiHost.isEmpty() || DomainNames.isIpv4(asciiHost) || asciiHost.startsWith("[")) {
            return List.of();
        }
        String registrable = DomainNames.registrable(asciiHost);
        if (registrable == null || ownDomains.contains(registrable)) {
            return List.of();
        }
        String label = DomainNames.toUnicode(DomainNames.registrableLabel(registrable));
        int dot = registrable.indexOf('.');
        String suffix = dot < 0 ? "" : registrable.substring(dot + 1);
        String skel = Confusables.skeleton(label);
        Map<Entry, Found> found = new LinkedHashMap<>();

        for (Entry e : bySkeleton.getOrDefault(skel, List.of())) {
            if (!label.equals(e.name.label())) {
                found(found, e).add(LookalikeKind.HOMOGLYPH, "'" + label + "' reads as '" + e.name.label() + "'");
            } else {
                found(found, e); // the label itself; the suffix decides below
            }
        }
        String bare = skel.indexOf('-') >= 0 ? skel.replace("-", "") : skel;
        for (Entry e : byDehyphenated.getOrDefault(bare, List.of())) {
            if (!skel.equals(e.skeleton)) {
                found(found, e).add(LookalikeKind.HYPHENATION, skel.length() > e.skeleton.length() ? "hyphen added" : "hyphen removed");
            }
        }
        typos(label, skel, bare, found);
        doubledLetters(skel, found);
        combosquats(label, skel, found);
        subdomainTricks(asciiHost, registrable, found);
        if (found.isEmpty()) {
            return List.of();
        }

        List<LookalikeMatch> out = new ArrayList<>();
        for (Map.Entry<Entry, Found> me : found.entrySet()) {
            Entry e = me.getKey();
            Found f = me.getValue();
            String protectedSuffix = e.protectedSuffix;
            boolean labelOnly = f.kinds.isEmpty();
            if (labelOnly && e.name.source() == ProtectedName.Source.PROVIDER
                    && (isCountryCode(suffix) || LEGACY_SUFFIXES.contains(suffix) || e.name.needsCaution())) {
                continue; // providers run country and legacy sites (google.de, verizon.net); slack.net is someone else's
            }
            if (!f.kinds.contains(LookalikeKind.SUBDOMAIN) && !f.kinds.contains(LookalikeKind.COMBOSQUAT)
                    && !suffix.equals(protectedSuffix)) { // the label itself imitated: its suffix matters
                f.add(LookalikeKind.TLD_SWAP, protectedSuffix == null ? "'" + e.name.label() + "' (of " + e.name.domain()
                        + ") registered as a domain of its own" : "suffix ." + suffix + " for ." + protectedSuffix);
            }
            if (f.kinds.isEmpty()) {
                continue; // same label, same suffix: the protected domain itself under another owner list
            }
            out.add(new LookalikeMatch(registrable, e.name, f.kinds, f.distance, score(f, e), String.join("; ", f.details)));
        }
        return List.copyOf(out);
    }

    /** Labels within the allowed edit distance of a protected skeleton, through the deletion index. */
    private void typos(String label, String skel, String bare, Map<Entry, Found> found) {
        if (deepestDistance == 0 || skel.length() < minTypoLength || skel.length() > maxTypoLength) {
            return;
        }
        int[] seen = new int[8];
        int[] seenCount = {0};
        int skelDigits = digitCount(skel);
        deletions.candidates(skel, deletionDepth(skel.length()), id -> {
            for (int i = 0; i < seenCount[0]; i++) {
                if (seen[i] == id) {
                    return;
                }
            }
            if (seenCount[0] < seen.length) {
                seen[seenCount[0]++] = id;
            }
            Entry e = entries.get(id);
            if (skel.equals(e.skeleton) || bare.equals(e.bareSkeleton)) {
                return; // a homoglyph or hyphenation, named above
            }
            if (skelDigits > digitCount(e.skeleton) && skel.length() > e.skeleton.length()) {
                return; // real digits (not look-alikes of letters) added to a brand: fox4news, abc7news are TV stations
            }
            int dist = EditDistance.damerauLevenshtein(skel, e.skeleton, e.maxDistance);
            if (dist > e.maxDistance) {
                return;
            }
            int raw = EditDistance.damerauLevenshtein(label, e.name.label(), MAX_DISTANCE);
            TypoEdit edit = raw <= MAX_DISTANCE ? TypoEdit.between(e.name.label(), label, raw) : null;
            if (raw <= MAX_DISTANCE && edit == null) {
                return;
            }
            Found f = found(found, e);
            f.distance = dist;
            if (edit != null) {
                for (LookalikeKind k : edit.kinds()) {
                    f.add(k, edit.detail());
                }
            } else {
                String detail = dist + (dist == 1 ? " edit" : " edits") + " once look-alike characters are folded";
                f.add(LookalikeKind.TYPO, detail);
                f.add(LookalikeKind.HOMOGLYPH, detail);
            }
        });
    }

    /**
     * How many characters a candidate must be allowed to delete. It deletes one for each insertion,
     * substitution or transposition in its edit from a protected skeleton of length n; with at most k edits, two
     * such need no deletion on the protected side, so the candidate is at least n long, and one needs a candidate
     * at least n - k + 1 long. Shorter candidates skip those probes — most of them, for long protected names.
     */
    private int deletionDepth(int length) {
        if (deepestDistance >= 2 && length >= minLengthForDepth2) {
            return 2;
        }
        return length >= minLengthForDepth1 ? 1 : 0;
    }

    /** Labels allowed no edit distance still catch one typo: a doubled letter (bildd), from four letters up. */
    private void doubledLetters(String skel, Map<Entry, Found> found) {
        for (int i = 1; i < skel.length(); i++) {
            if (skel.charAt(i) != skel.charAt(i - 1)) {
                continue;
            }
            String undoubled = skel.substring(0, i) + skel.substring(i + 1);
            for (Entry e : bySkeleton.getOrDefault(undoubled, List.of())) {
                if (e.maxDistance == 0 && e.name.label().length() >= 4) { // app is not a typo of ap, nor dhhs of dhs
                    found(found, e).add(LookalikeKind.TYPO, "'" + skel.charAt(i) + "' doubled");
                    Objects.requireNonNull(found.get(e)).distance = 1;
                }
            }
        }
    }

    private void combosquats(String label, String skel, Map<Entry, Found> found) {
        if (skel.indexOf('-') >= 0 || hasDigit(skel)) {
            // Whole hyphen-separated words: the only way short and everyday-word brands combine (ups-delivery).
            // Words split by digits count for long brands, and only beside two or more digits (spiegel24, not the
            // channel number of abcnews4 or the meta4creations that happens to contain meta).
            for (String word : skel.split("-")) {
                if (word.length() >= 3 && !word.equals(skel)) {
                    for (Entry e : bySkeleton.getOrDefault(word, List.of())) {
                        found(found, e).add(LookalikeKind.COMBOSQUAT, combined(e, label));
                    }
                }
                if (digitCount(word) >= 2) {
                    for (String part : DIGITS.split(word)) {
                        for (Entry e : part.length() >= 3 ? bySkeleton.getOrDefault(part, List.of()) : List.<Entry>of()) {
                            if (!e.name.needsCaution()) {
                                found(found, e).add(LookalikeKind.COMBOSQUAT, combined(e, label));
                            }
                        }
                    }
                }
            }
        }
        embedded.scan(skel, (pattern, start, end) -> embeddedAt(label, skel, embeddedEntries.get(pattern), start, end, found));
    }

    /**
     * A brand inside a longer label is a combosquat only when what surrounds it could be words of its own
     * (three or more letters up to the next hyphen): {@code googleaccount} yes, {@code spiegelei} (a fried egg,
     * not the magazine) no. The protected suffix glued on ({@code spiegelde}) and a glued {@code www} count too.
     */
    private static void embeddedAt(String label, String skel, Entry e, int start, int end, Map<Entry, Found> found) {
        if (skel.length() == end - start) {
            return;
        }
        int wordStart = skel.lastIndexOf('-', start - 1) + 1;
        int hyphenAfter = skel.indexOf('-', end);
        int wordEnd = hyphenAfter < 0 ? skel.length() : hyphenAfter;
        // count letters as written, not as folded: the skeleton of m is rn, so "ma" + "senate" would seem 3 letters
        int[] at = Confusables.sourceOffsets(label);
        if (at != null && ((start > 0 && at[start - 1] == at[start]) || (end < skel.length() && at[end - 1] == at[end]))) {
            return; // begins or ends inside one character's folding: usarmytimes holds rn|ytimes, not nytimes
        }
        int before = at == null ? start - wordStart : at[start] - at[wordStart];
        int after = at == null ? wordEnd - end : at[wordEnd] - at[end];
        boolean gluedSuffix = wordEnd > end && skel.substring(end, wordEnd).equals(e.suffixSkeleton);
        // a brand of hyphenated words must meet other words at its own whole words: not thecurren|t-online
        String brand = e.skeleton;
        int firstWord = brand.indexOf('-') < 0 ? brand.length() : brand.indexOf('-');
        int lastWord = brand.length() - brand.lastIndexOf('-') - 1;
        if ((before > 0 && firstWord < 3) || (after > 0 && lastWord < 3 && !gluedSuffix)) {
            return;
        }
        if ((before == 0 || before >= 3) && (after == 0 || after >= 3 || gluedSuffix)) {
            found(found, e).add(LookalikeKind.COMBOSQUAT, gluedSuffix && before == 0
                    ? "'" + e.name.domain() + "' written as '" + label + "'" : combined(e, label));
        }
    }


    private static String combined(Entry e, String label) {
        return "'" + e.name.label() + "' combined with other words in '" + label + "'";
    }

    private void subdomainTricks(String host, String registrable, Map<Entry, Found> found) {
        if (host.length() <= registrable.length()) {
            return;
        }
        String[] sub = host.substring(0, host.length() - registrable.length() - 1).split("\\.");
        for (int i = 0; i < sub.length; i++) {
            StringBuilder domain = new StringBuilder(sub[i]);
            for (int j = i + 1; j < sub.length && j <= i + 2; j++) { // protected domains of two or three labels
                domain.append('.').append(sub[j]);
                for (Entry e : byDomain.getOrDefault(domain.toString(), List.of())) {
                    found(found, e).add(LookalikeKind.SUBDOMAIN, "'" + e.name.domain() + "' placed in front of " + registrable);
                }
            }
            if (sub[i].length() >= MIN_EMBEDDED_LENGTH) {
                for (Entry e : bySkeleton.getOrDefault(Confusables.skeleton(DomainNames.toUnicode(sub[i])), List.of())) {
                    if (!e.name.needsCaution()) {
                        found(found, e).add(LookalikeKind.SUBDOMAIN, "'" + sub[i] + "' as a subdomain of " + registrable);
                    }
                }
            }
        }
    }

    private static double score(Found f, Entry e) {
        double s = 0;
        for (LookalikeKind k : f.kinds) {
            double base = k.baseScore();
            if (f.distance >= 2 && (k == LookalikeKind.TYPO || k == LookalikeKind.BITSQUAT || k == LookalikeKind.VOWEL_SWAP)) {
                base = TWO_EDITS_SCORE;
            } else if (k == LookalikeKind.COMBOSQUAT && e.name.needsCaution()) {
                base = SHORT_COMBOSQUAT_SCORE;
            }
            s = Math.max(s, base);
        }
        s += 0.03 * (f.kinds.size() - 1);
        return Math.min(1.0, Math.round(s * 100) / 100.0);
    }

    private static boolean isCountryCode(String suffix) {
        int dot = suffix.lastIndexOf('.');
        return suffix.length() - dot - 1 == 2;
    }

    private static int digitCount(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                n++;
            }
        }
        return n;
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
        final List<String> details = new ArrayList<>(2);
        int distance;

        void add(LookalikeKind kind, String detail) {
            if (kinds.add(kind) || !details.contains(detail)) {
                details.add(detail);
            }
        }
    }

    private static Found found(Map<Entry, Found> found, Entry e) {
        return found.computeIfAbsent(e, k -> new Found());
    }

    private static <K, V> void add(Map<K, List<V>> map, @Nullable K key, V value) {
        map.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
    }
}
