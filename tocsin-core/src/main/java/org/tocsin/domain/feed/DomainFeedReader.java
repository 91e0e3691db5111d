package org.tocsin.domain.feed;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a feed of domain names and hands each name, or each malformed item, to a sink as soon as it is
 * read. The format is sniffed from the content, never from the file name: gzip (one or more members) is
 * undone first; then {@code [} starts a JSON array of CT {@code get-entries} entries, {@code {"entries"}
 * starts a CT {@code get-entries} response, any other {@code {} starts certstream JSON lines, and anything
 * else is a plain list (newly-registered-domain feeds, zone-file extracts, CSV). Everything is streamed
 * with a fixed bound per item (4 KiB per plain line, 1 MiB per JSON line, 1 MiB per base64 field), so a
 * feed of gigabytes reads in constant memory.
 */
public final class DomainFeedReader {
    private static final int BUFFER = 1 << 16;

    private DomainFeedReader() {}

    /**
     * Reads the file at {@code pathOrDash}, or standard input for {@code -}.
     *
     * @throws IOException only when the file cannot be opened or read; malformed content becomes problem items
     */
    public static void read(String pathOrDash, Consumer<FeedItem> sink) throws IOException {
        if (pathOrDash.equals("-")) {
            read("-", System.in, sink);
            return;
        }
        Path path;
        try {
            path = Path.of(pathOrDash);
        } catch (InvalidPathException e) {
            throw new IOException("not a usable path: " + pathOrDash, e);
        }
        try (InputStream in = Files.newInputStream(path)) {
            read(pathOrDash, in, sink);
        }
    }

    /**
     * Reads one feed from {@code in}, naming its items after {@code source}. The stream is not closed.
     *
     * @throws IOException only when the stream cannot be read; malformed content becomes problem items
     */
    public static void read(String source, InputStream in, Consumer<FeedItem> sink) throws IOException {
        BufferedInputStream raw = new BufferedInputStream(new KeepOpen(in), BUFFER);
        if (!FeedFormat.isGzip(raw)) {
            readDecoded(source, raw, () -> false, sink);
            return;
        }
        GZIPInputStream inflated;
        try {
            inflated = new GZIPInputStream(raw, BUFFER);
        } catch (EOFException | ZipException e) {
            sink.accept(FeedItem.problem(source, "gzip header is damaged (" + GzipGuard.reason(e) + ")"));
            return;
        }
        try (inflated) {
            GzipGuard guard = new GzipGuard(inflated);
            readDecoded(source, new BufferedInputStream(guard, BUFFER), guard::failed, sink);
            if (guard.failed()) {
                sink.accept(FeedItem.problem(source, "gzip data cut short or corrupt (" + guard.failure()
                        + "); the names before this point were read"));
            }
        }
    }

    /** @param cut whether the input ended early because its gzip data is damaged */
    private static void readDecoded(String source, BufferedInputStream in, BooleanSupplier cut,
            Consumer<FeedItem> sink) throws IOException {
        FeedFormat.Sniffed sniffed = FeedFormat.sniff(in);
        switch (sniffed.format()) {
            case EMPTY -> { }
            case PLAIN -> new PlainListReader(source, sink, cut).read(in, sniffed.firstLine());
            case JSON_LINES -> new CertstreamReader(source, sink).read(in, sniffed.firstLine());
            case GET_ENTRIES -> new GetEntriesReader(source, sink).read(in);
        }
    }
}
