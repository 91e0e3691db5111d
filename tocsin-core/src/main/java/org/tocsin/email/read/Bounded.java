package org.tocsin.email.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads at most a fixed number of bytes, then drains the rest so the enclosing parse can go on. */
final class Bounded {
    /** The bytes kept, the total seen, and whether the content was cut. */
    record Bytes(byte[] bytes, long total, boolean truncated) {
    }

    private Bounded() {
    }

    static Bytes read(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 8192));
        byte[] buf = new byte[8192];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            int keep = (int) Math.max(0, Math.min(n, max - total));
            if (keep > 0) {
                out.write(buf, 0, keep);
            }
            total += n;
        }
        return new Bytes(out.toByteArray(), total, total > max);
    }
}
