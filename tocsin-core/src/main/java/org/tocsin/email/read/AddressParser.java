package org.tocsin.email.read;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.util.ByteArrayBuffer;
import org.apache.james.mime4j.util.ByteSequence;
import org.jspecify.annotations.Nullable;
import org.tocsin.domain.DomainNames;
import org.tocsin.email.MailAddress;

/**
 * Address headers (From, Reply-To, Sender, To, Return-Path) read leniently with mime4j's
 * {@code LenientAddressParser}, made safe for raw UTF-8: that parser keeps only the low byte of each
 * character, so a display name such as {@code ļceo@bank.exampleľ} would turn into an address. Headers
 * with non-ASCII characters are parsed on a copy in which those characters are plain letters, and the
 * display names and addresses are then taken from the original at the same positions.
 */
public final class AddressParser {
    /** Delimiters of LenientAddressParser: a top-level address, a group member, their opening phrases. */
    private static final BitSet COMMA = RawFieldParser.INIT_BITSET(',');
    private static final BitSet COMMA_OR_SEMICOLON = RawFieldParser.INIT_BITSET(',', ';');
    private static final BitSet ADDRESS_OPENING = RawFieldParser.INIT_BITSET(':', '@', '<', ',');
    private static final BitSet MEMBER_OPENING = RawFieldParser.INIT_BITSET('@', '<', ',', ';');
    private static final BitSet OPENING_BRACKET = RawFieldParser.INIT_BITSET('<');
    /**
     * What {@code [^\s<>"'(),;:]+@[^\s<>"'(),;:]+} finds first, found in one pass ({@link #firstAddress}): that pattern
     * under {@code find()} retried its greedy run from every start, quadratic in a header of letters without an '@'
     * (a 220 KB Return-Path held a triage for more than 5 minutes).
     */
    private static boolean inAddress(char c) {
        return !(c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '<' || c == '>' || c == '"' || c == '\'' || c == '(' || c == ')'
                || c == ',' || c == ';' || c == ':');
    }

    private AddressParser() {
    }

    /** Parses an address header leniently; falls back to picking out anything shaped like an address. */
    public static List<MailAddress> mailboxes(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        List<MailAddress> out = new ArrayList<>();
        try {
            boolean positional = !isAscii(raw, 0, raw.length());
            if (!positional) {
                AddressList list = LenientAddressParser.DEFAULT.parseAddressList(raw);
                for (Address a : list) {
                    if (a instanceof Mailbox m) {
                        positional |= atSignInName(m);
                        add(out, m);
                    } else if (a instanceof Group g) {
                        for (Mailbox m : g.getMailboxes()) {
                            positional |= atSignInName(m);
                            add(out, m);
                        }
                    }
                }
            }
            if (positional) {
                out.clear();
                positionalMailboxes(raw, out);
            }
        } catch (RuntimeException e) {
            // fall through to the pattern below
        }
        if (out.isEmpty()) {
            int[] at = firstAddress(raw);
            if (at != null) {
                String addr = raw.substring(at[0], at[1]);
                String name = MimeMailParser.without(raw.substring(0, at[0]), '<', '"').strip();
                out.add(new MailAddress(MimeMailParser.decodeWords(name), addr, DomainNames.domainOfAddress(addr)));
            } else {
                out.add(new MailAddress(MimeMailParser.decodeWords(MimeMailParser.without(raw, '"', '"')), "", null));
            }
        }
        return out;
    }

    private static void add(List<MailAddress> out, Mailbox m) {
        String addr = m.getAddress() == null ? "" : m.getAddress();
        String name = m.getName() == null ? "" : MimeMailParser.decodeWords(m.getName());
        out.add(new MailAddress(name, addr, DomainNames.domainOfAddress(addr)));
    }

    /**
     * {@code ceo@bank.example <attacker@evil.example>}: an unquoted '@' in the display name, which mime4j
     * reads as the address {@code ceo@bank.example<attacker@evil.example>}.
     */
    private static boolean atSignInName(Mailbox m) {
        return m.getName() == null && m.getDomain() != null && m.getDomain().indexOf('<') >= 0;
    }

