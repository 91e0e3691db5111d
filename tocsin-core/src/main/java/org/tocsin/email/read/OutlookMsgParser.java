package org.tocsin.email.read;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.poi.hsmf.MAPIMessage;
import org.apache.poi.hsmf.datatypes.AttachmentChunks;
import org.apache.poi.hsmf.datatypes.StringChunk;
import org.jspecify.annotations.Nullable;
import org.tocsin.email.MailMessage;
import org.tocsin.evidence.EvidenceRef;
import org.tocsin.evidence.Sha256;

/**
 * Reads an Outlook {@code .msg} file (Apache POI HSMF) by re-expressing it as a MIME message and handing
 * that to {@link MimeMailParser}, so .msg and .eml take the same road through every analyzer. The
 * transport headers stored in the .msg are kept when present (they carry Reply-To, Return-Path and
 * Authentication-Results); otherwise the envelope is rebuilt from the MAPI properties. The evidence is
 * the .msg file itself, hashed as received.
 */
final class OutlookMsgParser {
    private static final int MAX_ATTACHMENT_BYTES = 32 << 20;
    /** Splits PR_TRANSPORT_MESSAGE_HEADERS into fields, keeping folded lines with their field. */
    private static final Pattern FIELDS = Pattern.compile("\\r?\\n(?![ \\t])");
    private final MimeMailParser mime;

    OutlookMsgParser(MimeMailParser mime) {
        this.mime = mime;
    }

