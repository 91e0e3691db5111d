package org.tocsin.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fault 2 of issue 13: what hostile input carries reaches a terminal escaped, never raw. */
class TerminalTextTest {
    private static final String HOSTILE = "a\u001b[2J\u001b]0;t\u0007\u0000\r\n\t\u007f\u0085\u009b\u202e\u2066\u200e\u061c\u200b\ufeff"
            + new String(Character.toChars(0xE0041)) + "z";

    @Test
    void controlBidiAndInvisibleFormatCharactersAreShownEscaped() {
        assertThat(TerminalText.escape(HOSTILE)).isEqualTo("a\\x1b[2J\\x1b]0;t\\x07\\x00\\x0d\\x0a\\x09\\u007f\\u0085\\u009b\\u202e"
                + "\\u2066\\u200e\\u061c\\u200b\\ufeff\\udb40\\udc41z");
        assertThat(TerminalText.escape("plain, accented é, Cyrillic b\u0456ld, emoji \ud83d\udc4d\u200d, soft\u00adhyphen"))
                .isEqualTo("plain, accented é, Cyrillic b\u0456ld, emoji \ud83d\udc4d\u200d, soft\u00adhyphen");
        assertThat(TerminalText.escape(null)).isNull();
    }

    @Test
    void theGuardLetsOnlyNewlineAndTabThroughRawEvenAcrossWrites() throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        byte[] bytes = HOSTILE.getBytes(StandardCharsets.UTF_8);
        try (OutputStream guard = TerminalText.guard(sink)) {
            for (byte b : bytes) {
                guard.write(b); // one byte at a time: characters split across writes
            }
            guard.write(new byte[] {(byte) 0x9b, '3', '1', 'm', (byte) 0xc3}); // malformed UTF-8: a lone C1 byte, a cut sequence
        }

        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo("a\\x1b[2J\\x1b]0;t\\x07\\x00\\x0d\n\t\\u007f\\u0085\\u009b\\u202e"
                + "\\u2066\\u200e\\u061c\\u200b\\ufeff\\udb40\\udc41z\\x9b31m\\xc3");
    }

    /** JSON written through the guard stays JSON, and means the same: its escapes are JSON's own. */
    @Test
    void aJsonDocumentThroughTheGuardReadsBackTheSame() throws IOException {
        ObjectMapper json = new ObjectMapper();
        String doc = json.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("subject", HOSTILE, "n", 1));
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream guard = TerminalText.guard(sink)) {
            guard.write(doc.getBytes(StandardCharsets.UTF_8));
        }
        String guarded = sink.toString(StandardCharsets.UTF_8);

        assertThat(guarded.codePoints().filter(cp -> cp != '\n' && TerminalText.isUnsafe(cp))).isEmpty();
        assertThat(json.readTree(guarded)).isEqualTo(json.readTree(doc));
    }
}
