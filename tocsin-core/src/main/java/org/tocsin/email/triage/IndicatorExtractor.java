package org.tocsin.email.triage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tocsin.domain.DomainNames;
import org.tocsin.email.EmailContext;
import org.tocsin.email.Link;
import org.tocsin.email.MailAddress;
import org.tocsin.email.MailAttachment;
import org.tocsin.email.MailMessage;
import org.tocsin.email.MessageView;
import org.tocsin.signal.Indicator;
import org.tocsin.signal.IndicatorType;

/**
 * The observables of a message that a defender can block: the sender address and domain, link URLs,
 * link domains and IPs, and attachment hashes. Protected organisations' own domains, providers'
 * domains and free-mail domains are never listed as domains to block (blocking gmail.com helps nobody),
 * though the individual address and URL still are.
 */
final class IndicatorExtractor {
    private static final int MAX_URLS = 50;

    private IndicatorExtractor() {
    }

    static List<Indicator> extract(MessageView view, EmailContext ctx) {
        Set<Indicator> out = new LinkedHashSet<>();
        MailMessage m = view.message();
        if (m.from() != null && !m.from().address().isEmpty()) {
            String reg = m.from().domain() == null ? null : DomainNames.registrable(m.from().domain());
            if (!ctx.isProtectedDomain(reg) || !ctx.lookalikes().isOwnDomain(m.from().domain())) {
                out.add(new Indicator(IndicatorType.EMAIL, m.from().address()));
            }
            domain(reg, ctx, out);
        }
        for (MailAddress r : m.replyTo()) {
            if (!r.address().isEmpty()) {
                out.add(new Indicator(IndicatorType.EMAIL, r.address()));
                domain(r.domain() == null ? null : DomainNames.registrable(r.domain()), ctx, out);
            }
        }
        int urls = 0;
        for (Link l : view.links()) {
            if (l.url() == null || !l.url().isWeb() || l.url().asciiHost() == null) {
                continue;
            }
            String reg = l.url().registrableDomain();
            if (reg != null && (ctx.isProtectedDomain(reg) || ctx.lookalikes().isOwnDomain(l.url().asciiHost()))
                    && !ctx.isProviderDomain(reg)) {
                continue; // a link to our own site or a contact's outlet is not an indicator
            }
            if (urls++ < MAX_URLS) {
                out.add(new Indicator(IndicatorType.URL, l.href().strip()));
            }
            if (l.url().isIpLiteral()) {
                out.add(new Indicator(IndicatorType.IP, l.url().asciiHost().replaceAll("[\\[\\]]", "")));
            } else {
                domain(reg, ctx, out);
            }
        }
        for (MailAttachment a : m.attachments()) {
            out.add(new Indicator(IndicatorType.SHA256, a.sha256()));
        }
        return new ArrayList<>(out);
    }

    private static void domain(@Nullable String reg, EmailContext ctx, Set<Indicator> out) {
        if (reg == null || ctx.isFreeMail(reg) || ctx.isProviderDomain(reg) || ctx.isProtectedDomain(reg)
                || ctx.lookalikes().isOwnDomain(reg) || ctx.reference().urlShorteners().contains(reg)) {
            return;
        }
        out.add(new Indicator(DomainNames.isIpv4(reg) ? IndicatorType.IP : IndicatorType.DOMAIN, reg));
    }
}
