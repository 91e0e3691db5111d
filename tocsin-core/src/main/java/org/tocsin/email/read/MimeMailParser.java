package org.tocsin.email.read;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

    private static final MimeConfig CONFIG = MimeConfig.custom()
            .setStrictParsing(false)
            .setMaxLineLen(-1)
            .setMaxHeaderCount(MAX_HEADERS)
            .setMaxHeaderLen(256 * 1024)
            .setMaxContentLen(-1)
            .setMalformedHeaderStartsBody(true)
            .build();
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");

    private final OutlookMsgParser outlook = new OutlookMsgParser(this);

    public MailMessage parse(InputStream in, String source) throws IOException {
        return parse(in, source, 0);
    }

    MailMessage parse(InputStream raw, String source, int depth) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        CountingInputStream counted = new CountingInputStream(new DigestInputStream(raw, digest));
        Handler h = new Handler(source, depth);
        MimeStreamParser parser = new MimeStreamParser(CONFIG, DecodeMonitor.SILENT,
                new DefaultBodyDescriptorBuilder(null, org.apache.james.mime4j.field.LenientFieldParser.getParser(),
                        DecodeMonitor.SILENT));
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
        counted.transferTo(java.io.OutputStream.nullOutputStream());
        if (counted.count == 0) {
            throw new IOException("empty input");
        }
        return h.build(new EvidenceRef(source, Sha256.hex(digest), counted.count));
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
                String value = field.getBody() == null ? "" : field.getBody();
                headers.add(new HeaderField(field.getName(), unfold(Charsets.repairRawHeader(value))));
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
                attachedOutlook(is);
            } else if (!attachment && type.equals("text/plain")) {
                textBytes = appendText(text, is, bd.getCharset(), MAX_TEXT_BYTES - textBytes, textBytes, "text");
            } else if (!attachment && type.equals("text/html")) {
                htmlBytes = appendText(html, is, bd.getCharset(), MAX_HTML_BYTES - htmlBytes, htmlBytes, "HTML");
            } else {
                attachments.add(AttachmentInspector.inspect(filename, type, bd.getCharset(), is));
            }
        }

        private long appendText(StringBuilder into, InputStream is, String charset, long room, long used, String what)
                throws IOException {
            Bounded.Bytes b = Bounded.read(is, (int) Math.max(0, room));
            if (b.truncated()) {
                problems.add(what + " body longer than " + (used + room) / 1024 + " KiB; analysed the first part only");
            }
            Charsets.Decoded d = Charsets.decode(b.bytes(), charset);
            if (d.problem() != null) {
                problems.add(d.problem());
            }
            if (!into.isEmpty()) {
                into.append('\n');
            }
            into.append(d.text());
            return used + b.bytes().length;
        }

        private void attachedMessage(InputStream is, String kind) throws IOException {
            String inner = source + "/attached[" + (attached.size() + 1) + "]";
            Bounded.Bytes b = Bounded.read(is, MAX_ATTACHED_MESSAGE_BYTES);
            if (depth + 1 > MAX_MESSAGE_DEPTH) {
                problems.add("attached " + kind + " nested deeper than " + MAX_MESSAGE_DEPTH + " levels; not parsed");
                return;
            }
            if (b.truncated()) {
                problems.add("attached " + kind + " larger than " + (MAX_ATTACHED_MESSAGE_BYTES >> 20)
                        + " MiB; analysed its first part only");
            }
            if (b.bytes().length > 0) {
                attached.add(parse(new ByteArrayInputStream(b.bytes()), inner, depth + 1));
            }
        }

        private void attachedOutlook(InputStream is) throws IOException {
            String inner = source + "/attached[" + (attached.size() + 1) + "]";
            Bounded.Bytes b = Bounded.read(is, MAX_ATTACHED_MESSAGE_BYTES);
            if (b.truncated()) {
                problems.add("attached Outlook message larger than " + (MAX_ATTACHED_MESSAGE_BYTES >> 20) + " MiB; not parsed");
                return;
            }
            try {
                attached.add(outlook.parse(b.bytes(), inner, depth + 1));
            } catch (IOException | RuntimeException e) {
                problems.add("attached Outlook message unreadable: " + e.getMessage());
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

    static String unfold(String value) {
        if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value.strip();
        }
        return value.replaceAll("\\r?\\n[ \\t]*", " ").replace("\r", "").strip();
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
            AddressList list = LenientAddressParser.DEFAULT.parseAddressList(raw);
            for (Address a : list) {
                if (a instanceof Mailbox m) {
                    add(out, m);
                } else if (a instanceof Group g) {
                    for (Mailbox m : g.getMailboxes()) {
                        add(out, m);
                    }
                }
            }
        } catch (RuntimeException e) {
            // fall through to the pattern below
        }
        if (out.isEmpty()) {
            Matcher m = ADDRESS.matcher(raw);
            if (m.find()) {
                String addr = m.group();
                String name = raw.substring(0, m.start()).replaceAll("[<\"]", "").strip();
                out.add(new MailAddress(decodeWords(name), addr, DomainNames.domainOfAddress(addr)));
            } else {
                out.add(new MailAddress(decodeWords(raw.replace("\"", "")), "", null));
            }
        }
        return out;
    }

    private static void add(List<MailAddress> out, Mailbox m) {
        String addr = m.getAddress() == null ? "" : m.getAddress();
        String name = m.getName() == null ? "" : decodeWords(m.getName());
        out.add(new MailAddress(name, addr, DomainNames.domainOfAddress(addr)));
    }

    private static String returnPath(String raw) {
        if (raw == null) {
            return null;
        }
        Matcher m = ADDRESS.matcher(raw);
        return m.find() ? m.group().toLowerCase(Locale.ROOT) : raw.strip().replaceAll("[<>]", "");
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
