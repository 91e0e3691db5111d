package org.tocsin.evidence;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Hashes and counts every byte read through it, so evidence is identified while it streams past the reader and
 * never has to be held. Unlike {@link java.security.DigestInputStream}, skipping reads the skipped bytes (into the
 * digest), so no reader can leave a byte out of the evidence by skipping it.
 */
public final class HashingInputStream extends FilterInputStream {
    private final MessageDigest digest = Sha256.newDigest();
    private long count;

    public HashingInputStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            digest.update((byte) b);
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            digest.update(b, off, n);
            count += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(Math.max(n, 0), 8192)];
        int r = read(buf, 0, buf.length);
        return Math.max(r, 0);
    }

    @Override
    public boolean markSupported() {
        return false; // a reset would hash the same bytes twice
    }

    @Override
    public synchronized void mark(int readlimit) {
        // not supported: see markSupported
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }

    /** Reads what is left (so the digest covers the whole input) and names the evidence: SHA-256 and size. */
    public EvidenceRef finish(String source) throws IOException {
        transferTo(java.io.OutputStream.nullOutputStream());
        return new EvidenceRef(source, Sha256.hex(digest), count);
    }

    /** The evidence of what was read so far, without reading on; the digest is finished by this. */
    public EvidenceRef readSoFar(String source) {
        return new EvidenceRef(source, Sha256.hex(digest), count);
    }
}
