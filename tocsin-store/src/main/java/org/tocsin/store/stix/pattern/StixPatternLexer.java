package org.tocsin.store.stix.pattern;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.tocsin.store.stix.pattern.StixPattern.BinaryValue;
import org.tocsin.store.stix.pattern.StixPattern.BooleanValue;
import org.tocsin.store.stix.pattern.StixPattern.FloatValue;
import org.tocsin.store.stix.pattern.StixPattern.HexValue;
import org.tocsin.store.stix.pattern.StixPattern.IntegerValue;
import org.tocsin.store.stix.pattern.StixPattern.Literal;
import org.tocsin.store.stix.pattern.StixPattern.StringValue;
import org.tocsin.store.stix.pattern.StixPattern.TimestampValue;

/**
 * Splits a STIX pattern into the tokens of STIXPattern.g4, one at a time as the parser asks, so no token list is
 * built. It follows the grammar's lexer exactly where that decides what is valid: the longest token wins
 * ({@code ANDx} is a name, {@code .5} a number, {@code 5SECONDS} two tokens), keywords are case-sensitive,
 * whitespace is the grammar's set and {@code /* *}{@code /} and {@code //} comments are skipped. Literals are checked
 * here as they are read, so an error points into the literal rather than at the token after it.
 */
final class StixPatternLexer {
    enum Kind {
        LBRACK("'['"), RBRACK("']'"), LPAREN("'('"), RPAREN("')'"), COMMA("','"), COLON("':'"), DOT("'.'"), STAR("'*'"),
        EQ("'='"), NEQ("'!='"), LT("'<'"), LE("'<='"), GT("'>'"), GE("'>='"),
        AND("AND"), OR("OR"), NOT("NOT"), FOLLOWEDBY("FOLLOWEDBY"), LIKE("LIKE"), MATCHES("MATCHES"),
        ISSUPERSET("ISSUPERSET"), ISSUBSET("ISSUBSET"), EXISTS("EXISTS"), LAST("LAST"), IN("IN"), START("START"),
        STOP("STOP"), SECONDS("SECONDS"), WITHIN("WITHIN"), REPEATS("REPEATS"), TIMES("TIMES"),
        IDENTIFIER("a name"), STRING("a string"), INTEGER("an integer"), FLOAT("a number"), BOOLEAN("true or false"),
        TIMESTAMP("a timestamp"), HEX("a hex literal"), BINARY("a base64 literal"), EOF("the end of the pattern");

        /** For messages; for a keyword, the keyword itself, which is also how the lexer recognises it. */
        final String description;

        Kind(String description) {
            this.description = description;
        }

        boolean isKeyword() {
            return compareTo(AND) >= 0 && compareTo(TIMES) <= 0;
        }
    }

    /** STIX integers are "signed 54-bit" (STIX 2.1 §2.7): ±(2^53 − 1). */
    static final long MAX_INTEGER = (1L << 53) - 1;

    private final String src;
    private final int length;
    private int pos;

    /** The current token: its kind and where it stands. */
    Kind kind;
    int start;
    int end;
    /** For IDENTIFIER the name, for STRING the value with escapes resolved. */
    String text;
    /** For IDENTIFIER: whether it has a '-', which object types may and property names may not. */
    boolean hyphen;
    /** For literal tokens, the value. */
    Literal literal;

    StixPatternLexer(String src) {
        this.src = src;
        this.length = src.length();
    }

    String source() {
        return src;
    }

    StixPatternException error(int offset, String reason) {
        return new StixPatternException(src, offset, reason);
    }

    /** The current token as the pattern spells it, shortened if long, for messages. */
    String spelling() {
        if (kind == Kind.EOF) {
            return kind.description;
        }
        String s = end - start > 40 ? src.substring(start, start + 37) + "…" : src.substring(start, end);
        return kind == Kind.STRING ? "the string " + s : "'" + s + "'";
    }

