package org.tocsin.email.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.james.mime4j.util.CharsetUtil;
import org.jspecify.annotations.Nullable;

/** Text decoding that never fails: unknown or wrong charsets fall back, and say so. */
final class Charsets {
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Decoded text and, when the declared charset could not be used, why. */
    record Decoded(String text, @Nullable String problem) {
    }

    private Charsets() {
    }

    static Decoded decode(byte[] bytes, @Nullable String declared) {
        String name = declared == null ? "" : declared.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.equals("us-ascii") || name.equals("ascii")) {
            return new Decoded(utf8OrLatin(bytes), null);
        }
        Charset cs = lookup(name);
        if (cs == null) {
            return new Decoded(utf8OrLatin(bytes), "unknown charset '" + declared + "', read as UTF-8/windows-1252");
        }
        return new Decoded(new String(bytes, cs), null);
    }

    /** Undeclared 8-bit text is UTF-8 far more often than not today; Latin text from 2002 is windows-1252. */
    static String utf8OrLatin(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, WINDOWS_1252);
        }
    }

    /**
     * Headers carrying raw 8-bit bytes arrive as Latin-1 characters; when those bytes form valid UTF-8
     * (as senders mean them), re-read them as UTF-8.
     */
    static String repairRawHeader(String s) {
        boolean high = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xFF) {
                return s;
            }
            high |= c >= 0x80;
        }
        if (!high) {
            return s;
        }
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        try {
            CharBuffer cb = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return cb.toString();
        } catch (CharacterCodingException e) {
            return s;
        }
    }

    private static @Nullable Charset lookup(String name) {
        try {
            Charset cs = CharsetUtil.lookup(name);
            if (cs != null) {
                return cs;
            }
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
