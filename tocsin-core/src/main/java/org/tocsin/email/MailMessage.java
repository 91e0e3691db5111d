package org.tocsin.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tocsin.evidence.EvidenceRef;

/**
 * One message as the analyzers see it. Bodies are bounded (see {@code MimeMailParser}); anything cut
 * or unreadable is listed in {@code problems}, so the triage can say what it did not see.
 *
 * @param attachedMessages messages carried inside this one (message/rfc822 parts, Outlook .msg files)
 */
public record MailMessage(EvidenceRef evidence, List<HeaderField> headers, @Nullable MailAddress from,
                          List<MailAddress> replyTo, @Nullable MailAddress sender, @Nullable String returnPath,
                          List<MailAddress> to, String subject, String messageId, @Nullable String date,
                          String text, String html, List<MailAttachment> attachments,
                          List<MailMessage> attachedMessages, List<String> problems) {
    public MailMessage {
        headers = List.copyOf(headers);
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        attachments = List.copyOf(attachments);
        attachedMessages = List.copyOf(attachedMessages);
        problems = List.copyOf(problems);
        subject = subject == null ? "" : subject;
        text = text == null ? "" : text;
        html = html == null ? "" : html;
    }

    /** Values of every header with this name (case-insensitive), in order. */
    public List<String> header(String name) {
        List<String> out = new ArrayList<>(2);
        for (HeaderField h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                out.add(h.value());
            }
        }
        return out;
    }

    public @Nullable String firstHeader(String name) {
        for (HeaderField h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    public @Nullable String fromDomain() {
        return from == null ? null : from.domain();
    }

    public boolean hasHeader(String name) {
        return firstHeader(name.toLowerCase(Locale.ROOT)) != null;
    }
}
