package org.tocsin.domain.feed;

import java.io.BufferedInputStream;
import java.io.IOException;

/** What the feed readers share before the first item: a byte-order mark and leading white space skipped, lines counted. */
final class FeedFormat {
    private FeedFormat() {
    }

    /**
     * Skips a UTF-8 byte-order mark and leading white space, counting lines so line numbers stay true.
     *
     * @return the number of the line the feed's content starts on
     */
    static long skipLeadingSpace(BufferedInputStream in) throws IOException {
        in.mark(3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xff) == 0xef && (bom[1] & 0xff) == 0xbb && (bom[2] & 0xff) == 0xbf)) {
            in.reset();
        }
        long line = 1;
        while (true) {
            in.mark(1);
            int b = in.read();
            if (b < 0) {
                return line;
            }
            if (b == '\n') {
                line++;
            } else if (b != ' ' && b != '\t' && b != '\r' && b != '\f') {
                in.reset();
                return line;
            }
        }
    }
}
