package org.tocsin.site.read;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * Payload bytes to page text: Content-Encoding undone with a bounded output (a small gzip body can inflate to
 * gigabytes), then the charset from the byte-order mark, Content-Type, the page's own meta tag, else UTF-8, in the
 * order browsers use; malformed bytes become U+FFFD rather than failing the page.
 */
final class PageText {
    /** Page text is cut here: enough for any real page's markup and scripts. */
    static final int MAX_CHARS = 2 * 1024 * 1024;
    /** Decoded bytes kept: no charset needs more than four bytes a character, so this always fills MAX_CHARS. */
    static final int MAX_DECODED_BYTES = 4 * MAX_CHARS;

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]{0,512}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]{1,40})", Pattern.CASE_INSENSITIVE);

    /** The text, whether it was cut, and what went wrong decoding it (null when nothing did). */
    record Decoded(@Nullable String text, boolean truncated, @Nullable String problem) {
    }

    private PageText() {
    }

    static Decoded decode(byte[] payload, @Nullable String contentEncoding, @Nullable String contentType) {
        Inflated inflated = inflate(payload, contentEncoding);
        if (inflated.bytes == null) {
            return new Decoded(null, false, inflated.problem);
        }
        byte[] bytes = inflated.bytes;
        String text = new String(bytes, charset(bytes, contentType));
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        boolean truncated = inflated.cut || inflated.problem != null;
        if (text.length() > MAX_CHARS) {
            int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
            text = text.substring(0, end);
            truncated = true;
        }
        return new Decoded(text, truncated, inflated.problem);
    }

    /** Whether the start of a payload looks like an HTML document (for records that declare no type). */
    static boolean looksLikeHtml(String text) {
        return org.tocsin.input.ContentSniffer.looksLikeHtml(text);
    }

    static boolean isHtmlType(@Nullable String contentType) {
        String base = baseType(contentType);
        return base.equals("text/html") || base.equals("application/xhtml+xml");
    }

    static String baseType(@Nullable String contentType) {
        if (contentType == null) {
            return "";
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    static Charset charset(byte[] bytes, @Nullable String contentType) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        Charset declared = lookup(typeParameter(contentType, "charset"));
        if (declared != null) {
            return declared;
        }
        // the HTML standard's prescan reads the first 1024 bytes; pages in the wild put the tag a little later
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        Charset meta = m.find() ? lookup(m.group(1)) : null;
        // a page that says UTF-16 in ASCII bytes is not UTF-16 (the HTML standard reads it as UTF-8)
        if (meta != null && !meta.name().startsWith("UTF-16")) {
            return meta;
        }
        return StandardCharsets.UTF_8;
    }

    static @Nullable String typeParameter(@Nullable String contentType, String name) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).strip().equalsIgnoreCase(name)) {
                return part.substring(eq + 1).strip().replace("\"", "").replace("'", "");
            }
        }
        return null;
    }

    private static @Nullable Charset lookup(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        // the WHATWG Encoding standard maps these labels to windows-1252, and so do browsers
        if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")) {
            n = "windows-1252";
        }
        try {
            return Charset.isSupported(n) ? Charset.forName(n) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @SuppressWarnings("ArrayRecordComponent") // a read result handed on, never compared or hashed
    private record Inflated(byte @Nullable [] bytes, boolean cut, @Nullable String problem) {
    }

    private static Inflated inflate(byte[] payload, @Nullable String contentEncoding) {
        String coding = contentEncoding == null ? "" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        switch (coding) {
            case "", "identity", "none" -> {
                return new Inflated(payload, false, null);
            }
            case "gzip", "x-gzip" -> {
                return bounded(() -> new GZIPInputStream(new ByteArrayInputStream(payload)), "gzip");
            }
            case "deflate" -> {
                // the standard says zlib-wrapped; some servers send raw deflate, and browsers accept both
                Inflated zlib = bounded(() -> new InflaterInputStream(new ByteArrayInputStream(payload)), "deflate");
                // bounded always keeps the bytes that came out, even of a damaged stream
                if (zlib.problem == null || Objects.requireNonNull(zlib.bytes).length > 0) {
                    return zlib;
                }
                return bounded(() -> new InflaterInputStream(new ByteArrayInputStream(payload), new Inflater(true)),
                        "deflate");
            }
            default -> {
                return new Inflated(null, false, "Content-Encoding '" + contentEncoding + "' is not supported");
            }
        }
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    /** Inflates at most MAX_DECODED_BYTES; a corrupt or truncated stream keeps what came out before the damage. */
    private static Inflated bounded(Opener opener, String coding) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16 * 1024];
        try (InputStream in = opener.open()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                int room = MAX_DECODED_BYTES - out.size();
                out.write(buf, 0, Math.min(n, room));
                if (n > room) {
                    return new Inflated(out.toByteArray(), true, null);
                }
            }
            return new Inflated(out.toByteArray(), false, null);
        } catch (ZipException | java.io.EOFException e) {
            return new Inflated(out.toByteArray(), false,
                    "Content-Encoding " + coding + " body is corrupt or truncated (" + e.getMessage() + ")");
        } catch (IOException e) {
            return new Inflated(out.toByteArray(), false, "Content-Encoding " + coding + " body unreadable: " + e);
        }
    }
}
