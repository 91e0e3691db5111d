package org.tocsin.email.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.util.ByteArrayBuffer;
import org.apache.james.mime4j.util.ByteSequence;
import org.tocsin.domain.DomainNames;
import org.tocsin.email.HeaderField;
import org.tocsin.email.MailAddress;
import org.tocsin.email.MailAttachment;
import org.tocsin.email.MailMessage;
import org.tocsin.evidence.EvidenceRef;
import org.tocsin.evidence.Sha256;

/**
 * Parses one RFC 5322 message with mime4j's streaming parser in permissive mode. Nothing is held
 * whole: bodies are read up to fixed limits, attachments are hashed as they stream past, and the
 * SHA-256 of the whole message is computed on the way. Malformed structure never throws; what could
 * not be read is listed in {@link MailMessage#problems()}.
 */
public final class MimeMailParser {
    /** Plain-text body kept for analysis, in bytes (all text parts together). */
    public static final int MAX_TEXT_BYTES = 1 << 20;
    /** HTML body kept for analysis, in bytes. */
    public static final int MAX_HTML_BYTES = 2 << 20;
    /** An attached message larger than this is analysed from its first part only. */
    public static final int MAX_ATTACHED_MESSAGE_BYTES = 32 << 20;
    /** Messages inside messages inside messages: deeper ones are hashed, not parsed. */
    public static final int MAX_MESSAGE_DEPTH = 4;
    /** Parts beyond this count are skipped (hashed with the message, not inspected). */
    public static final int MAX_PARTS = 500;
    private static final int MAX_HEADERS = 2000;
    /** Distinct mime4j warnings recorded per message. */
    private static final int MAX_WARNINGS = 20;

    private static final MimeConfig CONFIG = MimeConfig.custom()
            .setStrictParsing(false)
            .setMaxLineLen(-1)
            .setMaxHeaderCount(MAX_HEADERS)
            .setMaxHeaderLen(256 * 1024)
            .setMaxContentLen(-1)
            .setMalformedHeaderStartsBody(true)
            .build();
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");
    private static final Pattern FOLD = Pattern.compile("\\r?\\n[ \\t]*");

    /** Delimiters of LenientAddressParser: a top-level address, a group member, their opening phrases. */
    private static final BitSet COMMA = RawFieldParser.INIT_BITSET(',');
    private static final BitSet COMMA_OR_SEMICOLON = RawFieldParser.INIT_BITSET(',', ';');
    private static final BitSet ADDRESS_OPENING = RawFieldParser.INIT_BITSET(':', '@', '<', ',');
    private static final BitSet MEMBER_OPENING = RawFieldParser.INIT_BITSET('@', '<', ',', ';');
    private static final BitSet OPENING_BRACKET = RawFieldParser.INIT_BITSET('<');

    private final OutlookMsgParser outlook = new OutlookMsgParser(this);

    public MailMessage parse(InputStream in, String source) throws IOException {
        return parse(in, source, 0);
    }

    MailMessage parse(InputStream raw, String source, int depth) throws IOException {
        return parse(raw, source, depth, null);
    }

    /**
     * @param evidence the evidence of the message when the caller already knows it (an attached message
     *                 read in part, an Outlook file rebuilt as MIME); {@code null} to hash what is read here
     */
    MailMessage parse(InputStream raw, String source, int depth, EvidenceRef evidence) throws IOException {
        MessageDigest digest = evidence == null ? Sha256.newDigest() : null;
        CountingInputStream counted = new CountingInputStream(digest == null ? raw : new DigestInputStream(raw, digest));
        Handler h = new Handler(source, depth);
        Monitor monitor = new Monitor(h.problems);
        MimeStreamParser parser = new MimeStreamParser(CONFIG, monitor,
                new DefaultBodyDescriptorBuilder(null, org.apache.james.mime4j.field.LenientFieldParser.getParser(),
                        monitor));
        parser.setContentDecoding(true);
        parser.setNoRecurse();
        parser.setContentHandler(h);
        try {
            parser.parse(counted);
        } catch (MimeException | RuntimeException e) {
            h.problems.add("MIME structure unreadable past this point: " + e.getMessage());
        } catch (StackOverflowError e) {
            h.problems.add("MIME structure too deeply nested");
        }
        counted.transferTo(OutputStream.nullOutputStream());
        if (counted.count == 0) {
            throw new IOException("empty input");
        }
        return h.build(evidence != null ? evidence : new EvidenceRef(source, Sha256.hex(digest), counted.count));
    }

