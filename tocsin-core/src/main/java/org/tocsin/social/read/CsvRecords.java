package org.tocsin.social.read;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records (quoted fields, doubled quotes, line breaks inside quotes; LF or CRLF) read with a bound on
 * each record. Written here rather than taken from Jackson's CSV module because a hostile archive's unterminated
 * quote must cost one record, not the rest of the file: past {@code maxChars} the record is reported as too
 * long and reading resumes at the next line break, quotes or not.
 */
final class CsvRecords {
    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int end;
    private boolean eof;
    private long line = 1;
    private long recordLine;
    private final StringBuilder field = new StringBuilder();

    /** Thrown for a record longer than the bound; the reader is already past it. */
    static final class TooLong extends Exception {
        TooLong(String message) {
            super(message, null, false, false);
        }
    }

    private final boolean quotes;

    CsvRecords(Reader in, int maxChars) {
        this(in, maxChars, true);
    }

    /** @param quotes false to read plain lines: each record is one field, commas and quotes included */
    CsvRecords(Reader in, int maxChars, boolean quotes) {
        this.in = in;
        this.maxChars = maxChars;
        this.quotes = quotes;
    }

    /** The line the last record started on (1-based). */
    long recordLine() {
        return recordLine;
    }

    private int read() throws IOException {
        if (pos == end) {
            if (eof) {
                return -1;
            }
            int n = in.read(buf);
            if (n <= 0) {
                eof = true;
                return -1;
            }
            pos = 0;
            end = n;
        }
        return buf[pos++];
    }

    private void unread() {
        pos--;
    }

    /** The next record's fields, or null at the end of the input; blank lines are skipped. */
    List<String> next() throws IOException, TooLong {
        while (true) {
            recordLine = line;
            int c = read();
            if (c < 0) {
                return null;
            }
            if (c == '\n') {
                line++;
                continue;
            }
            if (c == '\r') {
                continue;
            }
            unread();
            return record();
        }
    }

    private List<String> record() throws IOException, TooLong {
        List<String> fields = new ArrayList<>(10);
        field.setLength(0);
        int length = 0;
        boolean quoted = false;
        boolean inQuotes = false;
        while (true) {
            int c = read();
            if (++length > maxChars) {
                skipLine(c);
                throw new TooLong("record longer than " + maxChars + " characters");
            }
            if (c < 0) {
                fields.add(field.toString());
                return fields;
            }
            if (inQuotes) {
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        inQuotes = false;
                        if (d >= 0) {
                            unread();
                        }
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == ',' && quotes) {
                fields.add(field.toString());
                field.setLength(0);
                quoted = false;
            } else if (c == '\n') {
                line++;
                fields.add(stripCr());
                return fields;
            } else if (c == '"' && quotes && field.length() == 0 && !quoted) {
                inQuotes = true;
                quoted = true;
            } else {
                field.append((char) c);
            }
        }
    }

    /** The field before a line break, without the CR of a CRLF (after a closing quote too). */
    private String stripCr() {
        int n = field.length();
        if (n > 0 && field.charAt(n - 1) == '\r') {
            field.setLength(n - 1);
        }
        return field.toString();
    }

    private void skipLine(int c) throws IOException {
        while (c >= 0 && c != '\n') {
            c = read();
        }
        if (c == '\n') {
            line++;
        }
    }
}
