package org.tocsin.evidence;

/**
 * The identity of one item of evidence: where it was read from, its SHA-256 and its size. Readers
 * compute the digest while streaming, so a 100 MB message is identified without being held.
 *
 * @param source where it came from: a path, {@code path#n} for the n-th message of an mbox,
 *               {@code -} for standard input
 */
public record EvidenceRef(String source, String sha256, long size) {
}
