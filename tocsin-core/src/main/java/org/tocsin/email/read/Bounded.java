package org.tocsin.email.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Reads at most a fixed number of bytes, then drains the rest so the enclosing parse can go on. */
final class Bounded {
    /** The bytes kept, the total seen, and whether the content was cut. */
    @SuppressWarnings("ArrayRecordComponent") // a read result handed on, never compared or hashed
    record Bytes(byte[] bytes, long total, boolean truncated) {
    }

    private Bounded() {
    }

    static Bytes read(InputStream in, int max) throws IOException {
        byte[] kept = in.readNBytes(max); // grows in chunks and copies once, unlike a ByteArrayOutputStream
        long total = kept.length;
        if (kept.length == max) {
            total += in.transferTo(OutputStream.nullOutputStream());
        }
        return new Bytes(kept, total, total > max);
    }
}
