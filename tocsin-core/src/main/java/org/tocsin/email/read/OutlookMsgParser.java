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
import org.apache.poi.hsmf.MAPIMessage;
import org.apache.poi.hsmf.datatypes.AttachmentChunks;
import org.apache.poi.hsmf.datatypes.StringChunk;
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
        msg.setReturnNullOnMissingChunk(true);
        byte[] mimeBytes = toMime(msg);
        MailMessage parsed = mime.parse(new ByteArrayInputStream(mimeBytes), source, depth);
        EvidenceRef ref = new EvidenceRef(source, Sha256.of(bytes), bytes.length);
        return new MailMessage(ref, parsed.headers(), parsed.from(), parsed.replyTo(), parsed.sender(),
                parsed.returnPath(), parsed.to(), parsed.subject(), parsed.messageId(), parsed.date(),
                parsed.text(), parsed.html(), parsed.attachments(), parsed.attachedMessages(), parsed.problems());
    }

    MailMessage parse(InputStream in, String source, int depth) throws IOException {
        Bounded.Bytes b = Bounded.read(in, MimeMailParser.MAX_ATTACHED_MESSAGE_BYTES);
        if (b.truncated()) {
            throw new IOException("Outlook .msg larger than " + (MimeMailParser.MAX_ATTACHED_MESSAGE_BYTES >> 20) + " MiB");
        }
        return parse(b.bytes(), source, depth);
    }

    private static byte[] toMime(MAPIMessage msg) throws IOException {
        StringBuilder h = new StringBuilder();
        String transport = joined(safe(() -> msg.getHeaders()));
        if (transport != null) {
            for (String line : transport.split("\\r?\\n(?![ \\t])")) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-") || lower.startsWith("mime-version")) {
                    continue;
                }
                if (!line.isBlank()) {
                    h.append(line.replace("\r", "")).append("\r\n");
                }
            }
        } else {
            String fromName = safe(msg::getDisplayFrom);
            String fromAddr = chunk(msg.getMainChunks().getEmailFromChunk());
            h.append("From: ").append(quote(fromName)).append(fromAddr == null ? "" : " <" + fromAddr + ">").append("\r\n");
            String to = safe(msg::getDisplayTo);
            if (to != null) {
                h.append("To: ").append(to).append("\r\n");
            }
            String subject = safe(msg::getSubject);
            if (subject != null) {
                h.append("Subject: =?UTF-8?B?")
                        .append(Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)))
                        .append("?=\r\n");
            }
            String id = chunk(msg.getMainChunks().getMessageId());
            if (id != null) {
                h.append("Message-ID: ").append(id).append("\r\n");
            }
        }
        String boundary = "tocsin-" + UUID.randomUUID();
        h.append("MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(h.toString().getBytes(StandardCharsets.UTF_8));
        String text = safe(msg::getTextBody);
        if (text != null) {
            part(out, boundary, "text/plain; charset=UTF-8", null, text.getBytes(StandardCharsets.UTF_8));
        }
        String html = safe(msg::getHtmlBody);
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
                part(out, boundary, "application/vnd.ms-outlook", name == null ? "embedded.msg" : name,
                        embeddedBytes(a));
            } else if (a.getAttachData() != null && a.getAttachData().getValue() != null) {
                byte[] data = a.getAttachData().getValue();
                if (data.length <= MAX_ATTACHMENT_BYTES) {
                    String mimeTag = chunk(a.getAttachMimeTag());
                    part(out, boundary, mimeTag == null ? "application/octet-stream" : mimeTag,
                            name == null ? "attachment" : name, data);
                }
            }
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] embeddedBytes(AttachmentChunks a) throws IOException {
        // An embedded .msg is a directory inside the outer compound file; re-serialise it on its own.
        try {
            MAPIMessage inner = a.getEmbeddedMessage();
            return toMime(inner);
        } catch (RuntimeException e) {
            throw new IOException("embedded Outlook message unreadable: " + e.getMessage(), e);
        }
    }

    private static void part(ByteArrayOutputStream out, String boundary, String type, String filename, byte[] data)
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

    private static String quote(String name) {
        if (name == null) {
            return "";
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    private static String chunk(StringChunk c) {
        return c == null ? null : c.getValue();
    }

    private static String joined(String[] lines) {
        return lines == null || lines.length == 0 ? null : String.join("\n", lines);
    }

    private interface Getter<T> {
        T get() throws Exception;
    }

    private static <T> T safe(Getter<T> g) {
        try {
            return g.get();
        } catch (Exception e) {
            return null;
        }
    }

}
