package org.tocsin.text;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Text from hostile input made safe to print: control characters (C0, DEL, C1) and the invisible format characters
 * that reorder or hide text (bidirectional embeddings, overrides and isolates U+202A–202E and U+2066–2069, the marks
 * U+200E/U+200F and U+061C, zero-width spaces, tag characters, the BOM; every {@code Cf} but the joiners
 * U+200C/U+200D and the soft hyphen) are shown escaped — {@code \x1b}, <code>&#92;u202e</code> — so that
 * an ESC sequence in a Subject cannot clear the screen, retitle the window or recolour what follows, and a
 * right-to-left override cannot make {@code gpj.exe} read as {@code exe.jpg}.
 *
 * <p>{@link #escape} is for each value a human-readable line quotes (newlines included, so a value cannot forge a
 * line of its own); {@link #guard} wraps a whole output stream as a last line of defence, letting only newline and
 * tab through raw.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /** Whether a code point is shown escaped rather than raw. */
    public static boolean isUnsafe(int cp) {
        if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029) {
            return true;
        }
        int type = Character.getType(cp);
        return (type == Character.FORMAT && cp != 0x200C && cp != 0x200D && cp != 0x00AD) || type == Character.SURROGATE;
    }

    /** The text with every unsafe character escaped; {@code null} stays {@code null}. */
    public static @Nullable String escape(String s) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (isUnsafe(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        if (i == s.length()) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (isUnsafe(cp)) {
                appendEscape(b, cp);
            } else {
                b.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    /**
     * {@code \x1b} for a C0 control; <code>&#92;u202e</code> for anything else, a character beyond the BMP as its two UTF-16
     * halves (<code>&#92;udb40&#92;udc41</code>). Only C0 controls use {@code \x}, and a JSON writer escapes those itself, so the
     * guard's escapes inside a JSON document's strings are JSON escapes of the same characters: the document stays
     * valid and means the same.
     */
    static void appendEscape(StringBuilder b, int cp) {
        if (cp < 0x20) {
            b.append("\\x").append(hex(cp, 2));
            return;
        }
        for (char c : Character.toChars(cp)) {
            b.append("\\u").append(hex(c, 4));
        }
    }

    private static String hex(int v, int digits) {
        String h = Integer.toHexString(v);
        return "0".repeat(Math.max(0, digits - h.length())) + h;
    }

    /**
     * A stream that passes UTF-8 text on with every unsafe character escaped as {@link #escape} does, but newline and
     * tab; a byte that is not part of well-formed UTF-8 (a lone 0x9b is CSI to an 8-bit terminal) is shown as
     * {@code \x9b}. A character split across writes is held until its last byte arrives. A JSON document written
     * through it stays valid JSON (see {@link #appendEscape}).
     */
    public static OutputStream guard(OutputStream out) {
        return new Guard(out);
    }

    private static final class Guard extends FilterOutputStream {
        private final byte[] pending = new byte[4];
        private final java.nio.charset.CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder();
        private int have;
        private int need;

        Guard(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            b &= 0xff;
            if (need > 0) {
                if ((b & 0xC0) == 0x80) {
                    pending[have++] = (byte) b;
                    if (have == need) {
                        sequence();
                    }
                    return;
                }
                malformed(); // the sequence broke off: its bytes are shown as they are, then this byte is read afresh
            }
            if (b < 0x80) {
                if (b == '\n' || b == '\t' || (b >= 0x20 && b != 0x7f)) {
                    out.write(b);
                } else {
                    escapeCodePoint(b);
                }
            } else if (b >= 0xC2 && b <= 0xF4) {
                pending[0] = (byte) b;
                have = 1;
                need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
            } else {
                escapeByte(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int end = off + len;
            int i = off;
            while (i < end) {
                int run = i;
                while (need == 0 && run < end && isPlainAscii(b[run])) {
                    run++;
                }
                if (run > i) {
                    out.write(b, i, run - i);
                    i = run;
                    continue;
                }
                write(b[i++]);
            }
        }

        private static boolean isPlainAscii(byte c) {
            return (c >= 0x20 && c < 0x7f) || c == '\n' || c == '\t';
        }

        private void sequence() throws IOException {
            String s;
            try {
                s = strict.reset().decode(java.nio.ByteBuffer.wrap(pending, 0, have)).toString();
            } catch (java.nio.charset.CharacterCodingException e) { // overlong, a surrogate, beyond U+10FFFF
                malformed();
                return;
            }
            int cp = s.codePointAt(0);
            if (isUnsafe(cp)) {
                escapeCodePoint(cp);
            } else {
                out.write(pending, 0, have);
            }
            have = 0;
            need = 0;
        }

        private void malformed() throws IOException {
            int n = have;
            have = 0;
            need = 0;
            for (int i = 0; i < n; i++) {
                escapeByte(pending[i] & 0xff);
            }
        }

        private void escapeCodePoint(int cp) throws IOException {
            StringBuilder e = new StringBuilder();
            appendEscape(e, cp);
            out.write(e.toString().getBytes(StandardCharsets.US_ASCII));
        }

        /** A byte that is not part of well-formed UTF-8. */
        private void escapeByte(int b) throws IOException {
            out.write(("\\x" + hex(b, 2)).getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public void close() throws IOException {
            if (need > 0) {
                malformed();
            }
            super.close();
        }
    }
}
