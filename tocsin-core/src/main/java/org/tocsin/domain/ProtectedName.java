package org.tocsin.domain;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A name to protect against lookalikes.
 *
 * @param label      the brand label as written in domains ({@code washingtonpost})
 * @param domain     the protected domain the label was taken from, for alerts
 * @param owner      who it belongs to: an organisation of the profile, a contact's organisation or a provider
 * @param source     where it came from
 * @param ownDomains registrable domains that legitimately carry this label (never alerted)
 * @param ordinaryWord the label is also an everyday word ({@code outlook}, {@code signal}): other domains
 *                     use it innocently, so it is matched with the care given to short labels
 */
public record ProtectedName(String label, @Nullable String domain, String owner, Source source, Set<String> ownDomains,
                            boolean ordinaryWord) {
    public enum Source { ORGANIZATION, CONTACT, PROVIDER }

    public ProtectedName {
        ownDomains = Set.copyOf(ownDomains);
    }

    /** Labels of 2–4 characters collide with ordinary words and other brands; see {@link LookalikeIndex} for 5. */
    public boolean isShort() {
        return label.length() <= 4;
    }

    /** Short or an ordinary word: never matched by substring, bare subdomain label or pure suffix swap. */
    public boolean needsCaution() {
        return isShort() || ordinaryWord;
    }
}
