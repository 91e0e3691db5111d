package org.tocsin.email.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Splits an mbox stream into messages without holding any of them: each message is an
 * {@link InputStream} that ends before the next {@code From } separator line. Handles the mboxo and
 * mboxrd conventions (a {@code >From } line inside a body is unescaped by one {@code >}); a separator
 * counts only at the start of the file or after an empty line, which is how mutt and Thunderbird read
 * real-world mbox files written without escaping. Lines longer than {@value #MAX_LINE} bytes are passed
 * on in pieces, so memory stays bounded whatever the input.
 */
public final class MboxSplitter {
    private static final byte[] FROM = "From ".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_LINE = 1 << 20;

    private final InputStream in;
    private final byte[] buf = new byte[8 * 1024];
    private int pos;
    private int limit;
    private boolean eof;
    /** A line read ahead that belongs to the next message. */
    private byte @Nullable [] pending;
    private boolean atStart = true;
    private boolean finished;
    private @Nullable MessageStream current;

    public MboxSplitter(InputStream in) {
        this.in = in;
    }

    /** The next message, or {@code null} at the end of the file. */
    public @Nullable InputStream next() throws IOException {
        if (current != null) {
            current.transferTo(OutputStream.nullOutputStream()); // a reader may stop early; skip its rest
            current = null;
        }
        if (finished) {
            return null;
        }
        if (atStart) {
            atStart = false;
            byte[] first = readLine();
            if (first == null) {
                finished = true;
                return null;
            }
            if (!startsWithFrom(first, 0, first.length)) {
                pending = first; // not an mbox separator: the whole stream is one message
            }
        }
        if (pending == null && !fill()) {
            finished = true;
            return null;
        }
        current = new MessageStream();
        return current;
    }

    private boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        if (eof) {
            return false;
        }
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    /** The next line including its terminator (at most {@value #MAX_LINE} bytes), or {@code null} at the end. */
    private byte @Nullable [] readLine() throws IOException {
        if (pending != null) {
            byte[] p = pending;
            pending = null;
            return p;
        }
        byte[] line = null;
        int len = 0;
        while (fill()) {
            int end = pos;
            while (end < limit && buf[end] != '\n') {
                end++;
            }
            boolean newline = end < limit;
            int take = Math.min((newline ? end + 1 : limit) - pos, MAX_LINE - len);
            if (line == null) {
                line = Arrays.copyOfRange(buf, pos, pos + take);
            } else {
                line = Arrays.copyOf(line, len + take);
                System.arraycopy(buf, pos, line, len, take);
            }
            len += take;
            pos += take;
            if ((newline && pos == end + 1) || len >= MAX_LINE) {
                break;
            }
        }
        return line;
    }

    private static boolean startsWithFrom(byte[] b, int off, int len) {
        if (len - off < FROM.length) {
            return false;
        }
        for (int i = 0; i < FROM.length; i++) {
            if (b[off + i] != FROM[i]) {
                return false;
            }
        }
        return true;
    }

    /** One message's lines; stops at a blank line followed by a separator, which it consumes. */
    private final class MessageStream extends InputStream {
        private byte @Nullable [] line;
        private int linePos;
        private boolean ended;
        private boolean previousBlank;

        @Override
        public int read() throws IOException {
            if (!ready()) {
                return -1;
            }
            return Objects.requireNonNull(line)[linePos++] & 0xFF; // ready() holds a line
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!ready()) {
                return -1;
            }
            byte[] held = Objects.requireNonNull(line); // ready() holds a line
            int n = Math.min(len, held.length - linePos);
            System.arraycopy(held, linePos, b, off, n);
            linePos += n;
            return n;
        }

        private boolean ready() throws IOException {
            while (!ended && (line == null || linePos >= line.length)) {
                byte[] next = readLine();
                if (next == null) {
                    ended = true;
                    finished = true;
                    return false;
                }
                if (previousBlank && startsWithFrom(next, 0, next.length)) {
                    ended = true;
                    if (!fill()) {
                        finished = true;
                    }
                    return false;
                }
                previousBlank = isBlank(next);
                line = unescape(next);
                linePos = 0;
            }
            return !ended;
        }

        private boolean isBlank(byte[] l) {
            return l.length == 1 && l[0] == '\n' || l.length == 2 && l[0] == '\r' && l[1] == '\n';
        }

        private byte[] unescape(byte[] l) {
            int i = 0;
            while (i < l.length && l[i] == '>') {
                i++;
            }
            if (i > 0 && startsWithFrom(l, i, l.length)) {
                return Arrays.copyOfRange(l, 1, l.length);
            }
            return l;
        }
    }
}