    /**
     * Address headers read with the position of every mailbox known: raw UTF-8 (RFC 6532) headers, and
     * display names holding an unquoted '@'. mime4j's address parser keeps only the low 8 bits of each
     * char, so U+013C reads as '<' and U+0440 as '@', and a display name could forge the address. The
     * structure is therefore parsed on a copy in which every non-ASCII char is an 'x' (same positions,
     * nothing structural), and the display names and addresses are then taken from the original at those
     * positions.
     */
    private static void positionalMailboxes(String raw, List<MailAddress> out) {
        int n = raw.length();
        byte[] safe = new byte[n];
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            safe[i] = c < 0x80 ? (byte) c : (byte) 'x';
        }
        ByteSequence buf = new ByteArrayBuffer(safe, n, true);
        ParserCursor cursor = new ParserCursor(0, n);
        while (!cursor.atEnd()) {
            int start = cursor.getPos();
            if (buf.byteAt(start) == ',') {
                cursor.updatePos(start + 1);
                continue;
            }
            Address a = LenientAddressParser.DEFAULT.parseAddress(buf, cursor, COMMA);
            if (cursor.getPos() <= start) {
                cursor.updatePos(start + 1);
            }
            if (a instanceof Mailbox m) {
                addOriginal(out, m, raw, buf, start, cursor.getPos(), ADDRESS_OPENING);
            } else if (a instanceof Group) {
                groupMembers(out, raw, buf, start, cursor.getPos());
            }
        }
    }

    /** The members of the group at [start, end), read as LenientAddressParser reads them. */
    private static void groupMembers(List<MailAddress> out, String raw, ByteSequence buf, int start, int end) {
        ParserCursor c = new ParserCursor(start, end);
        RawFieldParser.DEFAULT.parseValue(buf, c, ADDRESS_OPENING);
        if (c.atEnd()) {
            return;
        }
        c.updatePos(c.getPos() + 1); // the colon
        while (!c.atEnd()) {
            int p = c.getPos();
            int ch = buf.byteAt(p);
            if (ch == ';') {
                break;
            }
            if (ch == ',') {
                c.updatePos(p + 1);
                continue;
            }
            Mailbox m = LenientAddressParser.DEFAULT.parseMailbox(buf, c, COMMA_OR_SEMICOLON);
            if (c.getPos() <= p) {
                c.updatePos(p + 1);
            }
            if (m != null) {
                addOriginal(out, m, raw, buf, p, c.getPos(), MEMBER_OPENING);
            }
        }
    }

    /**
     * Adds mailbox {@code m}, parsed from the ASCII copy at [start, end), with its display name and address
     * taken from the original text. An original address is used only when it has the very shape mime4j
     * found (same length, same ASCII chars), so the structure always comes from the parse of the copy.
     */
    private static void addOriginal(List<MailAddress> out, Mailbox m, String raw, ByteSequence buf, int start, int end,
                                    BitSet opening) {
        ParserCursor c = new ParserCursor(start, end);
        RawFieldParser.DEFAULT.parseValue(buf, c, opening);
        int p = c.getPos();
        if (p < end && buf.byteAt(p) == '@') {
            // "ceo@bank.example <attacker@evil.example>": mail clients show the address in angle brackets
            // as the sender and the rest as its display name; so does this.
            ParserCursor lt = new ParserCursor(p + 1, end);
            RawFieldParser.DEFAULT.parseValue(buf, lt, OPENING_BRACKET);
            if (!lt.atEnd()) {
                int at = lt.getPos();
                Mailbox angled = LenientAddressParser.DEFAULT.parseMailbox(buf, lt, null);
                if (angled != null && angled.getDomain() != null) {
                    m = angled;
                    p = at;
                }
            }
        }
        String name = "";
        int from = start;
        boolean angle = p < end && buf.byteAt(p) == '<';
        if (angle) {
            name = MimeMailParser.decodeWords(phrase(raw, start, p));
            from = p + 1;
        }
        String address = m.getAddress() == null ? "" : m.getAddress();
        if (!isAscii(raw, from, end)) {
            String original = addrSpec(raw, from, end, angle);
            if (sameShape(original, address)) {
                address = original;
            }
        }
        out.add(new MailAddress(name, address, DomainNames.domainOfAddress(address)));
    }

    /** A phrase (display name) as RawFieldParser.parseValue reads it: quotes, comments and folding removed. */
    private static String phrase(String s, int from, int to) {
        StringBuilder dst = new StringBuilder(to - from);
        words(s, from, to, false, false, dst);
        return dst.toString();
    }

    /**
     * Copies words from {@code from}, dropping comments and folding white space to single spaces and
     * unquoting quoted strings; stops at '@' (and at '>' inside angle brackets) when asked. Returns where
     * it stopped.
     */
    private static int words(String s, int from, int to, boolean stopAtAt, boolean angle, StringBuilder dst) {
        boolean space = false;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (stopAtAt && (c == '@' || angle && c == '>')) {
                break;
            } else if (isSpace(c)) {
                while (i < to && isSpace(s.charAt(i))) {
                    i++;
                }
                space = true;
            } else if (c == '(') {
                i = skipComment(s, i, to);
            } else {
                if (!dst.isEmpty() && space) {
                    dst.append(' ');
                }
                if (c == '"') {
                    i = quoted(s, i, to, dst);
                } else {
                    int j = i;
                    while (j < to && !isSpace(s.charAt(j)) && s.charAt(j) != '(' && s.charAt(j) != '"'
                            && !(stopAtAt && (s.charAt(j) == '@' || angle && s.charAt(j) == '>'))) {
                        j++;
                    }
                    dst.append(s, i, j);
                    i = j;
                }
                space = false;
            }
        }
        return i;
    }

    /** An address (local part, '@', domain) as LenientAddressParser reads it, up to a closing '>'. */
    private static String addrSpec(String s, int from, int to, boolean angle) {
        StringBuilder dst = new StringBuilder(to - from);
        int i = words(s, from, to, true, angle, dst);
        if (i >= to || s.charAt(i) != '@') {
            return dst.toString();
        }
        dst.append('@');
        for (i++; i < to; ) {
            char c = s.charAt(i);
            if (angle && c == '>') {
                break;
            } else if (isSpace(c)) {
                i++;
            } else if (c == '(') {
                i = skipComment(s, i, to);
            } else {
                dst.append(c);
                i++;
            }
        }
        return dst.toString();
    }

    /** Copies the quoted string starting at {@code i} (a '"') as RawFieldParser.copyQuotedContent does. */
    private static int quoted(String s, int i, int to, StringBuilder dst) {
        StringBuilder q = new StringBuilder();
        boolean escaped = false;
        for (i++; i < to; i++) {
            char c = s.charAt(i);
            if (escaped) {
                if (c != '"' && c != '\\') {
                    q.append('\\');
                }
                q.append(c);
                escaped = false;
            } else if (c == '"') {
                i++;
                break;
            } else if (c == '\\') {
                escaped = true;
            } else if (c != '\r' && c != '\n') {
                q.append(c);
            }
        }
        String v = q.toString();
        if (v.startsWith("=?")) {
            try {
                v = DecoderUtil.decodeEncodedWords(v, DecodeMonitor.SILENT);
            } catch (RuntimeException e) {
                // keep it as written
            }
        }
        dst.append(v);
        return i;
    }

    /** The position after the (nested) comment starting at {@code i}, as RawFieldParser.skipComment finds it. */
    private static int skipComment(String s, int i, int to) {
        int level = 1;
        boolean escaped = false;
        for (i++; i < to; i++) {
            char c = s.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '(') {
                level++;
            } else if (c == ')' && --level == 0) {
                return i + 1;
            }
        }
        return to;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isAscii(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code safe} is {@code original} with every non-ASCII char replaced by 'x'. */
    private static boolean sameShape(String original, String safe) {
        if (original.length() != safe.length()) {
            return false;
        }
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if ((c < 0x80 ? c : 'x') != safe.charAt(i)) {
                return false;
            }
        }
        return true;
    }


    /** The address of a Return-Path header, lower-cased, or {@code null}. */
    public static @Nullable String returnPath(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        int[] at = firstAddress(raw);
        return at != null ? raw.substring(at[0], at[1]).toLowerCase(Locale.ROOT) : MimeMailParser.without(raw.strip(), '<', '>');
    }

    /**
     * The first address-like run in a text: the first maximal run of address characters holding an '@' with at least
     * one character before and after it, as {start, end}; null when there is none. One pass, each character read once:
     * linear in the text whatever it holds.
     */
    static int @Nullable [] firstAddress(CharSequence text) {
        int n = text.length();
        int start = 0;
        while (start < n) {
            while (start < n && !inAddress(text.charAt(start))) {
                start++;
            }
            int end = start;
            boolean atAfterStart = false; // an '@' past the run's first character, waiting for one after it
            boolean inner = false; // an '@' with a character of the run before and after it
            while (end < n) {
                char c = text.charAt(end);
                if (!inAddress(c)) {
                    break;
                }
                inner |= atAfterStart;
                atAfterStart |= c == '@' && end > start;
                end++;
            }
            if (inner) {
                return new int[] {start, end};
            }
            start = end;
        }
        return null;
    }
}
