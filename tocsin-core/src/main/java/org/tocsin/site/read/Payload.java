package org.tocsin.site.read;

import java.io.IOException;
import java.io.InputStream;
import org.tocsin.evidence.EvidenceRef;
import org.tocsin.evidence.HashingInputStream;

/**
 * A record's payload read to a bound. The whole payload still passes through the digest (constant memory), so
 * the evidence identifies what was archived even when only its head is kept for reading.
 *
 * @param head   the first {@code max} bytes at most
 * @param size   the payload's full size
 * @param sha256 the SHA-256 of the full payload
 * @param cut    whether the payload was longer than the bound
 */
@SuppressWarnings("ArrayRecordComponent") // a read result handed on, never compared or hashed
record Payload(byte[] head, long size, String sha256, boolean cut) {

    static Payload read(InputStream in, int max) throws IOException {
        HashingInputStream hashing = new HashingInputStream(in);
        byte[] head = hashing.readNBytes(max);
        EvidenceRef all = hashing.finish("");
        return new Payload(head, all.size(), all.sha256(), all.size() > max);
    }
}
