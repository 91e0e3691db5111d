package org.tocsin.store.stix.pattern;

import java.text.ParseException;

/**
 * A STIX pattern that does not follow the STIX 2.1 grammar or one of the specification's rules. Checked, and a
 * {@link ParseException}, because an importer meets these in partners' data and must report the indicator and go
 * on with the rest. The message names the 0-based offset, says what was expected and shows the place:
 * <pre>
 * offset 5: expected ':' after the object type 'file' (an object path is type:property, as in file:name), found '.'
 *   [file.size = 1280]
 *        ^
 * </pre>
 */
public final class StixPatternException extends ParseException {
    /** Characters of the pattern shown on each side of the offset; a 1 MB pattern must not make a 1 MB message. */
    private static final int CONTEXT = 32;

    private final String reason;

    StixPatternException(String pattern, int offset, String reason) {
        super(format(pattern, offset, reason), offset);
        this.reason = reason;
    }

    /** Where in the pattern it went wrong, 0-based, in UTF-16 code units (Java string indices). */
    public int offset() {
        return getErrorOffset();
    }

    /** What is wrong, without the offset and the excerpt. */
    public String reason() {
        return reason;
    }

    private static String format(String pattern, int offset, String reason) {
        int from = Math.max(0, offset - CONTEXT);
        int to = Math.min(pattern.length(), offset + CONTEXT);
        StringBuilder line = new StringBuilder(to - from + 8);
        if (from > 0) {
            line.append('…');
        }
        int caret = line.length() + offset - from;
        for (int i = from; i < to; i++) {
            char c = pattern.charAt(i);
            line.append(c < ' ' || c == 0x7f ? ' ' : c); // a newline inside a string must not break the caret line
        }
        if (to < pattern.length()) {
            line.append('…');
        }
        return "offset " + offset + ": " + reason + "\n  " + line + "\n  " + " ".repeat(caret) + "^";
    }
}
