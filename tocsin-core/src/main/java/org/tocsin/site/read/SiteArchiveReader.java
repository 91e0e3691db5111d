package org.tocsin.site.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads archived web pages for site assessment: WARC files (plain or gzip per record), WACZ packages, directories
 * of them, and HTML pages saved from a browser. Each input is recognised by its first bytes, not its name.
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
        for (Path path : paths) {
            read(path, sink);
        }
    }

    public static void read(Path path, Consumer<PageItem> sink) {
        if (Files.isDirectory(path)) {
            directory(path, sink);
        } else {
            file(path, true, sink);
        }
    }

    /** Recurses in name order so two runs over the same tree report in the same order; hidden files are skipped. */
    private static void directory(Path dir, Consumer<PageItem> sink) {
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = new ArrayList<>(list.filter(p -> !p.getFileName().toString().startsWith(".")).toList());
        } catch (IOException e) {
            sink.accept(PageItem.problem(dir.toString(), "cannot list directory: " + e));
            return;
        }
        children.sort(Comparator.comparing(p -> p.getFileName().toString()));
        for (Path child : children) {
            // symbolic links to directories are not followed: a link back up would never end
            if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                directory(child, sink);
            } else if (Files.isRegularFile(child)) {
                file(child, false, sink);
            }
        }
    }

    private enum Kind { WARC, WACZ, HTML, OTHER }

    private static void file(Path path, boolean named, Consumer<PageItem> sink) {
        Kind kind;
        Instant modified;
        try {
            kind = sniff(path);
            modified = Files.getLastModifiedTime(path).toInstant();
        } catch (IOException e) {
            sink.accept(PageItem.problem(path.toString(), "cannot read: " + e));
            return;
        }
        switch (kind) {
            case WARC -> WarcRecords.readFile(path, modified, sink);
            case WACZ -> wacz(path, modified, sink);
            case HTML -> SavedPage.read(path, sink);
            case OTHER -> {
                String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
                if (named || CLAIMED.stream().anyMatch(name::endsWith)) {
                    sink.accept(PageItem.problem(path.toString(), "not a WARC, WACZ or HTML file"));
                }
            }
        }
    }

    private static Kind sniff(Path path) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(path)) {
            head = in.readNBytes(1024);
        }
        if (startsWith(head, 'W', 'A', 'R', 'C', '/') || startsWith(head, 0x1f, 0x8b)) {
            // a gzip file is taken for a WARC: jwarc reports it clearly if it holds anything else
            return Kind.WARC;
        }
        if (startsWith(head, 'P', 'K', 3, 4)) {
            return Kind.WACZ;
        }
        String text = PageText.decode(head, null, null).text();
        return text != null && PageText.looksLikeHtml(text) ? Kind.HTML : Kind.OTHER;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The WARCs under {@code archive/} in a WACZ, each streamed from the zip, never extracted. */
    private static void wacz(Path path, Instant modified, Consumer<PageItem> sink) {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            List<? extends ZipEntry> warcs = zip.stream()
                    .filter(e -> !e.isDirectory() && e.getName().startsWith("archive/"))
                    .sorted(Comparator.comparing(ZipEntry::getName))
                    .toList();
            if (warcs.isEmpty()) {
                sink.accept(PageItem.problem(path.toString(), "zip file without WARCs under archive/: not a WACZ"));
            }
            for (ZipEntry entry : warcs) {
                String name = path + "!/" + entry.getName();
                try (InputStream in = zip.getInputStream(entry)) {
                    WarcRecords.readStream(name, in, modified, sink);
                } catch (IOException | RuntimeException e) {
                    sink.accept(PageItem.problem(name, "cannot read WACZ entry: " + e));
                }
            }
        } catch (IOException e) {
            sink.accept(PageItem.problem(path.toString(), "cannot read WACZ (zip): " + e));
        }
    }
}
