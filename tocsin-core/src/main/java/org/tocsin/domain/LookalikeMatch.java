package org.tocsin.domain;

import java.util.Set;

/**
 * A domain found to imitate a protected name.
 *
 * @param domain   the registrable domain examined (ASCII)
 * @param target   the protected name it imitates
 * @param kinds    every manipulation found
 * @param distance edit distance between the skeletons of the labels (0 for pure TLD swaps and homoglyphs)
 * @param score    0..1, how convincing the imitation is
 * @param detail   how the name was changed, quoting the characters ({@code 'd' doubled; suffix .lol for .de})
 */
public record LookalikeMatch(String domain, ProtectedName target, Set<LookalikeKind> kinds, int distance, double score,
                             String detail) {
    public LookalikeMatch {
        // EnumSet keeps the declared order, so the same domain is described the same way on every run
        kinds = kinds.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(java.util.EnumSet.copyOf(kinds));
    }

    public String describe() {
        StringBuilder b = new StringBuilder();
        for (LookalikeKind k : kinds) {
            if (!b.isEmpty()) {
                b.append('+');
            }
            b.append(k.jsonName());
        }
        return domain + " imitates " + target.domain() + " (" + target.owner() + "; " + b
                + (detail.isEmpty() ? "" : ": " + detail) + ")";
    }
}
