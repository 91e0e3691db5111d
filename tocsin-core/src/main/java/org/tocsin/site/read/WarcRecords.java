package org.tocsin.site.read;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;

/**
 * The HTML pages in one WARC (plain or gzip per record), read with jwarc.
 *
 * <p>Damage: a record that cannot be read gives a problem and reading goes on. In a WARC file on disk the reader
 * resynchronises after damage (a record that does not parse, or one whose Content-Length does not land on the
 * record trailer) by scanning forward for the next line starting {@code WARC/1.} (plain) or the next gzip member
 * header (gzip), so one bad record costs one record. A WARC read as a stream (inside a WACZ) cannot seek back, so
 * damage ends that WARC with a problem.
 */
final class WarcRecords {
    private static final byte[] WARC_LINE = "WARC/1.".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final String name;
    private final @Nullable Path file;
    private final Instant fallbackDate;
    private final Consumer<PageItem> sink;
    private @Nullable String lastProblemAt;

    private WarcRecords(String name, @Nullable Path file, Instant fallbackDate, Consumer<PageItem> sink) {
        this.name = name;
        this.file = file;
        this.fallbackDate = fallbackDate;
        this.sink = sink;
    }

    /** A WARC file on disk: seekable, so damage is skipped past. */
    static void readFile(Path path, Instant fallbackDate, Consumer<PageItem> sink) {
        try (FileChannel channel = FileChannel.open(path)) {
            new WarcRecords(path.toString(), path, fallbackDate, sink).read(channel);
        } catch (IOException e) {
            sink.accept(PageItem.problem(path.toString(), "cannot read WARC: " + e));
        }
    }

    /** A WARC as a stream (a WACZ entry): read until the end or the first damage. */
    static void readStream(String name, InputStream in, Instant fallbackDate, Consumer<PageItem> sink) {
        try {
            new WarcRecords(name, null, fallbackDate, sink).read(Channels.newChannel(in));
        } catch (IOException e) {
            sink.accept(PageItem.problem(name, "cannot read WARC: " + e));
        }
    }

    private void read(ReadableByteChannel channel) throws IOException {
        WarcReader reader = new WarcReader(channel);
        boolean gzip = reader.compression() == WarcCompression.GZIP;
        String[] warning = new String[1];
        reader.onWarning(w -> warning[0] = w);
        long previous = -1;
        while (true) {
            warning[0] = null;
            Optional<WarcRecord> next;
            try {
                next = reader.next();
            } catch (IOException | RuntimeException e) {
                next = null;
                if (!lengthMismatch(warning[0], previous)) {
                    long at = reader.position();
                    boolean cut = at == previous || e instanceof EOFException;
                    problem(at, (cut ? "record cut short: " : "not a readable WARC record: ") + describe(e));
                    previous = at;
                }
            }
            if (next == null || lengthMismatch(warning[0], previous)) {
                // damage: carry on from the next record start after the damaged one, where the file allows it
                long resume = resyncFrom(previous + 1, gzip);
                if (resume < 0) {
                    return;
                }
                reader.position(resume);
                previous = -1;
                continue;
            }
            if (next.isEmpty()) {
                return;
            }
            previous = reader.position();
            try {
                record(next.get(), previous);
            } catch (IOException | RuntimeException e) {
                problem(previous, "record cut short or malformed: " + describe(e));
            }
        }
    }

    /** A record trailer out of place after a record means its Content-Length was wrong; that is its problem. */
    private boolean lengthMismatch(String warning, long previous) {
        if (warning == null || !warning.contains("trailer") || previous < 0) {
            return false;
        }
        problem(previous, "record length does not match its content (" + warning + ")");
        return true;
    }

    private void record(WarcRecord record, long offset) throws IOException {
        String source = name + "#" + offset;
        if (record instanceof WarcResponse response) {
            if (!response.contentType().base().equals(MediaType.HTTP)) {
                return; // a DNS or Gemini capture, not a web page
            }
            HttpResponse http = response.http();
            Map<String, String> headers = headers(http.headers().map());
            page(source, response.target(), http.status(), headers, http.body().stream(), date(record),
                    record.headers().first("WARC-IP-Address").orElse(null));
        } else if (record instanceof WarcResource resource) {
            Map<String, String> headers = new LinkedHashMap<>();
            resource.headers().first("Content-Type").ifPresent(t -> headers.put("content-type", t));
            page(source, resource.target(), 200, headers, resource.body().stream(), date(record),
                    record.headers().first("WARC-IP-Address").orElse(null));
        }
        // request, metadata, warcinfo, revisit and conversion records hold no page to read
    }

    private void page(String source, String url, int status, Map<String, String> headers, InputStream body,
                      Instant fetched, @Nullable String ip) throws IOException {
        String type = headers.get("content-type");
        boolean typed = type != null && !PageText.baseType(type).isEmpty();
        if (typed && !PageText.isHtmlType(type)) {
            return;
        }
        Payload payload = Payload.read(body, Pages.MAX_PAYLOAD_BYTES);
        if (!typed) {
            String text = PageText.decode(payload.head(), headers.get("content-encoding"), null).text();
            if (text == null || !PageText.looksLikeHtml(text)) {
                return;
            }
        }
        Pages.deliver(source, url, status, headers, payload, fetched, ip, sink);
    }

    private Instant date(WarcRecord record) {
        try {
            return record.date();
        } catch (RuntimeException e) {
            return fallbackDate; // no or malformed WARC-Date: the archive file's own time is the best we know
        }
    }

    static Map<String, String> headers(Map<String, List<String>> raw) {
        Map<String, String> headers = new LinkedHashMap<>();
        raw.forEach((k, v) -> {
            if (!v.isEmpty()) {
                headers.putIfAbsent(k.toLowerCase(Locale.ROOT), v.get(0));
            }
        });
        return headers;
    }

    private void problem(long offset, String message) {
        String source = name + "#" + offset;
        if (!source.equals(lastProblemAt)) {
            sink.accept(PageItem.problem(source, message));
            lastProblemAt = source;
        }
    }

    private static String describe(Exception e) {
        if (e instanceof EOFException) {
            return "the file ends inside it";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The offset of the next record start at or after {@code from}, or -1 (always -1 for a stream). */
    private long resyncFrom(long from, boolean gzip) throws IOException {
        if (file == null) {
            return -1;
        }
        try (FileChannel ch = FileChannel.open(file)) {
            if (from >= ch.size()) {
                return -1;
            }
            ch.position(from);
            InputStream in = new BufferedInputStream(Channels.newInputStream(ch), 64 * 1024);
            return gzip ? find(in, from, new byte[] {0x1f, (byte) 0x8b, 0x08}, false)
                    : find(in, from, WARC_LINE, true);
        }
    }

    private static long find(InputStream in, long from, byte[] pattern, boolean atLineStart) throws IOException {
        long pos = from;
        int matched = 0;
        int prev = 0; // the byte before `from` belongs to the damaged record, never a line end we trust
        int b;
        while ((b = in.read()) >= 0) {
            if (b != (pattern[matched] & 0xFF)) {
                matched = 0; // neither pattern repeats its first byte, so a mismatch can restart only here
            }
            if (b == (pattern[matched] & 0xFF) && (matched > 0 || !atLineStart || prev == '\n')) {
                if (++matched == pattern.length) {
                    return pos - pattern.length + 1;
                }
            }
            prev = b;
            pos++;
        }
        return -1;
    }
}
