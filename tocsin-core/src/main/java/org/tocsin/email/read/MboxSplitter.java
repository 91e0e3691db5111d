package org.tocsin.email.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;

/**
 * Splits an mbox stream into messages without holding any of them: each message is an
 * {@link InputStream} that ends before the next {@code From } separator line. Handles the mboxo and
 * mboxrd conventions (a {@code >From } line inside a body is unescaped by one {@code >}); a separator
 * counts only at the start of the file or after an empty line, which is how mutt and Thunderbird read
 * real-world mbox files written without escaping.
 */
public final class MboxSplitter {
    private static final byte[] FROM = "From ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int MAX_LINE = 1 << 20;

    private final PushbackInputStream in;
    private boolean atStart = true;
    private boolean finished;
    private MessageStream current;

    public MboxSplitter(InputStream in) {
        this.in = new PushbackInputStream(in, MAX_LINE + 2);
    }

    /** True when the stream starts like an mbox file. */
    public static boolean looksLikeMbox(byte[] head) {
        if (head.length < FROM.length) {
            return false;
        }
        for (int i = 0; i < FROM.length; i++) {
            if (head[i] != FROM[i]) {
                return false;
            }
        }
        return true;
    }

    /** The next message, or {@code null} at the end of the file. */
    public InputStream next() throws IOException {
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
            if (!startsWithFrom(first)) {
                in.unread(first); // not an mbox separator: treat the whole stream as one message
            }
        }
        int c = in.read();
        if (c < 0) {
            finished = true;
            return null;
        }
        in.unread(c);
        current = new MessageStream();
        return current;
    }

    private byte[] readLine() throws IOException {
        byte[] buf = new byte[256];
        int n = 0;
        for (int c; (c = in.read()) >= 0; ) {
            if (n == buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.min(buf.length * 2, MAX_LINE + 1));
            }
            buf[n++] = (byte) c;
            if (c == '\n' || n > MAX_LINE) {
                break;
            }
        }
        return n == 0 ? null : java.util.Arrays.copyOf(buf, n);
    }

    private static boolean startsWithFrom(byte[] line) {
        return looksLikeMbox(line);
    }

    /** One message's lines; stops at a blank line followed by a separator, which it consumes. */
    private final class MessageStream extends InputStream {
        private byte[] line;
        private int pos;
        private boolean ended;
        private boolean previousBlank;

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return line[pos++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, line.length - pos);
            System.arraycopy(line, pos, b, off, n);
            pos += n;
            return n;
        }

        private boolean fill() throws IOException {
            while (!ended && (line == null || pos >= line.length)) {
                byte[] next = readLine();
                if (next == null) {
                    ended = true;
                    finished = true;
                    return false;
                }
                if (previousBlank && startsWithFrom(next)) {
                    ended = true;
                    return false;
                }
                previousBlank = isBlank(next);
                line = unescape(next);
                pos = 0;
            }
            return !ended || (line != null && pos < line.length);
        }

        private boolean isBlank(byte[] l) {
            return l.length == 1 && l[0] == '\n' || l.length == 2 && l[0] == '\r' && l[1] == '\n';
        }

        private byte[] unescape(byte[] l) {
            int i = 0;
            while (i < l.length && l[i] == '>') {
                i++;
            }
            if (i > 0 && l.length - i >= FROM.length && looksLikeMbox(java.util.Arrays.copyOfRange(l, i, i + FROM.length))) {
                return java.util.Arrays.copyOfRange(l, 1, l.length);
            }
            return l;
        }
    }
}
