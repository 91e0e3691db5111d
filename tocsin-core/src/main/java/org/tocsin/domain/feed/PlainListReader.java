package org.tocsin.domain.feed;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Newly-registered-domain lists, zone-file extracts and CSV: the first field of each line. */
final class PlainListReader {
    static final int MAX_LINE = 4096;

    private final String source;
    private final Consumer<FeedItem> sink;
    private final BooleanSupplier cut;

    /** @param cut whether the input ended early because its gzip data is damaged */
    PlainListReader(String source, Consumer<FeedItem> sink, BooleanSupplier cut) {
        this.source = source;
        this.sink = sink;
        this.cut = cut;
    }

    void read(InputStream in, long firstLine) throws IOException {
        LineReader lines = new LineReader(in, MAX_LINE, firstLine);
        while (lines.next()) {
            String where = source + ":" + lines.number();
            if (lines.overlong()) {
                sink.accept(FeedItem.problem(where, "line longer than " + MAX_LINE + " bytes; skipped"));
                continue;
            }
            if (!lines.terminated() && cut.getAsBoolean()) {
                // the last bytes before damaged gzip data may be half a name: not worth a false match
                sink.accept(FeedItem.problem(where, "line cut short by the damaged gzip data; skipped"));
                continue;
            }
            String text = lines.text();
            if (text == null) {
                sink.accept(FeedItem.problem(where, "binary or mis-encoded line"));
                continue;
            }
            line(where, text.strip());
        }
    }

    private void line(String where, String text) {
        // '$' lines are zone-file directives ($ORIGIN, $TTL, $INCLUDE), not owner names
        if (text.isEmpty() || text.startsWith("#") || text.startsWith(";") || text.startsWith("$")) {
            return;
        }
        int end = 0;
        while (end < text.length() && text.charAt(end) != ',' && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        String name = text.substring(0, end);
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).strip();
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        sink.accept(name.isEmpty()
                ? FeedItem.problem(where, "no domain name in the first field")
                : FeedItem.name(where, name));
    }
}
