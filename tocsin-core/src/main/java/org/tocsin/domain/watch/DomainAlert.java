package org.tocsin.domain.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tocsin.domain.DomainSignals;
import org.tocsin.domain.LookalikeKind;
import org.tocsin.domain.LookalikeMatch;
import org.tocsin.signal.Signal;

/**
 * A newly seen domain imitating a protected one.
 *
 * @param source the feed item that showed it ({@code feed.txt:12}, {@code ct.json#7})
 * @param host   the name as seen (a certificate may name {@code www.} or a deeper subdomain)
 * @param match  the most convincing imitation
 * @param others further protected names the same domain imitates, weaker first excluded
 */
public record DomainAlert(String source, String host, LookalikeMatch match, List<LookalikeMatch> others) {
    public DomainAlert {
        others = List.copyOf(others);
    }

    /** The registrable domain alerted on. */
    public String domain() {
        return match.domain();
    }

    public String organization() {
        return match.target().owner();
    }

    public @Nullable String protectedDomain() {
        return match.target().domain();
    }

    public double score() {
        return match.score();
    }

    /** One signal per manipulation found, each quoting what was changed. */
    public List<Signal> signals() {
        List<Signal> out = new ArrayList<>();
        for (LookalikeKind k : match.kinds()) {
            out.add(Objects.requireNonNull(DomainSignals.of(k), k.name()).fire(host + " — " + match.describe()));
        }
        return out;
    }

    public List<String> techniques() {
        return List.of(DomainSignals.DISARM_TECHNIQUE, DomainSignals.ATTACK_TECHNIQUE);
    }
}
