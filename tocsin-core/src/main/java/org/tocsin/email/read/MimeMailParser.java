package org.tocsin.email.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.message.DefaultBodyDescriptorBuilder;
import org.apache.james.mime4j.message.MaximalBodyDescriptor;
import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.util.ByteSequence;
import org.jspecify.annotations.Nullable;
import org.tocsin.email.HeaderField;
import org.tocsin.email.MailAddress;
import org.tocsin.email.MailAttachment;
import org.tocsin.email.MailMessage;
import org.tocsin.evidence.EvidenceRef;
import org.tocsin.evidence.HashingInputStream;

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
    private static final Pattern FOLD = Pattern.compile("\\r?\\n[ \\t]*");


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
    MailMessage parse(InputStream raw, String source, int depth, @Nullable EvidenceRef evidence) throws IOException {
        HashingInputStream counted = new HashingInputStream(new KeepOpen(raw));
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
        EvidenceRef read = counted.finish(source);
        if (read.size() == 0) {
            throw new IOException("empty input");
        }
        return h.build(evidence != null ? evidence : read);
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
        Bounded.@Nullable Bytes preamble;
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

        private long append(StringBuilder into, Bounded.Bytes b, @Nullable String charset, long room, long used, String what) {
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
            HashingInputStream hashing = new HashingInputStream(is);
            Bounded.Bytes b = Bounded.read(hashing, MAX_ATTACHED_MESSAGE_BYTES);
            if (b.truncated()) {
                problems.add("attached " + kind + " larger than " + (MAX_ATTACHED_MESSAGE_BYTES >> 20)
                        + " MiB; analysed its first part only");
            }
            if (b.bytes().length > 0) {
                EvidenceRef ref = hashing.finish(inner);
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
            MailAddress from = first(AddressParser.mailboxes(value("From")));
            List<MailAddress> replyTo = AddressParser.mailboxes(value("Reply-To"));
            MailAddress sender = first(AddressParser.mailboxes(value("Sender")));
            String returnPath = AddressParser.returnPath(value("Return-Path"));
            List<MailAddress> to = AddressParser.mailboxes(value("To"));
            String subject = decodeWords(orEmpty(value("Subject")));
            String messageId = orEmpty(value("Message-ID")).strip();
            if (headers.isEmpty()) {
                problems.add("no header fields found: not an e-mail message?");
            }
            return new MailMessage(ref, headers, from, replyTo, sender, returnPath, to, subject, messageId,
                    value("Date"), text.toString(), html.toString(), attachments, attached, problems);
        }

        private @Nullable String value(String name) {
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
        String body = field.getBody() == null ? "" : field.getBody();
        if (isAscii(body)) {
            return body; // the common case: nothing was decoded from 8-bit bytes, so nothing can be lost
        }
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
        return Charsets.repairRawHeader(body);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
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

    private static String orEmpty(@Nullable String s) {
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

    private static @Nullable MailAddress first(List<MailAddress> list) {
        return list.isEmpty() ? null : list.get(0);
    }

    static String without(String s, char a, char b) {
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


    /**
     * Ignores close: mime4j closes its input when a message ends early, and the rest must still be read to
     * finish the digest (and, in an mbox, to reach the next message); the caller owns the stream.
     */
    private static final class KeepOpen extends java.io.FilterInputStream {
        KeepOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller closes it
        }
    }
}
