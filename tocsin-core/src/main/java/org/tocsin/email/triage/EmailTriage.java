package org.tocsin.email.triage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tocsin.domain.DomainNames;
import org.tocsin.email.EmailContext;
import org.tocsin.email.EmailSignals;
import org.tocsin.email.MailMessage;
import org.tocsin.email.MessageView;
import org.tocsin.email.read.InlineForward;
import org.tocsin.email.rules.AttachmentRules;
import org.tocsin.email.rules.AuthenticationRules;
import org.tocsin.email.rules.CompositeRules;
import org.tocsin.email.rules.ContentRules;
import org.tocsin.email.rules.EmailRule;
import org.tocsin.email.rules.LinkRules;
import org.tocsin.email.rules.MailboxRules;
import org.tocsin.email.rules.SenderRules;
import org.tocsin.signal.Assessment;
import org.tocsin.signal.Scorer;
import org.tocsin.signal.Signal;
import org.tocsin.signal.Thresholds;
import org.tocsin.signal.Verdict;

/**
 * Triage of reported mail: runs every rule over a message and assesses the signals. A report — a
 * message that forwards another as an attachment (message/rfc822 or Outlook .msg) — is triaged as
 * the message it carries, with the reporter recorded.
 */
public final class EmailTriage {
    /**
     * Default cut-offs for mail: suspicious at 3.5, malicious at 8. On the shared dev corpus 3.5 is the
     * lowest cut-off that keeps the false-positive rate under 0.5 % (docs/email-triage.md).
     */
    public static final Thresholds DEFAULT_THRESHOLDS = new Thresholds(3.5, 8);
    /** What shows that a "report" from our own address was not sent by us. */
    private static final Set<String> FORGED_REPORT = Set.of(EmailSignals.RETURN_PATH_MISMATCH.id(),
            EmailSignals.SENDER_HEADER_MISMATCH.id(), EmailSignals.FROM_MALFORMED.id(), EmailSignals.AUTH_DMARC_FAIL.id(),
            EmailSignals.AUTH_SPF_FAIL.id(), EmailSignals.AUTH_PROTECTED_DOMAIN_FAIL.id());
    private final EmailContext context;
    private final Scorer scorer;
    private final List<EmailRule> rules = List.of(
            new SenderRules(), new MailboxRules(), new LinkRules(), new ContentRules(), new AttachmentRules(), new AuthenticationRules(),
            new CompositeRules()); // last: it reads what the others fired

    public EmailTriage(EmailContext context, Scorer scorer) {
        this.context = context;
        this.scorer = scorer;
    }

    public EmailContext context() {
        return context;
    }

    /**
     * Triages a message; returns one result, or one per forwarded message when it is a report.
     *
     * @throws TriageException when a rule fails on this message (a bug, or input no rule foresaw): callers
     *                         report it for this item and go on with the next
     */
    public List<TriageResult> triage(MailMessage message) {
        try {
            return triageUnchecked(message);
        } catch (RuntimeException | StackOverflowError e) {
            throw new TriageException("triage failed on " + message.evidence().source() + ": " + e, e);
        }
    }

    private List<TriageResult> triageUnchecked(MailMessage message) {
        if (fromDefended(message)) {
            String reporter = message.from() == null ? null : message.from().address();
            List<MailMessage> reported = new ArrayList<>(message.attachedMessages());
            if (reported.isEmpty()) {
                InlineForward.unwrap(message).ifPresent(reported::add);
            }
            if (!reported.isEmpty()) {
                List<TriageResult> out = new ArrayList<>();
                // Anyone can write our own address into From and wrap a harmless message: a report that is not
                // what it claims (it came from outside, it fails authentication) is judged as itself too.
                TriageResult wrapper = assess(message, null);
                if (wrapper.assessment().verdict() != Verdict.CLEAN && wrapper.assessment().signals().stream()
                        .anyMatch(sig -> sig.weight() > 0 && FORGED_REPORT.contains(sig.id()))) {
                    out.add(wrapper);
                }
                for (MailMessage inner : reported) {
                    out.add(assess(inner, reporter));
                }
                return out;
            }
        }
        return List.of(assess(message, null));
    }

    /**
     * A message is a report when it carries another message, attached or forwarded inline, and was sent by
     * someone we defend (a protected person of the profile or an address on a defended domain; not a contact,
     * whose replies quote our own mail). A "Fwd:" subject is not enough: anyone can write one, and phishing
     * that wraps a harmless message must still be judged itself.
     */
    boolean fromDefended(MailMessage m) {
        String fromDomain = m.fromDomain();
        boolean fromDefended = fromDomain != null && context.isProtectedDomain(DomainNames.registrable(fromDomain));
        for (var p : context.people()) {
            if (m.from() != null && p.role().equals(EmailContext.PROTECTED_PERSON)
                    && p.addresses().contains(m.from().address().toLowerCase(Locale.ROOT))) {
                fromDefended = true;
            }
        }
        return fromDefended;
    }

    public TriageResult assess(MailMessage message, @Nullable String reporter) {
        MessageView view = new MessageView(message);
        List<Signal> signals = new ArrayList<>();
        for (EmailRule rule : rules) {
            rule.apply(view, context, signals);
        }
        Assessment a = scorer.assess(signals);
        Set<String> techniques = new LinkedHashSet<>();
        for (Signal s : a.signals()) {
            if (s.weight() > 0) {
                techniques.add(s.technique());
            }
        }
        var indicators = a.verdict() == Verdict.CLEAN ? List.<org.tocsin.signal.Indicator>of()
                : IndicatorExtractor.extract(view, context);
        return new TriageResult(message.evidence(), message.messageId(), reporter, message.subject(), message.from(),
                a, indicators, new ArrayList<>(techniques), message.problems());
    }
}
