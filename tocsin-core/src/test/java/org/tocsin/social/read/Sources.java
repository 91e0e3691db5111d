package org.tocsin.social.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: every item of a source, and the fixtures of src/test/resources/social. */
final class Sources {
    private Sources() {
    }

    static List<PostItem> all(PostSource s) throws IOException {
        List<PostItem> items = new ArrayList<>();
        try (s) {
            for (PostItem i = s.next(); i != null; i = s.next()) {
                items.add(i);
            }
            // the end stays the end
            if (s.next() != null) {
                throw new AssertionError("an item after the end");
            }
        }
        return items;
    }

    static byte[] resource(String name) {
        try (InputStream in = Sources.class.getResourceAsStream("/social/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InputStream utf8(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    /** Bytes with invalid UTF-8 (a lone continuation byte, a cut two-byte sequence, 0xFF) spliced in at a marker. */
    static byte[] withInvalidUtf8(String json, String marker) {
        String[] parts = json.split(java.util.regex.Pattern.quote(marker), 2);
        byte[] head = parts[0].getBytes(StandardCharsets.UTF_8);
        byte[] tail = parts[1].getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0x80, (byte) 0xC3, (byte) 0x28, (byte) 0xFF};
        byte[] out = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(bad, 0, out, head.length, bad.length);
        System.arraycopy(tail, 0, out, head.length + bad.length, tail.length);
        return out;
    }
}
