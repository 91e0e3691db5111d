package org.tocsin.email.rules;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tocsin.domain.DomainNames;
import org.tocsin.email.EmailContext;
import org.tocsin.email.EmailSignals;
import org.tocsin.email.HeaderField;
import org.tocsin.email.MailMessage;
import org.tocsin.email.MessageView;
import org.tocsin.email.ReceivedChain;
import org.tocsin.signal.Signal;

/**
 * Authentication-Results and ARC-Authentication-Results (RFC 8601, RFC 8617), believed only when
 * stamped by one of the profile's trusted authserv-ids, or written above the border of its trusted relays:
 * anyone can write such a header, only our own mail system's is evidence. Only the topmost trusted header
 * counts (the one our border MTA added). A missing header is unknown, never evidence either way.
 */
public final class AuthenticationRules implements EmailRule {
    private static final Pattern RESULT = Pattern.compile("(?i)\\b(spf|dkim|dmarc)\\s*=\\s*([a-z]+)");
    private static final Pattern HEADER_FROM = Pattern.compile("(?i)header\\.from\\s*=\\s*([^;\\s]+)");

    @Override
    public void apply(MessageView view, EmailContext ctx, List<Signal> out) {
        MailMessage m = view.message();
        String header = trustedResults(m, ctx);
        if (header == null) {
            return;
        }
        String spf = null;
        String dkim = null;
        String dmarc = null;
        Matcher r = RESULT.matcher(header);
        while (r.find()) {
            String method = r.group(1).toLowerCase(Locale.ROOT);
            String result = r.group(2).toLowerCase(Locale.ROOT);
            switch (method) {
                case "spf" -> spf = spf == null ? result : spf;
                case "dkim" -> dkim = dkim == null || result.equals("pass") ? result : dkim;
                default -> dmarc = dmarc == null ? result : dmarc;
            }
        }
        // quoted whole (up to 600 characters): the result that fired must be visible in the evidence
        String quoted = "Authentication-Results: " + (header.length() <= 600 ? header : header.substring(0, 600) + "...");
        String fromReg = m.fromDomain() == null ? null : DomainNames.registrable(m.fromDomain());
        boolean failed = false;
        if ("fail".equals(dmarc)) {
            out.add(EmailSignals.AUTH_DMARC_FAIL.fire(quoted));
            failed = true;
        }
        if ("fail".equals(spf) || "softfail".equals(spf)) {
            out.add(EmailSignals.AUTH_SPF_FAIL.fire(quoted));
            failed = true;
        }
        if ("fail".equals(dkim)) {
            out.add(EmailSignals.AUTH_DKIM_FAIL.fire(quoted));
            failed = true;
        }
        if (failed && ctx.isProtectedDomain(fromReg)) {
            out.add(EmailSignals.AUTH_PROTECTED_DOMAIN_FAIL.fire("From: " + m.from() + " is a protected domain, yet "
                    + quoted));
        }
        if ("pass".equals(dmarc)) {
            Matcher hf = HEADER_FROM.matcher(header);
            String checked = hf.find() ? hf.group(1).toLowerCase(Locale.ROOT) : null;
            if (checked == null || fromReg == null || DomainNames.registrable(checked).equals(fromReg)) {
                out.add(EmailSignals.AUTH_ALIGNED_PASS.fire(quoted));
            }
        }
    }

    /**
     * The topmost Authentication-Results (or, failing that, ARC-Authentication-Results) from a trusted server:
     * one whose authserv-id the profile trusts, or one written above the border of the profile's trusted relays
     * ({@link ReceivedChain}); Exchange Online stamps its results without an authserv-id, so only their
     * position tells its header from one the sender wrote.
     */
    static @Nullable String trustedResults(MailMessage m, EmailContext ctx) {
        for (String h : m.header("Authentication-Results")) {
            if (ctx.trusts(authservId(h))) {
                return h;
            }
        }
        if (ctx.hasTrustedRelays()) {
            List<HeaderField> headers = m.headers();
            int border = ReceivedChain.trustedPrefix(headers, ctx::trustsRelay);
            for (int i = 0; i < border; i++) {
                if (headers.get(i).name().equalsIgnoreCase("Authentication-Results")) {
                    return headers.get(i).value();
                }
            }
        }
        for (String h : m.header("ARC-Authentication-Results")) {
            String rest = h.replaceFirst("(?i)^\\s*i\\s*=\\s*\\d+\\s*;", "");
            if (ctx.trusts(authservId(rest))) {
                return rest.strip();
            }
        }
        return null;
    }

    /** The authserv-id: the first token of the header, before any version number or semicolon. */
    static String authservId(String header) {
        String h = header.strip();
        int end = 0;
        while (end < h.length() && !Character.isWhitespace(h.charAt(end)) && h.charAt(end) != ';') {
            end++;
        }
        return h.substring(0, end);
    }
}
