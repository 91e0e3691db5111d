package org.tocsin.domain.watch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tocsin.domain.DomainNames;
import org.tocsin.domain.LookalikeIndex;
import org.tocsin.domain.LookalikeMatch;

/**
 * Examines the names of a feed one by one. Memory does not grow with the feed: the index is fixed, and
 * the only state kept is the set of domains already alerted (bounded; alerts are rare, and past the bound
 * the oldest are forgotten, so a very old alert may be raised again rather than memory running out).
 * Not thread-safe: one watch per feed reader.
 */
public final class DomainWatch {
    /** Per-name outcome: an alert, nothing, or a reason the name could not be examined. */
    public record Outcome(@Nullable DomainAlert alert, @Nullable String problem) {
        static final Outcome NOTHING = new Outcome(null, null);
    }

    private static final int MAX_LABEL = 63;
    private final LookalikeIndex index;
    private final Allowlist allowlist;
    private final double minScore;
    private final Map<String, Boolean> alerted;
    private long examined;
    private long suppressed;
    private long alerts;

    public DomainWatch(LookalikeIndex index, Allowlist allowlist, double minScore, int rememberedAlerts) {
        this.index = index;
        this.allowlist = allowlist;
        this.minScore = minScore;
        this.alerted = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > rememberedAlerts;
            }
        };
    }

    public DomainWatch(LookalikeIndex index, Allowlist allowlist) {
        this(index, allowlist, 0.0, 1_000_000);
    }

    public Outcome examine(String source, String name) {
        examined++;
        String host = DomainNames.toAscii(name.startsWith("*.") ? name.substring(2) : name);
        if (host == null) {
            return new Outcome(null, "not a host name: " + quote(name));
        }
        String longLabel = longLabel(host);
        if (longLabel != null) {
            return new Outcome(null, "label longer than " + MAX_LABEL + " characters: " + quote(longLabel));
        }
        String registrable = DomainNames.registrable(host);
        if (alerted.containsKey(registrable)) {
            return Outcome.NOTHING; // one alert per domain, however many names a feed shows under it
        }
        List<LookalikeMatch> matches = index.examine(host);
        if (matches.isEmpty()) {
            return Outcome.NOTHING;
        }
        if (allowlist.covers(host)) {
            suppressed++;
            return Outcome.NOTHING;
        }
        List<LookalikeMatch> sorted = new ArrayList<>(matches);
        sorted.sort((a, b) -> Double.compare(b.score(), a.score()));
        if (sorted.get(0).score() < minScore) {
            return Outcome.NOTHING;
        }
        alerted.put(registrable, Boolean.TRUE);
        alerts++;
        return new Outcome(new DomainAlert(source, host, sorted.get(0), sorted.subList(1, sorted.size())), null);
    }

    public long examined() {
        return examined;
    }

    /** Alerts raised so far, one per domain. */
    public long alerts() {
        return alerts;
    }

    public long suppressedByAllowlist() {
        return suppressed;
    }

    private static @Nullable String longLabel(String host) {
        int start = 0;
        while (start <= host.length()) {
            int dot = host.indexOf('.', start);
            int end = dot < 0 ? host.length() : dot;
            if (end - start > MAX_LABEL) {
                return host.substring(start, end);
            }
            if (dot < 0) {
                return null;
            }
            start = dot + 1;
        }
        return null;
    }

    private static String quote(String s) {
        String shown = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        StringBuilder b = new StringBuilder("\"");
        shown.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f) {
                b.append(String.format("\\x%02x", cp));
            } else {
                b.append(Character.toChars(cp));
            }
        });
        return b.append('"').toString();
    }
}
