package org.tocsin.domain.feed;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * Turns damaged gzip data into an early end of input, remembering why, so the names read so far stand
 * and the damage is reported once, at the end. Errors of the underlying stream still propagate.
 */
final class GzipGuard extends FilterInputStream {
    private @Nullable String failure;

    GzipGuard(InputStream in) {
        super(in);
    }

    /** The JDK's gzip errors, some of which come without a message. */
    static String reason(IOException e) {
        if (e.getMessage() != null) {
            return e.getMessage();
        }
        return e instanceof EOFException ? "data ends early" : e.getClass().getSimpleName();
    }

    boolean failed() {
        return failure != null;
    }

    /** Why the gzip data broke off; null while it has not. */
    @Nullable String failure() {
        return failure;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (failure != null) {
            return -1;
        }
        try {
            return in.read(b, off, len);
        } catch (EOFException | ZipException e) {
            failure = reason(e);
            return -1;
        }
    }
}