    void next() throws StixPatternException {
        skipWhitespaceAndComments();
        start = pos;
        text = null;
        literal = null;
        if (pos == length) {
            kind = Kind.EOF;
            end = pos;
            return;
        }
        char c = src.charAt(pos);
        switch (c) {
            case '[' -> single(Kind.LBRACK);
            case ']' -> single(Kind.RBRACK);
            case '(' -> single(Kind.LPAREN);
            case ')' -> single(Kind.RPAREN);
            case ',' -> single(Kind.COMMA);
            case ':' -> single(Kind.COLON);
            case '*' -> single(Kind.STAR);
            case '=' -> operator(Kind.EQ, peek(1) == '=' ? 2 : 1);
            case '!' -> {
                if (peek(1) != '=') {
                    throw error(pos, "'!' on its own is not an operator: not-equal is != (or NOT before an operator)");
                }
                operator(Kind.NEQ, 2);
            }
            case '<' -> operator(peek(1) == '=' ? Kind.LE : peek(1) == '>' ? Kind.NEQ : Kind.LT, peek(1) == '=' || peek(1) == '>' ? 2 : 1);
            case '>' -> operator(peek(1) == '=' ? Kind.GE : Kind.GT, peek(1) == '=' ? 2 : 1);
            case '\'' -> string();
            case '.' -> {
                if (isDigit(peek(1))) {
                    number(); // the grammar's longest match: ".5" is a number, not a dot
                } else {
                    single(Kind.DOT);
                }
            }
            case '"' -> throw error(pos, "STIX strings are in single quotes: 'like this'");
            case '/' -> throw error(pos, "'/' only starts a comment (/* … */ or // …); a regular expression is a quoted"
                    + " string: MATCHES '^a.*\\\\.dll$'");
            default -> {
                if (c == '+' || c == '-' || isDigit(c)) {
                    number();
                } else if (isNameStart(c)) {
                    word();
                } else {
                    throw error(pos, "unexpected character " + describe(c));
                }
            }
        }
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < length ? src.charAt(i) : '\0';
    }

    private void single(Kind k) {
        kind = k;
        end = ++pos;
    }

    private void operator(Kind k, int width) {
        kind = k;
        pos += width;
        end = pos;
    }

