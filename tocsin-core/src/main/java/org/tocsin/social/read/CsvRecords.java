package org.tocsin.social.read;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * RFC 4180 records (quoted fields, doubled quotes, line breaks inside quotes; LF or CRLF) read line by line with
 * a bound on each record. Written here rather than taken from Jackson's CSV module because a hostile or damaged
 * archive's unclosed quote must cost one record, not the rest of the file, and must be said:
 *
 * <ul>
 *   <li>past {@code maxChars} the record is reported as too long ({@link TooLong}) and reading resumes at the next
 *       line break, quotes or not;</li>
 *   <li>with a {@linkplain #rowShape row shape} (the caller's test of a complete row, e.g. a posts CSV row with the
 *       header's number of fields and a valid post), a quoted field that runs on to a line which is a whole row of its
 *       own is taken for an unclosed quote: the record so far is reported ({@link MergedRows}, with its line numbers)
 *       and reading goes on at that line, so the row that would have been swallowed is read as itself.</li>
 * </ul>
 */
final class CsvRecords {
    private final Reader in;
    private final int maxChars;
    private final boolean quotes;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int end;
    private boolean eof;
    /** The number of the next line to read (1-based). */
    private long line = 1;
    private long recordLine;
    private final StringBuilder text = new StringBuilder();
    /** A line already read (the row an unclosed quote ran into) that the next record starts with. */
    private boolean pending;
    private final StringBuilder field = new StringBuilder();
    private @Nullable Predicate<List<String>> rowShape;

    /** A record that could not be read; its message says why, and the reader is already past it. */
    abstract static class BadRecord extends Exception {
        BadRecord(String message) {
            super(message, null, false, false);
        }
    }

    /** Thrown for a record longer than the bound; the reader is already past it. */
    static final class TooLong extends BadRecord {
        TooLong(String message) {
            super(message);
        }
    }

    /**
     * Thrown for a record whose quoted field ran on into a line that is a row of its own (an unclosed quote); the
     * reader is at that row, which the next call reads.
     */
    static final class MergedRows extends BadRecord {
        private final long first;
        private final long last;
        private final long row;

        MergedRows(long first, long last, long row) {
            super(message(first, last, row));
            this.first = first;
            this.last = last;
            this.row = row;
        }

        private static String message(long first, long last, long row) {
            return "unclosed quote: the record ran on into line " + row + ", a row of its own; "
                    + (first == last ? "line " + first : "lines " + first + "-" + last) + " skipped, reading goes on at line " + row;
        }

        /** The first line of the damaged record. */
        long first() {
            return first;
        }

        /** Its last line (the line before {@link #row()}). */
        long last() {
            return last;
        }

        /** The line it would have swallowed, read next as a row of its own. */
        long row() {
            return row;
        }
    }

    CsvRecords(Reader in, int maxChars) {
        this(in, maxChars, true);
    }

    /** @param quotes false to read plain lines: each record is one field, commas and quotes included */
    CsvRecords(Reader in, int maxChars, boolean quotes) {
        this.in = in;
        this.maxChars = maxChars;
        this.quotes = quotes;
    }

    /**
     * From now on, a quoted field that runs on to a line on which {@code shape} holds, that line read alone, ends
     * its record as {@link MergedRows}. Set it once the header is known.
     */
    void rowShape(Predicate<List<String>> shape) {
        this.rowShape = shape;
    }

    /** The line the last record started on (1-based). */
    long recordLine() {
        return recordLine;
    }

    /** The next record's fields, or null at the end of the input; blank lines are skipped. */
    @Nullable List<String> next() throws IOException, BadRecord {
        while (true) {
            recordLine = pending ? line - 1 : line;
            int budget = maxChars;
            if (!pending) {
                int n = readLine(budget);
                if (n < 0) {
                    return null;
                }
                if (n > budget) {
                    throw new TooLong("record longer than " + maxChars + " characters");
                }
            }
            pending = false;
            if (text.length() == 0 || (text.length() == 1 && text.charAt(0) == '\r')) {
                continue;
            }
            return record(budget);
        }
    }

    private List<String> record(int budget) throws IOException, BadRecord {
        List<String> fields = new ArrayList<>(10);
        field.setLength(0);
        boolean inQuotes = false;
        boolean quoted = false;
        budget -= text.length();
        while (true) {
            int n = text.length();
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (inQuotes) {
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            inQuotes = false;
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == ',' && quotes) {
                    fields.add(field.toString());
                    field.setLength(0);
                    quoted = false;
                } else if (c == '"' && quotes && field.length() == 0 && !quoted) {
                    inQuotes = true;
                    quoted = true;
                } else {
                    field.append(c);
                }
            }
            if (!inQuotes) {
                fields.add(stripCr());
                return fields;
            }
            // a line break inside quotes: the field goes on with the next line, unless that line is a row of its own
            long first = recordLine;
            int read = readLine(budget - 1);
            if (read < 0) {
                fields.add(field.toString()); // the input ends inside quotes: what there is
                return fields;
            }
            if (read > budget - 1) {
                throw new TooLong("record longer than " + maxChars + " characters");
            }
            if (rowShape != null) {
                List<String> alone = alone(text);
                if (alone != null && rowShape.test(alone)) {
                    pending = true;
                    throw new MergedRows(first, line - 2, line - 1);
                }
            }
            field.append('\n');
            budget -= read + 1;
        }
    }

    /** A line's fields when it is a complete record by itself (its quotes closed); otherwise null. */
    private static @Nullable List<String> alone(CharSequence s) {
        List<String> fields = new ArrayList<>(10);
        StringBuilder f = new StringBuilder();
        boolean inQuotes = false;
        boolean quoted = false;
        int n = s.length();
        if (n > 0 && s.charAt(n - 1) == '\r') {
            n--;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < n && s.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                    }
                } else {
                    f.append(c);
                }
            } else if (c == ',') {
                fields.add(f.toString());
                f.setLength(0);
                quoted = false;
            } else if (c == '"' && f.length() == 0 && !quoted) {
                inQuotes = true;
                quoted = true;
            } else {
                f.append(c);
            }
        }
        if (inQuotes) {
            return null;
        }
        fields.add(f.toString());
        return fields;
    }

    /**
     * Reads the next line, without its LF, into {@link #text}: its length, -1 at the end of the input, or more than
     * {@code limit + 1} when it is longer than that (then only its first {@code limit + 1} characters are kept and
     * the reader is past the line).
     */
    private int readLine(int limit) throws IOException {
        text.setLength(0);
        int length = 0;
        while (true) {
            if (pos == end && !fill()) {
                if (length == 0) {
                    return -1;
                }
                line++;
                return length;
            }
            char c = buf[pos++];
            if (c == '\n') {
                line++;
                return length;
            }
            if (length <= limit) { // past the limit the line is only skipped (and its length no longer counted)
                text.append(c);
                length++;
            }
        }
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buf);
        if (n <= 0) {
            eof = true;
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }

    /** The field before a line break, without the CR of a CRLF (after a closing quote too). */
    private String stripCr() {
        int n = field.length();
        if (n > 0 && field.charAt(n - 1) == '\r') {
            field.setLength(n - 1);
        }
        return field.toString();
    }
}
