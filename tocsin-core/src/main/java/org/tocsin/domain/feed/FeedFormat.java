package org.tocsin.domain.feed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.IOException;

/** The kinds of feed {@link DomainFeedReader} reads, told apart by their first bytes, never by the file name. */
enum FeedFormat {
    EMPTY, PLAIN, JSON_LINES, GET_ENTRIES;

    /** Enough to see the first field name of a JSON object behind any sane indentation. */
    private static final int SNIFF_PREFIX = 4096;

    /** The format, and the number of the line it starts on (after leading blank lines). */
    record Sniffed(FeedFormat format, long firstLine) {}

    /** Whether {@code in} starts with the gzip magic bytes; reads nothing away. */
    static boolean isGzip(BufferedInputStream in) throws IOException {
        in.mark(2);
        boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
        in.reset();
        return gzip;
    }

    /**
     * Skips a UTF-8 byte-order mark and leading white space (counting lines, so line numbers stay true)
     * and looks at the first byte that is left. For {@code {} it peeks at the first field name:
     * {@code entries} is a get-entries response, anything else a certstream message.
     */
    static Sniffed sniff(BufferedInputStream in) throws IOException {
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
                return new Sniffed(EMPTY, line);
            }
            if (b == '\n') {
                line++;
            } else if (b != ' ' && b != '\t' && b != '\r' && b != '\f') {
                in.reset();
                if (b == '[') {
                    return new Sniffed(GET_ENTRIES, line);
                }
                if (b != '{') {
                    return new Sniffed(PLAIN, line);
                }
                in.mark(SNIFF_PREFIX);
                byte[] prefix = in.readNBytes(SNIFF_PREFIX);
                in.reset();
                return new Sniffed(firstFieldIsEntries(prefix) ? GET_ENTRIES : JSON_LINES, line);
            }
        }
    }

    private static boolean firstFieldIsEntries(byte[] prefix) {
        try (JsonParser p = FeedJson.FACTORY.createParser(prefix)) {
            return p.nextToken() == JsonToken.START_OBJECT && p.nextToken() == JsonToken.FIELD_NAME
                    && p.currentName().equals("entries");
        } catch (IOException e) {
            return false;
        }
    }
}
