package org.tocsin.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.tocsin.evidence.EvidenceRef;

/**
 * A piece of evidence as the store keeps it.
 *
 * @param kind       what it is: {@code email}, {@code domain-feed}, …
 * @param tlp        how its findings may be shared
 * @param ingestedAt when it came in; kept to the millisecond, as STIX timestamps carry it, so an export imported
 *                   elsewhere exports the same
 */
public record Evidence(EvidenceRef ref, String kind, Tlp tlp, Instant ingestedAt) {
    public Evidence {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tlp, "tlp");
        ingestedAt = ingestedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Evidence arriving now. */
    public static Evidence now(EvidenceRef ref, String kind, Tlp tlp) {
        return new Evidence(ref, kind, tlp, Instant.now());
    }
}
