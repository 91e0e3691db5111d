package org.tocsin.email.read;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tocsin.email.HeaderField;
import org.tocsin.email.MailAddress;
import org.tocsin.email.MailMessage;
import org.tocsin.evidence.EvidenceRef;
import org.tocsin.evidence.Sha256;

/**
 * A message forwarded inline: most staff report suspicious mail with the Forward button, which writes the
 * original's From, Date, To and Subject into the top of the text ("---------- Forwarded message ---------",
 * Outlook's "De: / Enviado: / Para: / Assunto:"), not as an attachment. This reads that block back into a
 * message, so the original sender is judged rather than the colleague who forwarded it.
 *
 * <p>What the block does not carry is lost: Reply-To, Return-Path, Received and authentication results of
 * the original. The rebuilt message says so in its problems.
 */
public final class InlineForward {
    /** A forward's header block starts near the top; a From: line further down is quoted conversation. */
    private static final int SEARCH_CHARS = 3000;
    private static final int BLOCK_CHARS = 1000;
    private static final String LEAD = "(?im)^[ \\t>*]*";
    private static final Pattern FROM = Pattern.compile(LEAD + "(?:from|de|von|van|da|fra|fr\u00e5n|od)[ \\t]*:[ \\t]*(.+)$");
    private static final Pattern DATE = Pattern.compile(LEAD + "(?:sent|date|enviado|enviada|data|gesendet|datum|"
            + "envoy\u00e9|fecha|verzonden|inviato|sendt|skickat)[ \\t]*:[ \\t]*(.*)$");
    private static final Pattern TO = Pattern.compile(LEAD + "(?:to|para|an|\u00e0|aan|a|til|till)[ \\t]*:[ \\t]*(.*)$");
    private static final Pattern SUBJECT = Pattern.compile(LEAD + "(?:subject|assunto|asunto|betreff|objet|onderwerp|"
            + "oggetto|emne|\u00e4mne)[ \\t]*:[ \\t]*(.*)$");
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\r?\\n");

    private InlineForward() {
    }

    /** The message forwarded inline in {@code outer}'s text, when its header block names a sender's address. */
    public static Optional<MailMessage> unwrap(MailMessage outer) {
        String text = outer.text();
        Matcher from = FROM.matcher(text).region(0, Math.min(text.length(), SEARCH_CHARS));
        if (!from.find()) {
            return Optional.empty();
        }
        int blockEnd = Math.min(text.length(), from.end() + BLOCK_CHARS);
        Matcher subject = SUBJECT.matcher(text).region(from.end(), blockEnd);
        Matcher date = DATE.matcher(text).region(from.end(), blockEnd);
        if (!subject.find() || !date.find()) {
            return Optional.empty(); // a header block has at least a date and a subject
        }
        List<MailAddress> boxes = AddressParser.mailboxes(from.group(1).strip());
        MailAddress sender = boxes.isEmpty() ? null : boxes.get(0);
        if (sender == null || sender.domain() == null) {
            return Optional.empty(); // the forwarding client showed only a name: nothing to judge the sender by
        }
        Matcher to = TO.matcher(text).region(from.end(), blockEnd);
        boolean hasTo = to.find();
        List<MailAddress> recipients = hasTo ? AddressParser.mailboxes(to.group(1).strip()) : List.of();
        int headersEnd = Math.max(subject.end(), Math.max(date.end(), hasTo ? to.end() : 0));
        Matcher blank = BLANK_LINE.matcher(text).region(headersEnd, text.length());
        String body = blank.find() && blank.start() - headersEnd < 400 ? text.substring(blank.end()) : text.substring(headersEnd);

        List<HeaderField> headers = new ArrayList<>();
        headers.add(new HeaderField("From", from.group(1).strip()));
        headers.add(new HeaderField("Date", date.group(1).strip()));
        headers.add(new HeaderField("Subject", subject.group(1).strip()));
        List<String> problems = new ArrayList<>(outer.problems());
        problems.add("rebuilt from an inline forward: the original's Reply-To, Received and authentication headers"
                + " were not forwarded");
        byte[] bytes = text.substring(from.start()).getBytes(StandardCharsets.UTF_8);
        EvidenceRef ref = new EvidenceRef(outer.evidence().source() + "/inline-forward", Sha256.of(bytes), bytes.length);
        return Optional.of(new MailMessage(ref, headers, sender, List.of(), null, null, recipients,
                subject.group(1).strip(), "", date.group(1).strip(), body, outer.html(), outer.attachments(),
                outer.attachedMessages(), problems));
    }
}
