package org.tocsin.domain.feed;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Cuts every JSON string longer than {@code cap} characters down to {@code cap + 1}, dropping the rest
 * while it streams past. Jackson buffers a whole string before handing it out; behind this filter a
 * 10 MB field costs 1 MiB, and its entry is still told apart (longer than the cap) and skipped alone.
 * The cut never falls inside an escape sequence, so the JSON stays valid.
 */
final class LongStringCutter extends FilterReader {
    private final int cap;
    private boolean inString;
    private boolean cutting;
    private int length;
    /** 0: not in an escape; -1: just after a backslash; n > 0: n hex digits of a backslash-u still to come. */
    private int escape;

    LongStringCutter(Reader in, int cap) {
        super(in);
        this.cap = cap;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buf, int off, int len) throws IOException {
        while (true) {
            int n = in.read(buf, off, len);
            if (n <= 0) {
                return n;
            }
            int kept = filter(buf, off, n);
            if (kept > 0) {
                return kept; // never 0: Jackson takes a 0-character read for a broken reader
            }
        }
    }

    private int filter(char[] buf, int off, int n) {
        int w = off;
        for (int i = off; i < off + n; i++) {
            char c = buf[i];
            if (!inString) {
                inString = c == '"';
                length = 0;
                buf[w++] = c;
                continue;
            }
            if (escape == 0 && c == '"') {
                inString = false;
                cutting = false;
                buf[w++] = c;
                continue;
            }
            if (!cutting && escape == 0 && length > cap) {
                cutting = true;
            }
            if (!cutting) {
                buf[w++] = c;
                length++;
            }
            if (escape == 0) {
                escape = c == '\\' ? -1 : 0;
            } else if (escape == -1) {
                escape = c == 'u' ? 4 : 0;
            } else {
                escape--;
            }
        }
        return w - off;
    }
}
