package org.tocsin.site.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.tocsin.input.ContentKind;
import org.tocsin.input.ContentSniffer;
import org.tocsin.input.Input;
import org.tocsin.input.InputWalker;
import org.tocsin.input.Sniffed;

/**
 * Reads archived web pages for site assessment: WARC files (plain or gzip per record), WACZ packages, directories
 * of them, HTML pages saved from a browser, and any of these on standard input. Each input is recognised by its
 * content ({@link ContentSniffer}, as for every reader), not its name; directories are walked by
 * {@link InputWalker}.
 *
 * <p>Every HTML page comes out as a {@link PageItem} holding a {@link SitePage}; a record or file that cannot be
 * read gives a {@link PageItem#problem} and reading goes on. Memory stays bounded whatever the archive size:
 * archives are streamed, a record's payload is kept to {@value Pages#MAX_PAYLOAD_BYTES} bytes (the rest is hashed
 * and skipped), decompression to {@value PageText#MAX_DECODED_BYTES} bytes and page text to
 * {@value PageText#MAX_CHARS} characters.
 */
public final class SiteArchiveReader {
    /** Names worth a problem when their content is not what they claim; other unknown files in a directory are skipped. */
    private static final List<String> CLAIMED = List.of(".warc", ".warc.gz", ".wacz", ".html", ".htm", ".xhtml");

    private SiteArchiveReader() {
    }

    public static void read(List<Path> paths, Consumer<PageItem> sink) {
        new InputWalker().walk(paths.stream().map(Path::toString).toList(), visitor(sink));
    }

    public static void read(Path path, Consumer<PageItem> sink) {
        read(List.of(path), sink);
    }

    /** What the walker finds, read; what it cannot read, a problem saying why ("cannot list directory: permission denied"). */
    public static InputWalker.Visitor visitor(Consumer<PageItem> sink) {
        return InputWalker.Visitor.of(input -> read(input, sink), (where, reason) -> sink.accept(PageItem.problem(where, reason)));
    }

    /**
     * Reads one input: a file by its path (a WARC on disk can be resynchronised after damage, a WACZ's entries read
     * from its directory), a stream as it comes (a WACZ on a stream is first copied to a temporary file, as a zip
     * is read from its end). A file found in a directory that is no archive and does not claim to be one by its
     * name is passed over quietly.
     */
    public static void read(Input input, Consumer<PageItem> sink) {
        Path path = input.path();
        if (path == null) { // a stream
            try (InputStream in = input.open()) {
                stream(input.name(), in, sink);
            } catch (IOException e) {
                sink.accept(PageItem.problem(input.name(), "cannot read: " + InputWalker.reason(e)));
            }
            return;
        }
        Sniffed sniffed;
        Instant modified;
        try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            sniffed = ContentSniffer.sniff(in);
            modified = Files.getLastModifiedTime(path).toInstant();
        } catch (IOException e) {
            sink.accept(PageItem.problem(path.toString(), "cannot read: " + InputWalker.reason(e)));
            return;
        }
        switch (sniffed.kind()) {
            case WARC -> WarcRecords.readFile(path, modified, sink);
            case WACZ -> {
                if (sniffed.gzip()) {
                    sink.accept(PageItem.problem(path.toString(), "a gzip-compressed zip file: not a WACZ"));
                } else {
                    wacz(path, path.toString(), modified, sink);
                }
            }
            case HTML_PAGE -> {
                try (InputStream in = body(Files.newInputStream(path), sniffed)) {
                    SavedPage.read(path.toString(), path.toUri().toString(), in, modified, sink);
                } catch (IOException e) {
                    sink.accept(PageItem.problem(path.toString(), "cannot read HTML file: " + e));
                }
            }
            default -> {
                String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
                if (input.named() || CLAIMED.stream().anyMatch(name::endsWith)) {
                    sink.accept(PageItem.problem(path.toString(), notAnArchive(sniffed)));
                }
            }
        }
    }

    /**
     * An archive on a stream ({@code -}): a WARC is read until its end or its first damage, a saved page as it comes.
     * Pages read from a stream carry the time they were read as their fallback date (a file's is its modification
     * time): a WARC record's own WARC-Date still wins.
     */
    public static void stream(String name, InputStream raw, Consumer<PageItem> sink) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        Sniffed sniffed = ContentSniffer.sniff(in);
        Instant now = Instant.now();
        switch (sniffed.kind()) {
            case WARC -> WarcRecords.readStream(name, in, now, sink);
            case HTML_PAGE -> SavedPage.read(name, null, body(in, sniffed), now, sink);
            case WACZ -> {
                if (sniffed.gzip()) {
                    sink.accept(PageItem.problem(name, "a gzip-compressed zip file: not a WACZ"));
                    return;
                }
                Path copy = Files.createTempFile("tocsin-", ".wacz");
                try {
                    Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                    wacz(copy, name, now, sink);
                } finally {
                    Files.deleteIfExists(copy);
                }
            }
            default -> sink.accept(PageItem.problem(name, notAnArchive(sniffed)));
        }
    }

    private static String notAnArchive(Sniffed sniffed) {
        return "not a WARC, WACZ or HTML file" + (sniffed.family() == ContentKind.Family.NONE ? "" : ": " + sniffed.describe());
    }

    private static InputStream body(InputStream in, Sniffed sniffed) throws IOException {
        return sniffed.gzip() ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** The WARCs under {@code archive/} in a WACZ, each streamed from the zip, never extracted. */
    private static void wacz(Path path, String source, Instant modified, Consumer<PageItem> sink) {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            List<? extends ZipEntry> warcs = zip.stream()
                    .filter(e -> !e.isDirectory() && e.getName().startsWith("archive/"))
                    .sorted(Comparator.comparing(ZipEntry::getName))
                    .toList();
            if (warcs.isEmpty()) {
                sink.accept(PageItem.problem(source, "zip file without WARCs under archive/: not a WACZ"));
            }
            for (ZipEntry entry : warcs) {
                String name = source + "!/" + entry.getName();
                try (InputStream in = zip.getInputStream(entry)) {
                    WarcRecords.readStream(name, in, modified, sink);
                } catch (IOException | RuntimeException e) {
                    sink.accept(PageItem.problem(name, "cannot read WACZ entry: " + e));
                }
            }
        } catch (IOException e) {
            sink.accept(PageItem.problem(source, "cannot read WACZ (zip): " + e));
        }
    }
}
