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
import org.tocsin.input.ContentKind;
import org.tocsin.input.ContentSniffer;
import org.tocsin.input.Sniffed;

/**
 * Reads a feed of domain names and hands each name, or each malformed item, to a sink as soon as it is
 * read. The format is read from the content by {@link ContentSniffer}, never from the file name: gzip (one or
 * more members) is undone; then a CT {@code get-entries} response (or a JSON array of its entries), certstream JSON
 * lines, or a plain list (newly-registered-domain feeds, zone-file extracts, CSV). Everything is streamed
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
     * Reads one feed from {@code in}, naming its items after {@code source}. The stream is not closed. What it holds
     * is read by {@link ContentSniffer}, as for every reader: an input of another kind is one problem item saying
     * what it is.
     *
     * @throws IOException only when the stream cannot be read; malformed content becomes problem items
     */
    public static void read(String source, InputStream in, Consumer<FeedItem> sink) throws IOException {
        BufferedInputStream raw = new BufferedInputStream(new KeepOpen(in), BUFFER);
        Sniffed sniffed = ContentSniffer.sniff(raw);
        if (!accepts(sniffed)) {
            sink.accept(FeedItem.problem(source, sniffed.notA(ContentKind.Family.DOMAIN_FEED)));
            return;
        }
        if (!sniffed.gzip()) {
            readDecoded(source, raw, sniffed.kind(), () -> false, sink);
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
            readDecoded(source, new BufferedInputStream(guard, BUFFER), sniffed.kind(), guard::failed, sink);
            if (guard.failed()) {
                sink.accept(FeedItem.problem(source, "gzip data cut short or corrupt (" + guard.failure()
                        + "); the names before this point were read"));
            }
        }
    }

    /**
     * A feed, an empty input, or gzip data so damaged that nothing of it can be told: read as far as it goes, so the
     * damage is reported as such.
     */
    private static boolean accepts(Sniffed sniffed) {
        return sniffed.family() == ContentKind.Family.DOMAIN_FEED || sniffed.kind() == ContentKind.EMPTY
                || (sniffed.damaged() && sniffed.kind() == ContentKind.UNKNOWN);
    }

    /** @param cut whether the input ended early because its gzip data is damaged */
    private static void readDecoded(String source, BufferedInputStream in, ContentKind kind, BooleanSupplier cut,
            Consumer<FeedItem> sink) throws IOException {
        long firstLine = FeedFormat.skipLeadingSpace(in);
        switch (kind) {
            case CERTSTREAM -> new CertstreamReader(source, sink).read(in, firstLine);
            case CT_ENTRIES -> new GetEntriesReader(source, sink).read(in);
            case EMPTY -> { }
            default -> new PlainListReader(source, sink, cut).read(in, firstLine);
        }
    }
}