    private void skipWhitespaceAndComments() throws StixPatternException {
        while (pos < length) {
            char c = src.charAt(pos);
            if (isWhitespace(c)) {
                pos++;
            } else if (c == '/' && peek(1) == '*') {
                int close = src.indexOf("*/", pos + 2);
                if (close < 0) {
                    throw error(pos, "comment opened here is never closed with */");
                }
                pos = close + 2;
            } else if (c == '/' && peek(1) == '/') {
                while (pos < length && src.charAt(pos) != '\n' && src.charAt(pos) != '\r') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    /** The grammar's WS rule, no more: other Unicode spaces (zero-width ones, say) are errors, not separators. */
    static boolean isWhitespace(char c) {
        return switch (c) {
            case ' ', '\t', '\r', '\n', '\u000B', '\u000C', '\u0085', '\u00a0', '\u1680', '\u2028', '\u2029', '\u202f',
                    '\u205f', '\u3000' -> true;
            default -> c >= '\u2000' && c <= '\u200a';
        };
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c);
    }

    static String describe(char c) {
        if (c >= ' ' && c < 0x7f) {
            return "'" + c + "'";
        }
        return String.format("U+%04X", (int) c);
    }

    /** Names, keywords, booleans, and the h'…', b'…', t'…' literals that begin like a name. */
    private void word() throws StixPatternException {
        char c = src.charAt(pos);
        if ((c == 'h' || c == 'b' || c == 't') && peek(1) == '\'') {
            switch (c) {
                case 'h' -> hex();
                case 'b' -> binary();
                default -> timestamp();
            }
            return;
        }
        int from = pos;
        boolean dash = false;
        while (pos < length) {
            char d = src.charAt(pos);
            if (d == '-') {
                dash = true;
            } else if (!isNamePart(d)) {
                break;
            }
            pos++;
        }
        end = pos;
        kind = dash ? Kind.IDENTIFIER : keyword(from, pos - from);
        if (kind == Kind.BOOLEAN) {
            literal = new BooleanValue(src.charAt(from) == 't');
        } else if (kind == Kind.IDENTIFIER) {
            text = src.substring(from, pos);
            hyphen = dash;
        }
    }

    private Kind keyword(int from, int len) {
        // compared in place: most words are property names, and a substring per keyword test would be waste
        for (Kind k : KEYWORDS) {
            if (k.description.length() == len && src.regionMatches(from, k.description, 0, len)) {
                return k;
            }
        }
        if (len == 4 && src.regionMatches(from, "true", 0, 4) || len == 5 && src.regionMatches(from, "false", 0, 5)) {
            return Kind.BOOLEAN;
        }
        return Kind.IDENTIFIER;
    }

    private static final Kind[] KEYWORDS = java.util.Arrays.stream(Kind.values()).filter(Kind::isKeyword).toArray(Kind[]::new);

    /** If {@code name} is a keyword or boolean written in the wrong case, how to write it; otherwise null. */
    static String caseFix(String name) {
        if (name.equalsIgnoreCase("true") || name.equalsIgnoreCase("false")) {
            return name.toLowerCase(java.util.Locale.ROOT);
        }
        for (Kind k : KEYWORDS) {
            if (k.description.equalsIgnoreCase(name)) {
                return k.description;
            }
        }
        return null;
    }

    /** {@code 'text'}: only {@code \'} and {@code \\} are escapes; anything else after a backslash is an error. */
    private void string() throws StixPatternException {
        int open = pos;
        int i = pos + 1;
        StringBuilder decoded = null; // only built when there is an escape: most strings are one substring
        int copied = i;
        while (true) {
            if (i >= length) {
                throw error(open, "string opened here is never closed with '");
            }
            char c = src.charAt(i);
            if (c == '\'') {
                break;
            }
            if (c == '\\') {
                char e = i + 1 < length ? src.charAt(i + 1) : '\0';
                if (e != '\'' && e != '\\') {
                    throw error(i, i + 1 < length
                            ? "\\" + e + " is not an escape STIX allows: only \\' (a quote) and \\\\ (a backslash), so a"
                                    + " backslash itself is written \\\\"
                            : "string opened at offset " + open + " ends in a lone backslash and is never closed");
                }
                if (decoded == null) {
                    decoded = new StringBuilder(i - open + 16);
                }
                decoded.append(src, copied, i).append(e);
                i += 2;
                copied = i;
            } else {
                i++;
            }
        }
        text = decoded == null ? src.substring(open + 1, i) : decoded.append(src, copied, i).toString();
        literal = new StringValue(text);
        kind = Kind.STRING;
        pos = i + 1;
        end = pos;
    }

    /**
     * The grammar's integers and floats: {@code [+-]?(0|[1-9][0-9]*)} and {@code [+-]?[0-9]*.[0-9]+}. No exponent,
     * no trailing dot, no leading zeros on integers (floats may have them, as the grammar says).
     */
    private void number() throws StixPatternException {
        int from = pos;
        int i = pos;
        char sign = src.charAt(i);
        if (sign == '+' || sign == '-') {
            i++;
        }
        int digits = i;
        while (i < length && isDigit(src.charAt(i))) {
            i++;
        }
        int intEnd = i;
        if (i + 1 < length && src.charAt(i) == '.' && isDigit(src.charAt(i + 1))) {
            i++;
            while (i < length && isDigit(src.charAt(i))) {
                i++;
            }
            double d = Double.parseDouble(src.substring(from, i));
            if (Double.isInfinite(d)) {
                throw error(from, "number " + abbreviate(from, i) + " is too large for a STIX float");
            }
            kind = Kind.FLOAT;
            literal = new FloatValue(d);
            pos = i;
            end = i;
            return;
        }
        if (intEnd == digits) {
            throw error(from, "'" + sign + "' must be followed by a number");
        }
        if (src.charAt(digits) == '0' && intEnd - digits > 1) {
            throw error(from, "integer " + abbreviate(from, intEnd) + " has a leading zero; write it without");
        }
        if (intEnd - digits > 16) {
            throw error(from, "integer " + abbreviate(from, intEnd) + " is beyond STIX's range of ±(2^53 − 1)");
        }
        long v = 0;
        for (int k = digits; k < intEnd; k++) {
            v = v * 10 + (src.charAt(k) - '0');
        }
        if (v > MAX_INTEGER) {
            throw error(from, "integer " + abbreviate(from, intEnd) + " is beyond STIX's range of ±(2^53 − 1)");
        }
        kind = Kind.INTEGER;
        literal = new IntegerValue(sign == '-' ? -v : v);
        pos = intEnd;
        end = intEnd;
    }

    private String abbreviate(int from, int to) {
        return to - from > 24 ? src.substring(from, from + 21) + "…" : src.substring(from, to);
    }

    /** {@code h'…'}: pairs of hex digits. */
    private void hex() throws StixPatternException {
        int open = pos;
        int i = pos + 2;
        while (i < length && src.charAt(i) != '\'') {
            char c = src.charAt(i);
            if (!(isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                throw error(i, describe(c) + " is not a hex digit; h'…' holds only 0-9 and a-f");
            }
            i++;
        }
        if (i >= length) {
            throw error(open, "hex literal opened here is never closed with '");
        }
        if ((i - open - 2) % 2 != 0) {
            throw error(open, "hex literal has an odd number of digits (" + (i - open - 2) + "); h'…' is whole bytes, two digits each");
        }
        literal = new HexValue(src.substring(open + 2, i));
        kind = Kind.HEX;
        pos = i + 1;
        end = pos;
    }

    /**
     * {@code b'…'}: standard base64 (RFC 4648 §4) in whole groups of four, '=' padding only at the end of the last
     * group; as in the grammar, at least one group.
     */
    private void binary() throws StixPatternException {
        int open = pos;
        int first = pos + 2;
        int i = first;
        int padding = -1; // offset of the first '=', once seen
        while (i < length && src.charAt(i) != '\'') {
            char c = src.charAt(i);
            int inGroup = (i - first) % 4;
            if (c == '=') {
                if (inGroup < 2) {
                    throw error(i, "'=' is base64 padding: it may only stand in the last two places of the last group of four");
                }
                if (padding < 0) {
                    padding = i;
                }
            } else if (!isBase64(c)) {
                throw error(i, describe(c) + " is not a base64 character (A-Z, a-z, 0-9, +, /, and = to pad)");
            } else if (padding >= 0) {
                throw error(padding, "'=' is base64 padding: it may only end the base64, not stand inside it");
            }
            i++;
        }
        if (i >= length) {
            throw error(open, "base64 literal opened here is never closed with '");
        }
        int count = i - first;
        if (count == 0) {
            throw error(open, "b'' is empty; the grammar requires at least one base64 group of four characters");
        }
        if (count % 4 != 0) {
            throw error(open, "base64 has " + count + " characters; it comes in groups of four (pad the last with =)");
        }
        literal = new BinaryValue(src.substring(first, i));
        kind = Kind.BINARY;
        pos = i + 1;
        end = pos;
    }

    private static boolean isBase64(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/';
    }

    /** {@code t'YYYY-MM-DDThh:mm:ss[.fraction]Z'}: RFC 3339 in UTC, checked against the calendar. */
    private void timestamp() throws StixPatternException {
        int open = pos;
        int p = pos + 2;
        int year = digits(p, 4, "year");
        p = expect(p + 4, '-');
        int month = digits(p, 2, "month");
        if (month < 1 || month > 12) {
            throw timestampError(p, "month " + src.substring(p, p + 2) + " is not 01-12");
        }
        p = expect(p + 2, '-');
        int day = digits(p, 2, "day");
        int days = YearMonth.of(year, month).lengthOfMonth();
        if (day < 1 || day > days) {
            throw timestampError(p, "day " + src.substring(p, p + 2) + " is not in " + YearMonth.of(year, month) + " (01-" + days + ")");
        }
        p = expect(p + 2, 'T');
        int hour = digits(p, 2, "hour");
        if (hour > 23) {
            throw timestampError(p, "hour " + src.substring(p, p + 2) + " is not 00-23");
        }
        p = expect(p + 2, ':');
        int minute = digits(p, 2, "minute");
        if (minute > 59) {
            throw timestampError(p, "minute " + src.substring(p, p + 2) + " is not 00-59");
        }
        p = expect(p + 2, ':');
        int second = digits(p, 2, "second");
        // RFC 3339 allows :60 for a leap second, which UTC only inserts at the end of a day
        if (second > 60 || second == 60 && (hour != 23 || minute != 59)) {
            throw timestampError(p, "second " + src.substring(p, p + 2) + " is not 00-59 (60 only for a leap second at 23:59)");
        }
        p += 2;
        int nanos = 0;
        if (p < length && src.charAt(p) == '.') {
            p++;
            int from = p;
            while (p < length && isDigit(src.charAt(p))) {
                if (p - from < 9) {
                    nanos = nanos * 10 + (src.charAt(p) - '0');
                }
                p++;
            }
            if (p == from) {
                throw timestampError(p, "a '.' must be followed by the fraction of a second");
            }
            for (int k = Math.min(p - from, 9); k < 9; k++) {
                nanos *= 10;
            }
        }
        char z = p < length ? src.charAt(p) : '\0';
        if (z != 'Z') {
            throw timestampError(p, z == '+' || z == '-' || z == 'z'
                    ? "STIX timestamps are UTC and end in an upper-case Z; convert the time and write Z"
                    : "expected Z (UTC) after the seconds");
        }
        if (p + 1 >= length || src.charAt(p + 1) != '\'') {
            throw timestampError(p + 1, "expected ' to close the timestamp after Z");
        }
        Instant instant = second == 60
                ? LocalDateTime.of(year, month, day, hour, minute, 59, 999_999_999).toInstant(ZoneOffset.UTC)
                : LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        literal = new TimestampValue(src.substring(open + 2, p + 1), instant);
        kind = Kind.TIMESTAMP;
        pos = p + 2;
        end = pos;
    }

    private int digits(int at, int count, String field) throws StixPatternException {
        int v = 0;
        for (int i = at; i < at + count; i++) {
            if (i >= length || !isDigit(src.charAt(i))) {
                throw timestampError(Math.min(i, length), "expected " + count + " digits for the " + field);
            }
            v = v * 10 + (src.charAt(i) - '0');
        }
        return v;
    }

    private int expect(int at, char c) throws StixPatternException {
        if (at >= length || src.charAt(at) != c) {
            throw timestampError(Math.min(at, length), "expected '" + c + "' here");
        }
        return at + 1;
    }

    private StixPatternException timestampError(int at, String what) {
        return error(at, "malformed timestamp: " + what + "; STIX writes t'2016-06-01T01:30:00Z', fractional seconds optional");
    }
}
