package org.tocsin.email.rules;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tocsin.domain.DomainNames;
import org.tocsin.email.EmailContext;
import org.tocsin.email.EmailSignals;
import org.tocsin.email.Link;
import org.tocsin.email.MailAddress;
import org.tocsin.email.MailMessage;
import org.tocsin.email.MessageView;
import org.tocsin.signal.Signal;
import org.tocsin.text.TextFold;

/**
 * Whether the sending mailbox is one its claimed owner would use. Scam campaigns send from mailboxes and
 * domains made by the thousand ({@link MailboxNames}), under a name that appears nowhere in the message's
 * own domains. An organisation's mail names itself in its domains; since the 2024 bulk-sender rules of
 * Google and Yahoo, its From domain must even align with its DKIM signature.
 */
public final class MailboxRules implements EmailRule {
    /** Words that make a display name an organisation's ("Member Services", "Rewards Team"). */
    private static final Set<String> ORGANISATION_WORDS = Set.of("team", "support", "service", "services", "member",
            "members", "rewards", "reward", "offer", "offers", "insurance", "casino", "network", "protection", "health",
            "warranty", "bank", "customer", "customers", "security", "billing", "department", "center", "centre",
            "official", "notification", "notifications", "update", "updates", "admin", "administrator", "help",
            "account", "accounts", "club", "store", "shop", "deals", "deal", "partner", "partners", "affiliate", "media",
            "group", "inc", "llc", "ltd", "corp", "company", "office", "desk", "care", "notice", "alert", "alerts",
            "newsletter", "promo", "promotions", "wallet", "exchange", "finance", "financial", "loan", "loans", "credit",
            "pharmacy", "dating", "delivery", "express", "shipping", "premium", "equipe", "servicos", "atendimento",
            "kundenservice", "abteilung", "equipo", "servicio", "klantenservice");
    private static final Pattern ON_BEHALF = Pattern.compile("^\\S.{0,40}? (?:from|at) ([a-z0-9].{2,60})$");
    private static final Set<String> FILLER = Set.of("the", "and", "for", "with", "from", "your", "you", "our", "van",
            "von", "der", "des", "del", "los", "las", "une", "les", "dear", "por", "para", "com", "www");

    @Override
    public void apply(MessageView view, EmailContext ctx, List<Signal> out) {
        MailMessage m = view.message();
        MailAddress from = m.from();
        if (from == null || from.domain() == null) {
            return;
        }
        String fromReg = DomainNames.registrable(from.domain());
        // anyone can open a gmail.com mailbox, so free mail is never vouched for by its domain
        boolean known = ctx.isKnownDomain(fromReg) && !ctx.isFreeMail(from.domain());
        String generated = MailboxNames.generated(localPartAsWritten(m, from), from.displayName());
        if (generated != null && !known) {
            out.add(EmailSignals.SENDER_GENERATED_MAILBOX.fire("From: " + from.address() + " — " + generated));
        }
        if (known || ctx.isFreeMail(from.domain())) {
            return; // (free mail posing as an organisation has its own rule)
        }
        String padded = MailboxNames.paddedBrand(ContentRules.bounded(from.displayName()), DomainNames.registrableLabel(fromReg));
        if (padded != null) {
            out.add(EmailSignals.SENDER_PADDED_BRAND_DOMAIN.fire("From: " + from + " — the domain " + fromReg
                    + " is the name \"" + padded + "\" padded with random letters"));
        } else {
            String unrelated = unrelatedName(view, from);
            if (unrelated != null) {
                out.add(EmailSignals.SENDER_NAME_UNRELATED.fire("From: " + from + " — the organisation name \""
                        + unrelated + "\" appears in no domain of the message"));
            }
        }
    }

    /** The display name's own word when it names an organisation that no domain of the message carries. */
    static @Nullable String unrelatedName(MessageView view, MailAddress from) {
        String name = TextFold.fold(ContentRules.bounded(from.displayName()));
        Matcher on = ON_BEHALF.matcher(name);
        boolean organisation = on.find(); // "Katie from Ledger" speaks for Ledger
        String[] words = (organisation ? on.group(1) : name).split("[^a-z0-9]+");
        Set<String> own = new LinkedHashSet<>();
        for (String w : words) {
            if (ORGANISATION_WORDS.contains(w)) {
                organisation = true;
            } else if (w.length() >= 4 && !FILLER.contains(w) && !w.chars().allMatch(Character::isDigit)) {
                own.add(w);
            }
        }
        if (!organisation || own.isEmpty()) {
            return null;
        }
        // domains only: a mailbox name is free text ("restructuring@animaker.com" proves nothing)
        StringBuilder domains = new StringBuilder(from.domain()).append(' ');
        for (MailAddress r : view.message().replyTo()) {
            domains.append(r.domain() == null ? "" : r.domain()).append(' ');
        }
        int seen = 0;
        for (Link l : view.links()) {
            if (l.url() != null && l.url().asciiHost() != null) {
                domains.append(l.url().asciiHost()).append(' ');
            } else if (l.href().regionMatches(true, 0, "mailto:", 0, 7)) {
                String d = DomainNames.domainOfAddress(l.href().substring(7));
                domains.append(d == null ? "" : d).append(' ');
            }
            if (++seen >= 200) {
                break;
            }
        }
        String hay = domains.toString().replace("-", "");
        for (String w : own) {
            if (hay.contains(w) || hay.contains(w.substring(0, 4))) {
                return null;
            }
        }
        return own.iterator().next();
    }

    /** The local part as the From header writes it: addresses are kept lower-cased, and case is evidence here. */
    static String localPartAsWritten(MailMessage m, MailAddress from) {
        String raw = m.firstHeader("From");
        String local = from.localPart();
        String lower = raw == null ? null : raw.toLowerCase(Locale.ROOT);
        if (raw != null && lower != null && lower.length() == raw.length()) { // (lower-casing can change a string's length)
            int at = lower.indexOf(from.address());
            if (at >= 0) {
                return raw.substring(at, at + local.length());
            }
        }
        return local;
    }
}
