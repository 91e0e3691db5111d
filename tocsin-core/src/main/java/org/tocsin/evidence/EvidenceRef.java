package org.tocsin.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;

/**
 * The identity of one item of evidence: where it was read from, its SHA-256 and its size. Readers
 * compute the digest while streaming ({@link HashingInputStream}), so a 100 MB message is identified without
 * being held.
 *
 * @param source where it came from: a path, {@code path#n} for the n-th message of an mbox,
 *               {@code -} for standard input
 */
public record EvidenceRef(String source, String sha256, long size) {

    /**
     * Evidence made of parts, such as a site judged on the pages archived of it: SHA-256 over the parts' hashes in
     * sorted order, size their sum. The same parts give the same evidence whatever order they were read in, so a
     * rescan adds nothing, and one part more or less is new evidence.
     */
    public static EvidenceRef ofParts(String source, Collection<EvidenceRef> parts) {
        MessageDigest digest = Sha256.newDigest();
        parts.stream().map(EvidenceRef::sha256).sorted().forEach(h -> digest.update(h.getBytes(StandardCharsets.US_ASCII)));
        return new EvidenceRef(source, Sha256.hex(digest), parts.stream().mapToLong(EvidenceRef::size).sum());
    }
}
