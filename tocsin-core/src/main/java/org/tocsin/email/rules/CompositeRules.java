package org.tocsin.email.rules;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tocsin.email.EmailContext;
import org.tocsin.email.EmailSignals;
import org.tocsin.email.MessageView;
import org.tocsin.signal.Signal;
import org.tocsin.signal.SignalDefinition;

/**
 * Signals about combinations, in the spirit of rspamd's composites: a lure on its own may be a
 * newsletter, a shortened link on its own may be a tweet; a lure that leads through a hidden or
 * throwaway destination, or comes from a disguised sender, is how phishing is built. Runs after the
 * other rules and reads what they fired. Also the reverse: mail a trusted server verified as coming from a
 * known domain (a provider, a contact's outlet, the defended organisation) is expected to use alert wording.
 */
public final class CompositeRules implements EmailRule {
    private static final Set<String> LURES = ids(EmailSignals.SIGN_IN_LURE, EmailSignals.SECURITY_ALERT_LURE,
            EmailSignals.PAYMENT_LURE, EmailSignals.PRIZE_LURE, EmailSignals.DELIVERY_LURE, EmailSignals.CRYPTO_LURE,
            EmailSignals.EXTORTION_LURE, EmailSignals.ADVANCE_FEE_LURE, EmailSignals.CALLBACK_LURE,
            EmailSignals.SUBJECT_LURE, EmailSignals.DOCUMENT_SHARED_LURE, EmailSignals.SCAM_OFFER_LURE);
    /** Lures about money, which no bank, exchange or shop sends from a free-mail account. */
    private static final Set<String> MONEY_LURES = ids(EmailSignals.ADVANCE_FEE_LURE, EmailSignals.CRYPTO_LURE,
            EmailSignals.EXTORTION_LURE, EmailSignals.PRIZE_LURE, EmailSignals.PAYMENT_LURE, EmailSignals.CALLBACK_LURE);
    private static final Set<String> EVASIONS = ids(EmailSignals.LINK_SHORTENER, EmailSignals.LINK_ABUSED_HOSTING,
            EmailSignals.LINK_ABUSED_TLD, EmailSignals.LINK_IP_LITERAL, EmailSignals.LINK_PUNYCODE,
            EmailSignals.LINK_OPEN_REDIRECT, EmailSignals.LINK_USERINFO, EmailSignals.LINK_LOOKALIKE,
            EmailSignals.LINK_TEXT_MISMATCH, EmailSignals.SENDER_HOSTED_DOMAIN, EmailSignals.SENDER_ABUSED_TLD,
            EmailSignals.SENDER_MACHINE_DOMAIN, EmailSignals.FROM_MALFORMED, EmailSignals.SENDER_LOOKALIKE,
            EmailSignals.FREEMAIL_CLAIMS_ORG, EmailSignals.DISPLAY_NAME_BRAND, EmailSignals.DISPLAY_NAME_REFERENCE,
            EmailSignals.HIDDEN_TEXT, EmailSignals.TEXT_OBFUSCATION, EmailSignals.CONFUSABLE_TEXT,
            EmailSignals.INVISIBLE_TEXT_CHARS, EmailSignals.NO_READABLE_TEXT, EmailSignals.ATTACHMENT_PASSWORD,
            EmailSignals.SENDER_GENERATED_MAILBOX, EmailSignals.SENDER_PADDED_BRAND_DOMAIN,
            EmailSignals.IMAGE_ON_SHARING_SITE);

    @Override
    public void apply(MessageView view, EmailContext ctx, List<Signal> out) {
        // the kinds of body lure (the subject and the rapport lures are counted elsewhere)
        List<String> kinds = out.stream().filter(s -> ContentRules.massLureIds().contains(s.id())).map(Signal::id)
                .distinct().toList();
        if (kinds.size() >= 2) {
            // The lure cap keeps one kind of lure word from making a newsletter suspicious; scams stack kinds.
            out.add(EmailSignals.LURE_STACK.fire("Lures of " + kinds.size() + " kinds at once: " + String.join(", ", kinds)));
        }
        Signal lure = first(out, LURES);
        Signal evasion = first(out, EVASIONS);
        if (lure != null && evasion != null) {
            out.add(EmailSignals.LURE_WITH_EVASION.fire("A lure (" + lure.id() + ") delivered with a disguise ("
                    + evasion.id() + ")"));
        }
        String from = view.message().fromDomain();
        Signal money = first(out, MONEY_LURES);
        if (money != null && ctx.isFreeMail(from)) {
            // a free-mail domain is the From address's, so there is one
            out.add(EmailSignals.FREEMAIL_MONEY_LURE.fire("A money lure (" + money.id() + ") from the free-mail account "
                    + Objects.requireNonNull(view.message().from()).address()));
        }
        String fromReg = from == null ? null : org.tocsin.domain.DomainNames.registrable(from);
        boolean verified = out.stream().anyMatch(s -> s.id().equals(EmailSignals.AUTH_ALIGNED_PASS.id()));
        if (verified && ctx.isKnownDomain(fromReg) && !ctx.isFreeMail(from)) { // anyone can have a gmail.com address
            // Google's real "security alert" reads like its imitations; the trusted DMARC pass is what differs.
            out.add(EmailSignals.VERIFIED_KNOWN_SENDER.fire("Verified by a trusted server as sent from " + fromReg));
        }
    }

    private static @Nullable Signal first(List<Signal> fired, Set<String> ids) {
        for (Signal s : fired) {
            if (ids.contains(s.id()) && s.weight() > 0) {
                return s;
            }
        }
        return null;
    }

    private static Set<String> ids(SignalDefinition... defs) {
        return java.util.Arrays.stream(defs).map(SignalDefinition::id).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
