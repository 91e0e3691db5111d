package org.tocsin.email.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.jspecify.annotations.Nullable;
import org.tocsin.email.ArchiveEntry;
import org.tocsin.email.MailAttachment;
import org.tocsin.evidence.HashingInputStream;

/**
 * Hashes an attachment while streaming it and looks at it without running or extracting anything:
 * the file type from its first bytes, the file list of archives from their directory (never their
 * contents, so a zip bomb costs nothing), and the text of HTML and SVG files.
 */
final class AttachmentInspector {
    /** Archives up to this size are kept in memory to read their directory; larger ones are only hashed. */
    static final int MAX_ARCHIVE_BYTES = 16 << 20;
    static final int MAX_TEXT_BYTES = 1 << 20;
    static final int MAX_ENTRIES = 2000;
    private static final int HEAD_BYTES = 64 << 10;

    private AttachmentInspector() {
    }

    static MailAttachment inspect(String filename, String contentType, @Nullable String charset, InputStream content)
            throws IOException {
        String ext = MailAttachment.extensionOf(filename);
        boolean textual = isTextual(contentType, ext);
        HashingInputStream in = new HashingInputStream(content);
        // Keep enough to sniff; keep whole archives (bounded) to list them; keep text (bounded).
        Bounded.Bytes head = Bounded.read(new LimitedPeek(in, HEAD_BYTES), HEAD_BYTES);
        byte[] firstBytes = head.bytes();
        String magic = magic(firstBytes);
        boolean archive = magic.equals("zip") || magic.equals("7z");
        int keep = archive ? MAX_ARCHIVE_BYTES : textual || magic.equals("html") ? MAX_TEXT_BYTES : 0;
        byte[] kept = firstBytes;
        long total = firstBytes.length;
        boolean cut = false;
        if (head.total() >= HEAD_BYTES) {
            Bounded.Bytes rest = Bounded.read(in, Math.max(0, keep - firstBytes.length));
            total += rest.total();
            cut = rest.truncated();
            if (keep > firstBytes.length) {
                byte[] joined = new byte[firstBytes.length + rest.bytes().length];
                System.arraycopy(firstBytes, 0, joined, 0, firstBytes.length);
                System.arraycopy(rest.bytes(), 0, joined, firstBytes.length, rest.bytes().length);
                kept = joined;
            }
        }
        String problem = "";
        List<ArchiveEntry> entries = List.of();
        if (archive) {
            if (cut) {
                problem = "archive larger than " + (MAX_ARCHIVE_BYTES >> 20) + " MiB: hashed, not listed";
            } else {
                try {
                    Listing listing = magic.equals("zip") ? listZip(kept) : list7z(kept);
                    entries = listing.entries();
                    if (listing.more()) {
                        problem = "archive lists more than " + MAX_ENTRIES + " entries; the rest were not inspected";
                    }
                } catch (IOException | RuntimeException e) {
                    problem = "archive directory unreadable: " + e.getMessage();
                }
            }
        }
        String text = "";
        if (textual || magic.equals("html")) {
            byte[] t = kept.length > MAX_TEXT_BYTES ? java.util.Arrays.copyOf(kept, MAX_TEXT_BYTES) : kept;
            text = Charsets.decode(t, charset).text();
        }
        return new MailAttachment(filename, contentType, total, in.finish(filename).sha256(), magic, entries, text, problem);
    }

    private static boolean isTextual(String contentType, String ext) {
        return contentType.startsWith("text/html") || contentType.contains("svg") || contentType.contains("xhtml")
                || ext.equals("html") || ext.equals("htm") || ext.equals("shtml") || ext.equals("xhtml")
                || ext.equals("svg") || ext.equals("mht") || ext.equals("mhtml");
    }

    static String magic(byte[] b) {
        if (startsWith(b, 'P', 'K', 3, 4) || startsWith(b, 'P', 'K', 5, 6)) {
            return "zip";
        }
        if (startsWith(b, 'M', 'Z')) {
            return "pe";
        }
        if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "ole";
        }
        if (startsWith(b, '%', 'P', 'D', 'F')) {
            return "pdf";
        }
        if (startsWith(b, 'R', 'a', 'r', '!')) {
            return "rar";
        }
        if (startsWith(b, '7', 'z', 0xBC, 0xAF)) {
            return "7z";
        }
        if (startsWith(b, 0x1F, 0x8B)) {
            return "gzip";
        }
        if (startsWith(b, 0x4C, 0, 0, 0, 1, 0x14, 2, 0)) {
            return "lnk";
        }
        if (b.length > 0x8006 && (regionIs(b, 0x8001, "CD001") || regionIs(b, 0x8001, "BEA01"))) {
            return "iso";
        }
        if (startsWith(b, 'c', 'o', 'n', 'e', 'c', 't', 'i', 'x')) {
            return "vhd";
        }
        String start = new String(b, 0, Math.min(b.length, 512), StandardCharsets.ISO_8859_1).stripLeading()
                .toLowerCase(Locale.ROOT);
        if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<svg")
                || start.startsWith("<script") || start.startsWith("<head") || start.startsWith("<body")) {
            return "html";
        }
        return "";
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean regionIs(byte[] b, int offset, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (b[offset + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** The entries listed (at most {@link #MAX_ENTRIES}) and whether the archive has more. */
    private record Listing(List<ArchiveEntry> entries, boolean more) {
    }

    private static Listing listZip(byte[] bytes) throws IOException {
        List<ArchiveEntry> out = new ArrayList<>();
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            Enumeration<ZipArchiveEntry> en = zip.getEntries();
            while (en.hasMoreElements() && out.size() < MAX_ENTRIES) {
                ZipArchiveEntry e = en.nextElement();
                out.add(new ArchiveEntry(e.getName(), e.getSize(), e.getCompressedSize(),
                        e.getGeneralPurposeBit().usesEncryption()));
            }
            return new Listing(out, en.hasMoreElements());
        }
    }

    private static Listing list7z(byte[] bytes) throws IOException {
        List<ArchiveEntry> out = new ArrayList<>();
        boolean more = false;
        try (SevenZFile z = SevenZFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes))
                .setMaxMemoryLimitKb(64 * 1024).get()) {
            for (SevenZArchiveEntry e : z.getEntries()) {
                if (out.size() >= MAX_ENTRIES) {
                    more = true;
                    break;
                }
                out.add(new ArchiveEntry(e.getName(), e.getSize(), 0, false));
            }
        } catch (org.apache.commons.compress.PasswordRequiredException e) {
            out.add(new ArchiveEntry("(encrypted 7z header)", -1, -1, true));
        }
        return new Listing(out, more);
    }

    /** Reads at most {@code limit} bytes from the underlying stream without closing it. */
    private static final class LimitedPeek extends InputStream {
        private final InputStream in;
        private long left;

        LimitedPeek(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int c = in.read();
            if (c >= 0) {
                left--;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
