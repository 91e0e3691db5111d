package org.tocsin.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * What a file holds, from its first bytes, for {@code tocsin scan}: mail (RFC 5322 headers, mbox, Outlook
 * .msg), a domain feed (JSON, gzip, or lines of host names) or a web archive (WARC, gzipped WARC, WACZ, a saved
 * HTML page). Names are not trusted: attachments and
 * exports arrive with any extension.
 */
enum InputKind {
    MAIL, DOMAIN_FEED, SITE_ARCHIVE, UNKNOWN;

    private static final int SNIFF = 4096;
    private static final Pattern HEADER = Pattern.compile("^[A-Za-z0-9-]{1,76}:");
    /** Fields nearly every message carries near its top; a YAML file's "organizations:" is not one of them. */
    private static final Pattern MAIL_FIELD = Pattern.compile(
            "(?im)^(from|to|subject|date|received|message-id|return-path|delivered-to|mime-version|x-[a-z0-9-]+|reply-to|sender):");
    private static final Pattern HOST = Pattern.compile("^\\*?\\.?[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)+\\.?([\\s,].*)?$");

    static InputKind of(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF);
        }
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            try (InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
                if (new String(in.readNBytes(5), StandardCharsets.ISO_8859_1).equals("WARC/")) {
                    return SITE_ARCHIVE; // a .warc.gz: gzip per record, a WARC inside
                }
            } catch (IOException e) {
                // not a gzip it can open: left to the feed reader, which reports it
            }
        }
        return of(head);
    }

    static InputKind of(byte[] head) {
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return DOMAIN_FEED; // gzip: feeds come compressed, mail does not
        }
        if (head.length >= 4 && (head[0] & 0xff) == 0xd0 && (head[1] & 0xff) == 0xcf && (head[2] & 0xff) == 0x11) {
            return MAIL; // OLE2: an Outlook .msg
        }
        String text = new String(head, StandardCharsets.ISO_8859_1);
        if (text.startsWith("WARC/") || text.startsWith("PK\u0003\u0004")) {
            return SITE_ARCHIVE; // a WARC, or a WACZ (a zip)
        }
        String start = text.stripLeading().toLowerCase(java.util.Locale.ROOT);
        if (start.startsWith("<!doctype html") || start.startsWith("<html")) {
            return SITE_ARCHIVE; // a saved page
        }
        if (text.startsWith("From ")) {
            return MAIL; // mbox
        }
        for (String line : text.split("\r?\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith(";")) {
                continue;
            }
            if (l.startsWith("{") || l.startsWith("[")) {
                return DOMAIN_FEED;
            }
            if (HEADER.matcher(line).find()) {
                return MAIL_FIELD.matcher(text).find() ? MAIL : UNKNOWN;
            }
            return HOST.matcher(l).matches() ? DOMAIN_FEED : UNKNOWN;
        }
        return UNKNOWN;
    }
}
