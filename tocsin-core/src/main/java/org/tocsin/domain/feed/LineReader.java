package org.tocsin.domain.feed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * Reads lines as bytes, so that a line is checked (length, encoding) before it becomes text, and a
 * line past the limit is counted through without being kept. Lines end in LF or CRLF.
 */
final class LineReader {
    private static final int CHUNK = 1 << 16;

    private final InputStream in;
    private final int max;
    private final byte[] chunk = new byte[CHUNK];
    private int pos;
    private int end;
    private byte[] line = new byte[1024];
    private int length;
    private long number;
    private boolean overlong;
    private boolean terminated;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();

    LineReader(InputStream in, int max, long firstLine) {
        this.in = in;
        this.max = max;
        this.number = firstLine - 1;
    }

    /** Advances to the next line; false at the end of the input. */
    boolean next() throws IOException {
        length = 0;
        overlong = false;
        terminated = false;
        boolean any = false;
        while (true) {
            if (pos == end) {
                int n = in.read(chunk);
                if (n < 0) {
                    if (!any) {
                        return false;
                    }
                    finish();
                    return true;
                }
                pos = 0;
                end = n;
                continue;
            }
            any = true;
            int nl = pos;
            while (nl < end && chunk[nl] != '\n') {
                nl++;
            }
            append(pos, nl - pos);
            if (nl < end) {
                pos = nl + 1;
                terminated = true;
                finish();
                return true;
            }
            pos = end;
        }
    }

    private void append(int from, int n) {
        if (overlong || n == 0) {
            return;
        }
        if (length + n > max + 1) { // + 1: room for the CR of a CRLF line of exactly max bytes
            overlong = true;
            return;
        }
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.min(max + 1, Math.max(line.length * 2, length + n)));
        }
        System.arraycopy(chunk, from, line, length, n);
        length += n;
    }

    private void finish() {
        number++;
        if (!overlong && length > 0 && line[length - 1] == '\r') {
            length--;
        }
        overlong |= length > max;
    }

    long number() {
        return number;
    }

    boolean overlong() {
        return overlong;
    }

    /** Whether the line ended in a newline, rather than at the end of the input. */
    boolean terminated() {
        return terminated;
    }

    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    boolean blank() {
        for (int i = 0; i < length; i++) {
            if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    /** The line as text; null when it is not UTF-8 or holds control characters other than tab (as the sniffer judges it). */
    @Nullable String text() {
        return org.tocsin.input.ContentSniffer.textLine(utf8, line, 0, length);
    }
}