    /**
     * Records mime4j's warnings (a part cut short, broken base64, ...) as problems, each distinct one once
     * and at most {@value #MAX_WARNINGS}; never asks mime4j to stop, so parsing stays permissive.
     */
    private static final class Monitor extends DecodeMonitor {
        private static final String[] BENIGN = {"Unexpected end of headers", "Found LF without CR",
            "Found non-standard soft line break", "ignored blanks", "Obsolete header"};
        private final List<String> problems;
        private final Set<String> seen = new HashSet<>();

        Monitor(List<String> problems) {
            this.problems = problems;
        }

        @Override
        public boolean warn(String message, String dropDesc) {
            if (message != null && seen.size() < MAX_WARNINGS && !benign(message) && seen.add(message)) {
                problems.add(message);
            }
            return false;
        }

        /**
         * Warnings about what is normal in stored mail: LF line ends (mbox, Maildir) and the quoted-printable
         * habits that go with them, obsolete header syntax, and a message that is only a header section (as
         * complete as anyone can tell; a header cut short inside a multipart is reported as the part ending
         * prematurely).
         */
        private static boolean benign(String message) {
            for (String b : BENIGN) {
                if (message.startsWith(b)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean isListening() {
            return true;
        }
    }

    /** A multipart being read: its parts so far, and its preamble until a first part shows up. */
    private static final class Multipart {
        int parts;
        Bounded.Bytes preamble;
    }

    private final class Handler extends AbstractContentHandler {
        final String source;
        final int depth;
        final List<HeaderField> headers = new ArrayList<>();
        final List<MailAttachment> attachments = new ArrayList<>();
        final List<MailMessage> attached = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final Deque<Multipart> multiparts = new ArrayDeque<>();
        long textBytes;
        long htmlBytes;
        int headerBlocks;
        int parts;
        boolean inTopHeader;

        Handler(String source, int depth) {
            this.source = source;
            this.depth = depth;
        }

        @Override
        public void startHeader() {
            inTopHeader = headerBlocks++ == 0;
        }

        @Override
        public void endHeader() {
            inTopHeader = false;
        }

        @Override
        public void field(Field field) {
            if (inTopHeader) {
                headers.add(new HeaderField(field.getName(), unfold(headerValue(field))));
            }
        }

        @Override
        public void startMultipart(BodyDescriptor bd) {
            multiparts.push(new Multipart());
        }

        @Override
        public void preamble(InputStream is) throws IOException {
            Multipart m = multiparts.peek();
            if (m != null) {
                // Kept only until the first part starts: when the boundary never appears, this is the body.
                m.preamble = Bounded.read(is, (int) Math.max(0, MAX_TEXT_BYTES - textBytes));
            }
        }

        @Override
        public void startBodyPart() {
            Multipart m = multiparts.peek();
            if (m != null) {
                m.parts++;
                m.preamble = null;
            }
        }

        @Override
        public void endMultipart() {
            Multipart m = multiparts.poll();
            if (m != null && m.parts == 0 && m.preamble != null && !isBlank(m.preamble.bytes())) {
                addOnce("multipart boundary not found; read as text");
                textBytes = append(text, m.preamble, null, MAX_TEXT_BYTES - textBytes, textBytes, "text");
            }
        }

        @Override
        public void body(BodyDescriptor bd, InputStream is) throws IOException {
            if (++parts > MAX_PARTS) {
                if (parts == MAX_PARTS + 1) {
                    problems.add("more than " + MAX_PARTS + " MIME parts; the rest were not inspected");
                }
                return;
            }
            checkTransferEncoding(bd.getTransferEncoding());
            String type = bd.getMimeType() == null ? "text/plain" : bd.getMimeType().toLowerCase(Locale.ROOT);
            String filename = "";
            String disposition = "";
            if (bd instanceof MaximalBodyDescriptor mbd) {
                filename = mbd.getContentDispositionFilename();
                if (filename == null || filename.isBlank()) {
                    filename = mbd.getContentTypeParameters().get("name");
                }
                disposition = mbd.getContentDispositionType() == null ? "" : mbd.getContentDispositionType();
            }
            filename = filename == null ? "" : decodeWords(filename);
            boolean attachment = disposition.equalsIgnoreCase("attachment") || !filename.isEmpty();
            String ext = MailAttachment.extensionOf(filename);
            if (type.equals("message/rfc822") || type.equals("message/global") || ext.equals("eml")) {
                attachedMessage(is, "message");
            } else if (type.equals("application/vnd.ms-outlook") || ext.equals("msg")) {
                attachedOutlook(is, filename, type);
            } else if (!attachment && type.equals("text/plain")) {
                textBytes = appendText(text, is, bd.getCharset(), MAX_TEXT_BYTES - textBytes, textBytes, "text");
            } else if (!attachment && type.equals("text/html")) {
                htmlBytes = appendText(html, is, bd.getCharset(), MAX_HTML_BYTES - htmlBytes, htmlBytes, "HTML");
            } else {
                attachments.add(AttachmentInspector.inspect(filename, type, bd.getCharset(), is));
            }
        }

        /** mime4j decodes base64 and quoted-printable; anything else it passes on as it is. */
        private void checkTransferEncoding(String encoding) {
            if (encoding == null) {
                return;
            }
            switch (encoding.strip().toLowerCase(Locale.ROOT)) {
                case "", "7bit", "8bit", "binary", "base64", "quoted-printable" -> {
                }
                default -> addOnce("unknown transfer encoding " + shorten(encoding.strip()) + "; read undecoded");
            }
        }

        private long appendText(StringBuilder into, InputStream is, String charset, long room, long used, String what)
                throws IOException {
            return append(into, Bounded.read(is, (int) Math.max(0, room)), charset, room, used, what);
        }

        private long append(StringBuilder into, Bounded.Bytes b, String charset, long room, long used, String what) {
            if (b.truncated()) {
                addOnce(what + " body longer than " + (used + room) / 1024 + " KiB; analysed the first part only");
            }
            if (b.bytes().length == 0) {
                return used;
            }
            Charsets.Decoded d = Charsets.decode(b.bytes(), charset);
            if (d.problem() != null) {
                addOnce(d.problem());
            }
            if (!into.isEmpty()) {
                into.append('\n');
            }
            into.append(d.text());
            return used + b.bytes().length;
        }

        private void addOnce(String problem) {
            if (!problems.contains(problem)) {
                problems.add(problem);
            }
        }

        private void attachedMessage(InputStream is, String kind) throws IOException {
            String inner = source + "/attached[" + (attached.size() + 1) + "]";
            if (depth + 1 > MAX_MESSAGE_DEPTH) {
                is.transferTo(OutputStream.nullOutputStream());
                problems.add("attached " + kind + " nested deeper than " + MAX_MESSAGE_DEPTH + " levels; not parsed");
                return;
            }
            // The evidence is the whole part, hashed as it streams past, even when only its start is parsed.
            MessageDigest digest = Sha256.newDigest();
            Bounded.Bytes b = Bounded.read(new DigestInputStream(is, digest), MAX_ATTACHED_MESSAGE_BYTES);
            if (b.truncated()) {
                problems.add("attached " + kind + " larger than " + (MAX_ATTACHED_MESSAGE_BYTES >> 20)
                        + " MiB; analysed its first part only");
            }
            if (b.bytes().length > 0) {
                EvidenceRef ref = new EvidenceRef(inner, Sha256.hex(digest), b.total());
                attached.add(parse(new ByteArrayInputStream(b.bytes()), inner, depth + 1, ref));
            }
        }

        private void attachedOutlook(InputStream is, String filename, String type) throws IOException {
            String inner = source + "/attached[" + (attached.size() + 1) + "]";
            if (depth + 1 > MAX_MESSAGE_DEPTH) {
                is.transferTo(OutputStream.nullOutputStream());
                problems.add("attached Outlook message nested deeper than " + MAX_MESSAGE_DEPTH + " levels; not parsed");
                return;
            }
            Bounded.Bytes b = Bounded.read(is, MAX_ATTACHED_MESSAGE_BYTES);
            if (b.truncated()) {
                problems.add("attached Outlook message larger than " + (MAX_ATTACHED_MESSAGE_BYTES >> 20) + " MiB; not parsed");
                return;
            }
            try {
                attached.add(outlook.parse(b.bytes(), inner, depth + 1));
            } catch (IOException | RuntimeException e) {
                problems.add("attached Outlook message unreadable: " + e.getMessage());
                // Whatever it is (a Word file named .msg, garbage), it is still an attachment to look at.
                attachments.add(AttachmentInspector.inspect(filename, type, null, new ByteArrayInputStream(b.bytes())));
            }
        }

        MailMessage build(EvidenceRef ref) {
            MailAddress from = first(mailboxes(value("From")));
            List<MailAddress> replyTo = mailboxes(value("Reply-To"));
            MailAddress sender = first(mailboxes(value("Sender")));
            String returnPath = returnPath(value("Return-Path"));
            List<MailAddress> to = mailboxes(value("To"));
            String subject = decodeWords(orEmpty(value("Subject")));
            String messageId = orEmpty(value("Message-ID")).strip();
            if (headers.isEmpty()) {
                problems.add("no header fields found: not an e-mail message?");
            }
            return new MailMessage(ref, headers, from, replyTo, sender, returnPath, to, subject, messageId,
                    value("Date"), text.toString(), html.toString(), attachments, attached, problems);
        }

        private String value(String name) {
            for (HeaderField f : headers) {
                if (f.name().equalsIgnoreCase(name)) {
                    return f.value();
                }
            }
            return null;
        }
    }

    /**
     * The value of a header field as sent. mime4j reads raw 8-bit header bytes as UTF-8 (replacing what is
     * not), so a field with such bytes is decoded here from its raw bytes: as UTF-8 when they are valid
     * UTF-8, else as windows-1252 (the Latin-1 of 2002), and unfolded.
     */
    static String headerValue(Field field) {
        ByteSequence raw = field.getRaw();
        if (raw != null) {
            int n = raw.length();
            for (int i = 0; i < n; i++) {
                if (raw.byteAt(i) < 0) {
                    String line = Charsets.utf8OrLatin(raw.toByteArray());
                    int colon = line.indexOf(':');
                    // unfolded as mime4j unfolds: the line breaks go, the white space after them stays
                    return without(colon < 0 ? line : line.substring(colon + 1), '\r', '\n');
                }
            }
        }
        String value = field.getBody() == null ? "" : field.getBody();
        return Charsets.repairRawHeader(value);
    }

    static String unfold(String value) {
        if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value.strip();
        }
        return FOLD.matcher(value).replaceAll(" ").replace("\r", "").strip();
    }

    static String decodeWords(String raw) {
        try {
            return DecoderUtil.decodeEncodedWords(raw, DecodeMonitor.SILENT).strip();
        } catch (RuntimeException e) {
            return raw.strip();
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String shorten(String s) {
        return s.length() <= 64 ? s : s.substring(0, 64) + "...";
    }

    private static boolean isBlank(byte[] b) {
        for (byte x : b) {
            if (x != ' ' && x != '\t' && x != '\r' && x != '\n') {
                return false;
            }
        }
        return true;
    }

    private static MailAddress first(List<MailAddress> list) {
        return list.isEmpty() ? null : list.get(0);
    }

    /** Parses an address header leniently; falls back to picking out anything shaped like an address. */
    public static List<MailAddress> mailboxes(String raw) {
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
            Matcher m = ADDRESS.matcher(raw);
            if (m.find()) {
                String addr = m.group();
                String name = without(raw.substring(0, m.start()), '<', '"').strip();
                out.add(new MailAddress(decodeWords(name), addr, DomainNames.domainOfAddress(addr)));
            } else {
                out.add(new MailAddress(decodeWords(without(raw, '"', '"')), "", null));
            }
        }
        return out;
    }

    private static void add(List<MailAddress> out, Mailbox m) {
        String addr = m.getAddress() == null ? "" : m.getAddress();
        String name = m.getName() == null ? "" : decodeWords(m.getName());
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
            name = decodeWords(phrase(raw, start, p));
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
        boolean space = false;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (isSpace(c)) {
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
                    while (j < to && !isSpace(s.charAt(j)) && s.charAt(j) != '(' && s.charAt(j) != '"') {
                        j++;
                    }
                    dst.append(s, i, j);
                    i = j;
                }
                space = false;
            }
        }
        return dst.toString();
    }

    /** An address (local part, '@', domain) as LenientAddressParser reads it, up to a closing '>'. */
    private static String addrSpec(String s, int from, int to, boolean angle) {
        StringBuilder dst = new StringBuilder(to - from);
        boolean space = false;
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == '@' || angle && c == '>') {
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
                            && s.charAt(j) != '@' && !(angle && s.charAt(j) == '>')) {
                        j++;
                    }
                    dst.append(s, i, j);
                    i = j;
                }
                space = false;
            }
        }
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

    private static String without(String s, char a, char b) {
        if (s.indexOf(a) < 0 && s.indexOf(b) < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != a && c != b) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String returnPath(String raw) {
        if (raw == null) {
            return null;
        }
        Matcher m = ADDRESS.matcher(raw);
        return m.find() ? m.group().toLowerCase(Locale.ROOT) : without(raw.strip(), '<', '>');
    }

    /**
     * Counts bytes so a message's size is known without holding it, and ignores close: mime4j closes its
     * input when a message ends early, and the rest must still be read to finish the digest (and, in an
     * mbox, to reach the next message).
     */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller owns the underlying stream
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count++;
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
