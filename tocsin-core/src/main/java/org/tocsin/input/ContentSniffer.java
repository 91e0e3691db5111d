package org.tocsin.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * The one place that reads what an input holds from its first bytes, never from its name: attachments and exports
 * arrive with any extension. {@code tocsin scan} and every reader (mail, domain feeds, web archives, posts) ask it,
 * so the same bytes are the same kind everywhere; a reader given another kind says what it was given.
 *
 * <p>It looks at the first {@value #HEAD} bytes at most (after undoing gzip, at most that much inflated):
 * magic numbers first (gzip, OLE2, zip, {@code WARC/}, mbox's {@code From }), then JSON by the field names of its
 * first value, HTML by its first tag, the posts CSV by its header, mail by a header block naming a mail field, and
 * a domain list when at least a third of its first text lines start with a host name (labels of any script, the
 * last one of two characters or more with a letter, so neither {@code U.S.} nor {@code 10.0.0.1} is one) — so a list whose first line is damaged, or whose names are raw Unicode ({@code bіld.de}),
 * is still a list, and prose or a YAML file is not.
 */
public final class ContentSniffer {
    /** How much of an input is looked at. Enough for any header block, first JSON line or HTML prologue worth reading. */
    public static final int HEAD = 64 * 1024;
    /**
     * What a stream is first sniffed on. Mail, mbox, Outlook, WARC, zip, HTML and the posts CSV are told by the first
     * decisive line or bytes, which the whole head would reach the same way, so they are decided on this much (a
     * mail server's 10,000 messages are not each read 64 KiB ahead); the other kinds are judged on the whole head.
     */
    private static final int QUICK = 8 * 1024;
    private static final java.util.Set<ContentKind> DECIDED_EARLY = java.util.EnumSet.of(ContentKind.MAIL_MESSAGE, ContentKind.MBOX,
            ContentKind.OUTLOOK_MSG, ContentKind.WARC, ContentKind.WACZ, ContentKind.HTML_PAGE, ContentKind.POSTS_CSV);
    /** Text lines of a plain list looked at. */
    private static final int LIST_LINES = 200;
    /** Under the limits every JSON reader has ({@link JsonLimits}): what the sniffer calls JSON, the readers read. */
    private static final JsonFactory JSON = JsonLimits.factory();
    private static final Pattern HTML_START = Pattern.compile(
            "^\\s*(<!--.*?-->\\s*)*<(!doctype\\s+html|html|head|body)[\\s>]", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** A header field line: a name of printable ASCII but colon (RFC 5322 ftext), then a colon. */
    private static final Pattern FIELD = Pattern.compile("^[\\x21-\\x39\\x3b-\\x7e]{1,76}:");
    /** Fields nearly every message carries near its top; a YAML file's "organizations:" is not one of them. */
    private static final Pattern MAIL_FIELD = Pattern.compile(
            "^(from|to|cc|subject|date|received|message-id|return-path|delivered-to|mime-version|x-[a-z0-9-]+|reply-to|sender"
                    + "|dkim-signature|arc-seal|authentication-results|thread-topic|content-type):", Pattern.CASE_INSENSITIVE);
    /** A host name as feeds carry it: labels of letters (any script), digits, hyphens and underscores. */
    private static final Pattern HOST = Pattern.compile("(\\*\\.)?([\\p{L}\\p{M}\\p{N}_-]{1,63}\\.)+"
            + "(?=[\\p{L}\\p{M}\\p{N}-]{2,63}\\.?$)[\\p{L}\\p{M}\\p{N}-]*\\p{L}[\\p{L}\\p{M}\\p{N}-]*\\.?");

    private ContentSniffer() {
    }

    /**
     * Sniffs a stream without consuming it: the first {@value #HEAD} bytes are read under a mark and the stream is
     * reset to where it was.
     *
     * @throws IOException when the stream cannot be read
     */
    public static Sniffed sniff(BufferedInputStream in) throws IOException {
        in.mark(HEAD + 1);
        byte[] start = in.readNBytes(QUICK + 1);
        if (start.length <= QUICK) {
            in.reset();
            return sniff(start, start.length, true); // all of it
        }
        Sniffed quick = sniff(start, QUICK, false);
        if (!quick.gzip() && DECIDED_EARLY.contains(quick.kind())) {
            in.reset();
            return quick;
        }
        byte[] rest = in.readNBytes(HEAD - start.length + 1);
        in.reset();
        byte[] head = new byte[start.length + rest.length];
        System.arraycopy(start, 0, head, 0, start.length);
        System.arraycopy(rest, 0, head, start.length, rest.length);
        return sniff(head, Math.min(head.length, HEAD), head.length <= HEAD);
    }

    /**
     * @param length   how many bytes of {@code head} to look at
     * @param complete whether these are all the input's bytes (false when the input goes on)
     */
    public static Sniffed sniff(byte[] head, int length, boolean complete) {
        if (length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return gzip(head, length, complete);
        }
        return plain(head, length, complete, false);
    }

    /** Whether text (the start of a page, decoded) begins like an HTML document: a doctype, html, head or body tag. */
    public static boolean looksLikeHtml(CharSequence text) {
        CharSequence head = text.subSequence(0, Math.min(text.length(), 1024));
        return HTML_START.matcher(head).find();
    }

    private static Sniffed gzip(byte[] head, int length, boolean complete) {
        byte[] inner = new byte[HEAD];
        int n = 0;
        boolean damaged = false;
        boolean ended = false;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(head, 0, length), 8192)) {
            int r;
            while (n < HEAD && (r = in.read(inner, n, HEAD - n)) > 0) {
                n += r;
            }
            ended = n < HEAD;
        } catch (java.io.EOFException e) {
            damaged = complete; // past the head the file goes on; at the end of the file the data is cut short
            ended = damaged;
        } catch (IOException e) {
            damaged = true; // corrupt data (ZipException): readers stop there too
            ended = true;
        }
        if (n == 0) {
            return damaged ? Sniffed.unknown(true, "no data could be inflated").withDamage() : Sniffed.of(ContentKind.EMPTY, true);
        }
        if ((inner[0] & 0xff) == 0x1f && n > 1 && (inner[1] & 0xff) == 0x8b) {
            return Sniffed.unknown(true, "gzip inside gzip");
        }
        Sniffed sniffed = plain(inner, n, ended, true);
        return damaged ? sniffed.withDamage() : sniffed;
    }

    private static Sniffed plain(byte[] b, int length, boolean complete, boolean gzip) {
        if (length == 0) {
            return Sniffed.of(ContentKind.EMPTY, gzip);
        }
        if (startsWith(b, length, 0xD0, 0xCF, 0x11, 0xE0)) {
            return Sniffed.of(ContentKind.OUTLOOK_MSG, gzip);
        }
        if (startsWith(b, length, 'P', 'K', 3, 4) || startsWith(b, length, 'P', 'K', 5, 6)) {
            return Sniffed.of(ContentKind.WACZ, gzip);
        }
        if (startsWith(b, length, 'W', 'A', 'R', 'C', '/')) {
            return Sniffed.of(ContentKind.WARC, gzip);
        }
        if (startsWith(b, length, 'F', 'r', 'o', 'm', ' ')) {
            return Sniffed.of(ContentKind.MBOX, gzip);
        }
        if (startsWith(b, length, 0xFE, 0xFF) || startsWith(b, length, 0xFF, 0xFE)) { // UTF-16: only pages come so
            String text = new String(b, 0, Math.min(length, 2048), startsWith(b, length, 0xFE, 0xFF)
                    ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE);
            return looksLikeHtml(text.substring(1)) ? Sniffed.of(ContentKind.HTML_PAGE, gzip)
                    : Sniffed.unknown(gzip, "UTF-16 text");
        }
        int start = startsWith(b, length, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        int first = start;
        while (first < length && isSpace(b[first])) {
            first++;
        }
        if (first == length) {
            return complete ? Sniffed.of(ContentKind.EMPTY, gzip)
                    : Sniffed.unknown(gzip, "nothing but white space in its first " + (HEAD >> 10) + " KiB");
        }
        switch (b[first]) {
            case '<' -> {
                String text = new String(b, start, Math.min(length - start, 2048), StandardCharsets.ISO_8859_1);
                return looksLikeHtml(text) ? Sniffed.of(ContentKind.HTML_PAGE, gzip)
                        : Sniffed.unknown(gzip, "markup, but not an HTML page");
            }
            case '{', '[' -> {
                return json(b, first, length, gzip);
            }
            default -> {
                return text(b, start, length, complete, gzip);
            }
        }
    }

    /** JSON: told apart by the field names of its first value (the first line of JSON Lines). */
    private static Sniffed json(byte[] b, int from, int length, boolean gzip) {
        Set<String> top = new HashSet<>();
        Set<String> all = new HashSet<>();
        String firstTop = null;
        boolean array = b[from] == '[';
        try (JsonParser p = JSON.createParser(b, from, length - from)) {
            int depth = 0;
            JsonToken t;
            int tokens = 0;
            while ((t = p.nextToken()) != null && tokens++ < 100_000) {
                if (t.isStructStart()) {
                    depth++;
                } else if (t.isStructEnd()) {
                    if (--depth == 0) {
                        break; // the first value (the first line of JSON Lines) is enough
                    }
                } else if (t == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    all.add(name);
                    if (depth == 1) {
                        top.add(name);
                        if (firstTop == null) {
                            firstTop = name;
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the head ends inside the value, or the JSON is broken: decide on what was read before
        }
        ContentKind kind;
        if (array) {
            if (all.contains("author_id")) {
                kind = ContentKind.TWITTER_V2;
            } else if (all.contains("leaf_input") || all.contains("extra_data")) {
                kind = ContentKind.CT_ENTRIES;
            } else {
                return Sniffed.unknown(gzip, "a JSON array of another shape");
            }
        } else if ("entries".equals(firstTop) || top.contains("entries")) {
            kind = ContentKind.CT_ENTRIES;
        } else if (all.contains("post_id") && all.contains("account_id")) {
            kind = ContentKind.POSTS_JSONL;
        } else if (all.contains("message_type") || all.contains("leaf_cert") || all.contains("all_domains")) {
            kind = ContentKind.CERTSTREAM;
        } else if (top.contains("messages") || top.contains("chats") || top.contains("personal_information")) {
            kind = ContentKind.TELEGRAM;
        } else if (all.contains("data") || all.contains("author_id")) {
            kind = ContentKind.TWITTER_V2;
        } else {
            return Sniffed.unknown(gzip, "JSON of another shape");
        }
        return Sniffed.of(kind, gzip);
    }

    /** Text that is not markup or JSON: posts CSV, mail, a domain list, or none of them. */
    private static Sniffed text(byte[] b, int start, int length, boolean complete, boolean gzip) {
        Lines lines = new Lines(b, start, length, complete);
        boolean seen = false;
        int textLines = 0;
        int hosts = 0;
        boolean binary = false;
        while (lines.next() && textLines < LIST_LINES) {
            String raw = lines.latin1();
            if (!seen) {
                if (raw.isBlank()) {
                    continue;
                }
                seen = true;
                String l = raw.strip();
                if (l.startsWith("post_id,") || l.startsWith("\"post_id\",")) {
                    return Sniffed.of(ContentKind.POSTS_CSV, gzip);
                }
                if (FIELD.matcher(raw).find()) {
                    return isMail(lines) ? Sniffed.of(ContentKind.MAIL_MESSAGE, gzip)
                            : Sniffed.unknown(gzip, "text with a header line, but no mail header");
                }
            }
            if (lines.cut()) {
                break; // a line cut by the end of the head is not judged
            }
            String text = lines.text();
            if (text == null) {
                binary = true;
                continue;
            }
            String l = text.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith(";") || l.startsWith("$")) {
                continue; // blank, comments, zone-file directives
            }
            textLines++;
            if (HOST.matcher(firstField(l)).matches()) {
                hosts++;
            }
        }
        if (hosts > 0 && hosts * 3 >= textLines) {
            return Sniffed.of(ContentKind.DOMAIN_LIST, gzip);
        }
        return Sniffed.unknown(gzip, textLines == 0 && binary ? "binary data" : "text of another kind");
    }

    /**
     * The header block from the current line on: a mail field among its header lines (continuation lines skipped;
     * raw 8-bit and control bytes allowed, as hostile and old mail carries them). The first line may be cut by the end
     * of the head (a 10 MB header): its name still counts.
     */
    private static boolean isMail(Lines lines) {
        for (int n = 0; n < 500; n++) {
            String line = lines.latin1();
            if (line.isEmpty()) {
                return false; // the end of the header block
            }
            if (line.charAt(0) != ' ' && line.charAt(0) != '\t') {
                if (!FIELD.matcher(line).find()) {
                    return false;
                }
                if (MAIL_FIELD.matcher(line).find()) {
                    return true;
                }
            }
            if (lines.cut() || !lines.next()) {
                return false;
            }
        }
        return false;
    }

    /**
     * A line of a list as text: null when it is not UTF-8 or holds a control character but tab. The feed readers
     * judge each line by this too, so what the sniffer counts as a text line is what they read as one.
     *
     * @param utf8 a decoder to reuse (reset here)
     */
    public static @Nullable String textLine(CharsetDecoder utf8, byte[] bytes, int from, int to) {
        String s;
        try {
            s = utf8.reset().decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f)) {
                return null;
            }
        }
        return s;
    }

    /** As the list readers take it: up to the first comma or white space, without quotes. */
    private static String firstField(String l) {
        int end = 0;
        while (end < l.length() && l.charAt(end) != ',' && !Character.isWhitespace(l.charAt(end))) {
            end++;
        }
        String f = l.substring(0, end);
        return f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"") ? f.substring(1, f.length() - 1) : f;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
    }

    private static boolean startsWith(byte[] b, int length, int... prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The lines of the head; the last one may be cut by the end of the head (then {@link #cut()}). */
    private static final class Lines {
        private final byte[] b;
        private final int length;
        private final boolean complete;
        private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
        private int pos;
        private int from;
        private int to;
        private boolean cut;

        Lines(byte[] b, int start, int length, boolean complete) {
            this.b = b;
            this.pos = start;
            this.length = length;
            this.complete = complete;
        }

        /** Advances to the next line; false at the end of the head. */
        boolean next() {
            if (pos >= length) {
                return false;
            }
            int end = pos;
            while (end < length && b[end] != '\n') {
                end++;
            }
            cut = end == length && !complete;
            from = pos;
            pos = end + 1;
            to = end > from && b[end - 1] == '\r' ? end - 1 : end;
            return true;
        }

        /** Whether the end of the head cut this line short. */
        boolean cut() {
            return cut;
        }

        /** The line byte for byte (ISO-8859-1), whatever it holds. */
        String latin1() {
            return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
        }

        @Nullable String text() {
            return textLine(utf8, b, from, to);
        }
    }
}