    MailMessage parse(byte[] bytes, String source, int depth) throws IOException {
        MAPIMessage msg;
        try {
            msg = new MAPIMessage(new ByteArrayInputStream(bytes));
        } catch (RuntimeException e) {
            throw new IOException("not a readable Outlook .msg file: " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        byte[] mimeBytes;
        try (MAPIMessage open = msg) { // releases POI's in-memory file system as soon as it is rebuilt as MIME
            open.setReturnNullOnMissingChunk(true);
            mimeBytes = toMime(open, depth, problems);
        }
        // The evidence is the .msg file itself, not the MIME text it is rebuilt as.
        EvidenceRef ref = new EvidenceRef(source, Sha256.of(bytes), bytes.length);
        MailMessage parsed = mime.parse(new ByteArrayInputStream(mimeBytes), source, depth, ref);
        if (problems.isEmpty()) {
            return parsed;
        }
        problems.addAll(0, parsed.problems());
        return new MailMessage(ref, parsed.headers(), parsed.from(), parsed.replyTo(), parsed.sender(),
                parsed.returnPath(), parsed.to(), parsed.subject(), parsed.messageId(), parsed.date(),
                parsed.text(), parsed.html(), parsed.attachments(), parsed.attachedMessages(), problems);
    }

    MailMessage parse(InputStream in, String source, int depth) throws IOException {
        Bounded.Bytes b = Bounded.read(in, MimeMailParser.MAX_ATTACHED_MESSAGE_BYTES);
        if (b.truncated()) {
            throw new IOException("Outlook .msg larger than " + (MimeMailParser.MAX_ATTACHED_MESSAGE_BYTES >> 20) + " MiB");
        }
        return parse(b.bytes(), source, depth);
    }

    /**
     * Rebuilds the message as MIME text. Every MAPI value written into the header section is stripped of
     * control characters (or encoded), so a property cannot add header fields or end the header early.
     *
     * @param depth    how deep this message is nested, for {@link MimeMailParser#MAX_MESSAGE_DEPTH}
     * @param problems where to say what was left out
     * @throws IOException when the compound file holds no e-mail at all (a Word or Excel file, Thumbs.db)
     */
    private static byte[] toMime(MAPIMessage msg, int depth, List<String> problems) throws IOException {
        String messageClass = chunk(msg.getMainChunks().getMessageClass());
        String transport = joined(property("transport headers (PR_TRANSPORT_MESSAGE_HEADERS)", msg::getHeaders, problems));
        String subject = property("subject (PR_SUBJECT)", msg::getSubject, problems);
        String text = property("text body (PR_BODY)", msg::getTextBody, problems);
        String html = property("HTML body (PR_HTML with its code page PR_INTERNET_CPID)", msg::getHtmlBody, problems);
        String fromName = property("sender name (PR_SENDER_NAME)", msg::getDisplayFrom, problems);
        String fromAddr = chunk(msg.getMainChunks().getEmailFromChunk());
        boolean ipm = messageClass != null && messageClass.regionMatches(true, 0, "IPM", 0, 3);
        if (!ipm && transport == null && subject == null && text == null && html == null && fromName == null
                && fromAddr == null) {
            throw new IOException("not an Outlook message: no message class, subject, body, sender or headers"
                    + (problems.isEmpty() ? "" : " (" + String.join("; ", problems) + ")"));
        }
        StringBuilder h = new StringBuilder();
        if (transport != null) {
            for (String line : FIELDS.split(transport)) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-") || lower.startsWith("mime-version") || !isField(line)) {
                    continue;
                }
                h.append(line.replace("\r", "")).append("\r\n");
            }
        } else {
            String addr = oneLine(fromAddr);
            h.append("From: ").append(quote(fromName)).append(addr == null ? "" : " <" + addr + ">").append("\r\n");
            String to = oneLine(property("recipients (PR_DISPLAY_TO)", msg::getDisplayTo, problems));
            if (to != null) {
                h.append("To: ").append(to).append("\r\n");
            }
            if (subject != null) {
                h.append("Subject: =?UTF-8?B?")
                        .append(Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)))
                        .append("?=\r\n");
            }
            String id = oneLine(chunk(msg.getMainChunks().getMessageId()));
            if (id != null) {
                h.append("Message-ID: ").append(id).append("\r\n");
            }
        }
        String boundary = "tocsin-" + UUID.randomUUID();
        h.append("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(h.toString().getBytes(StandardCharsets.UTF_8));
        if (text != null) {
            part(out, boundary, "text/plain; charset=UTF-8", null, text.getBytes(StandardCharsets.UTF_8));
        }
        if (html != null) {
            part(out, boundary, "text/html; charset=UTF-8", null, html.getBytes(StandardCharsets.UTF_8));
        }
        AttachmentChunks[] attachments = msg.getAttachmentFiles();
        for (AttachmentChunks a : attachments == null ? new AttachmentChunks[0] : attachments) {
            String name = chunk(a.getAttachLongFileName());
            if (name == null) {
                name = chunk(a.getAttachFileName());
            }
            if (a.isEmbeddedMessage()) {
                if (depth + 1 > MimeMailParser.MAX_MESSAGE_DEPTH) {
                    problems.add("embedded Outlook message nested deeper than " + MimeMailParser.MAX_MESSAGE_DEPTH
                            + " levels; not parsed");
                    continue;
                }
                byte[] inner;
                try {
                    inner = embeddedBytes(a, depth + 1, problems);
                } catch (IOException | RuntimeException e) {
                    problems.add("embedded Outlook message unreadable: " + e.getMessage());
                    continue;
                }
                part(out, boundary, "application/vnd.ms-outlook", name == null ? "embedded.msg" : name, inner);
            } else if (a.getAttachData() != null && a.getAttachData().getValue() != null) {
                byte[] data = a.getAttachData().getValue();
                if (data.length <= MAX_ATTACHMENT_BYTES) {
                    String mimeTag = oneLine(chunk(a.getAttachMimeTag()));
                    part(out, boundary, mimeTag == null ? "application/octet-stream" : mimeTag,
                            name == null ? "attachment" : name, data);
                } else {
                    problems.add("attachment larger than " + (MAX_ATTACHMENT_BYTES >> 20) + " MiB in the Outlook message;"
                            + " not inspected");
                }
            }
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] embeddedBytes(AttachmentChunks a, int depth, List<String> problems) throws IOException {
        // An embedded .msg is a directory inside the outer compound file; re-serialise it on its own.
        MAPIMessage inner = a.getEmbeddedMessage();
        if (inner == null) {
            throw new IOException("no message in the attachment");
        }
        inner.setReturnNullOnMissingChunk(true);
        return toMime(inner, depth, problems);
    }

    private static void part(ByteArrayOutputStream out, String boundary, String type, @Nullable String filename, byte[] data)
            throws IOException {
        StringBuilder p = new StringBuilder("--").append(boundary).append("\r\n");
        boolean embeddedMime = type.equals("application/vnd.ms-outlook") && data.length > 0 && data[0] != (byte) 0xD0;
        p.append("Content-Type: ").append(embeddedMime ? "message/rfc822" : type).append("\r\n");
        if (filename != null) {
            p.append("Content-Disposition: attachment; filename*=UTF-8''")
                    .append(java.net.URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"))
                    .append("\r\n");
        }
        p.append("Content-Transfer-Encoding: base64\r\n\r\n");
        out.write(p.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(Base64.getMimeEncoder().encode(data));
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static String quote(@Nullable String name) {
        if (name == null) {
            return "";
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /**
     * A MAPI string made safe for one header line: CR, LF and every other control character become spaces;
     * {@code null} when nothing is left.
     */
    static @Nullable String oneLine(@Nullable String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F || c == 0x85 || c == 0x2028 || c == 0x2029) {
                if (sb == null) {
                    sb = new StringBuilder(s);
                }
                sb.setCharAt(i, ' ');
            }
        }
        String line = (sb == null ? s : sb.toString()).strip();
        return line.isEmpty() ? null : line;
    }

    /** A header field line: a name of printable ASCII without spaces, then a colon. */
    private static boolean isField(String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = line.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static @Nullable String chunk(StringChunk c) {
        return c == null ? null : c.getValue();
    }

    private static @Nullable String joined(String @Nullable [] lines) {
        return lines == null || lines.length == 0 ? null : String.join("\n", lines);
    }

    interface Getter<T> {
        T get() throws Exception;
    }

    /**
     * A MAPI property POI may fail to decode (a damaged property stream, a code page of the wrong type): the message
     * is kept without it, and the problem says which property and why. Nothing is put in its place.
     */
    static <T> @Nullable T property(String what, Getter<T> g, List<String> problems) {
        try {
            return g.get();
        } catch (Exception e) {
            problems.add("Outlook " + what + " could not be read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage())));
            return null;
        }
    }

}
