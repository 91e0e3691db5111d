package org.tocsin.site.read;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import org.tocsin.evidence.Sha256;

/**
 * A record's payload read to a bound. The whole payload still passes through the digest (constant memory), so
 * the evidence identifies what was archived even when only its head is kept for reading.
 *
 * @param head   the first {@code max} bytes at most
 * @param size   the payload's full size
 * @param sha256 the SHA-256 of the full payload
 * @param cut    whether the payload was longer than the bound
 */
record Payload(byte[] head, long size, String sha256, boolean cut) {

    static Payload read(InputStream in, int max) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        Hashing hashing = new Hashing(in, digest);
        byte[] head = hashing.readNBytes(max);
        if (head.length == max) {
            hashing.transferTo(OutputStream.nullOutputStream());
        }
        return new Payload(head, hashing.count, Sha256.hex(digest), hashing.count > max);
    }

    private static final class Hashing extends FilterInputStream {
        private final MessageDigest digest;
        private long count;

        Hashing(InputStream in, MessageDigest digest) {
            super(in);
            this.digest = digest;
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
            // skipping would leave bytes out of the digest
            byte[] buf = new byte[(int) Math.min(n, 8192)];
            int r = read(buf, 0, buf.length);
            return Math.max(r, 0);
        }
    }
}
