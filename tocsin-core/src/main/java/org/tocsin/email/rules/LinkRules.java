package org.tocsin.email.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tocsin.domain.DomainNames;
import org.tocsin.domain.LookalikeMatch;
import org.tocsin.domain.ProtectedName;
import org.tocsin.domain.WebUrl;
import org.tocsin.email.EmailContext;
import org.tocsin.email.EmailContext.KnownName;
import org.tocsin.email.EmailSignals;
import org.tocsin.email.Link;
import org.tocsin.email.MessageView;
import org.tocsin.reference.HostingService;
import org.tocsin.reference.OpenRedirector;
import org.tocsin.signal.Signal;
import org.tocsin.text.SuspiciousCharacters;

/**
 * Where the links lead, against what they show: text/target mismatches, shorteners and open
 * redirects, IP literals, user-info and punycode tricks, invisible characters, abused hosting and
 * lookalike domains. Tocsin never visits a link; everything here is read from the link itself.
 */
public final class LinkRules implements EmailRule {
    private static final Pattern SHOWN_HOST = Pattern.compile(
            "(?i)^(?:https?://)?((?:[\\p{L}\\p{N}-]+\\.)+[\\p{L}]{2,})(?::\\d+)?(?:[/?#].*)?$");


    @Override
    public void apply(MessageView view, EmailContext ctx, List<Signal> out) {
        String fromDomain = view.message().fromDomain();
        String fromReg = fromDomain == null ? null : DomainNames.registrable(fromDomain);
        Set<String> seenLinks = new HashSet<>();
        Set<String> seenUrls = new HashSet<>();
        Set<String> seenHosts = new HashSet<>();
        for (Link link : view.links()) {
            if (!seenLinks.add(link.href() + "\u0000" + link.text())) {
                continue;
            }
            WebUrl url = link.url();
            String linkReg = url != null && url.isWeb() ? url.registrableDomain() : null; // null for IPs and invalid hosts
            if (url != null && linkReg != null) {
                textMismatch(link, url, linkReg, fromReg, ctx, out);
            }
            if (!seenUrls.add(link.href().strip())) {
                continue; // the same target again, with other text: judged once
            }
            String href = link.href().strip();
            String lower = href.toLowerCase(Locale.ROOT);
            // javascript: pop-ups were everyday newsletter markup; a data: or vbscript: link is never needed
            if (lower.startsWith("data:text") || lower.startsWith("data:application") || lower.startsWith("vbscript:")) {
                out.add(EmailSignals.LINK_SCRIPT_URI.fire(where(link) + " link runs a script URI: " + abbreviate(href)));
                continue;
            }
            if (SuspiciousCharacters.countInvisible(href) > 0 || SuspiciousCharacters.countInvisible(link.text()) > 0) {
                out.add(EmailSignals.LINK_INVISIBLE_CHARS.fire(where(link) + " link contains invisible characters: "
                        + visible(link.text().isEmpty() ? href : link.text())));
            }
            if (url == null || !url.isWeb() || url.asciiHost() == null) {
                continue;
            }
            String host = url.asciiHost();
            if (url.isIpLiteral()) {
                out.add(EmailSignals.LINK_IP_LITERAL.fire(where(link) + " link to an IP address: " + abbreviate(href)));
                continue;
            }
            if (url.userinfo() != null && !url.userinfo().isEmpty()) {
                out.add(EmailSignals.LINK_USERINFO.fire(where(link) + " link shows \"" + abbreviate(url.userinfo())
                        + "\" but goes to " + host + ": " + abbreviate(href)));
            }
            String reg = url.registrableDomain();
            if (ctx.reference().urlShorteners().contains(host) || ctx.reference().urlShorteners().contains(reg)) {
                out.add(EmailSignals.LINK_SHORTENER.fire(where(link) + " link through shortener " + host + ": " + abbreviate(href)));
            }
            String redirect = openRedirectTarget(url, ctx);
            if (redirect != null) {
                out.add(EmailSignals.LINK_OPEN_REDIRECT.fire(where(link) + " link through the open redirect of " + host
                        + " to " + abbreviate(redirect)));
            }
            brandInUrl(link, url, reg, fromReg, ctx, out);
            if (!seenHosts.add(host)) {
                continue; // host-level findings once per host
            }
            String tld = host.substring(host.lastIndexOf('.') + 1);
            if (ctx.reference().abusedTlds().contains(tld) && !ctx.isProtectedDomain(reg)) {
                out.add(EmailSignals.LINK_ABUSED_TLD.fire(where(link) + " link host " + host + " is under ." + tld));
            }
            if (host.contains("xn--")) {
                out.add(EmailSignals.LINK_PUNYCODE.fire(where(link) + " link host " + host + " displays as "
                        + DomainNames.toUnicode(host)));
            }
            // Google's own notices link to Google's services; a gmail.com account is anyone's, not Google speaking
            boolean fromSameProvider = fromReg != null && !ctx.isFreeMail(fromDomain)
                    && (fromReg.equals(reg) || sameProvider(fromReg, reg, ctx));
            HostingService hosting = hosting(url, ctx);
            if (hosting != null && !fromSameProvider) {
                out.add(EmailSignals.LINK_ABUSED_HOSTING.fire(where(link) + " link to " + hosting.service() + " ("
                        + hosting.kind() + "), where anyone can publish a page: " + abbreviate(href)));
            }
            Optional<LookalikeMatch> look = ctx.reference().mailServices().contains(reg)
                    ? Optional.empty() // a mailing service names its customer in its own subdomains
                    : ctx.lookalikes().best(host);
            if (look.isPresent()) {
                LookalikeMatch lm = look.get();
                double base = lm.target().source() == ProtectedName.Source.PROVIDER ? 4 : 5;
                out.add(EmailSignals.LINK_LOOKALIKE.fire(where(link) + " link to " + host + " — " + lm.describe(),
                        Math.round(base * lm.score() * 10) / 10.0));
            }
        }
    }

    private void textMismatch(Link link, WebUrl url, String reg, @Nullable String fromRegistrable, EmailContext ctx,
                              List<Signal> out) {
        String text = link.text().strip();
        if (text.isEmpty() || text.length() > 300) {
            return;
        }
        StringBuilder cleaned = new StringBuilder(text.length());
        text.codePoints().filter(c -> !SuspiciousCharacters.isInvisible(c)).forEach(cleaned::appendCodePoint);
        Matcher m = SHOWN_HOST.matcher(cleaned);
        if (!m.matches()) {
            return;
        }
        String shown = DomainNames.toAscii(m.group(1));
        if (shown == null || !shown.contains(".")) {
            return;
        }
        String shownReg = DomainNames.registrable(shown);
        if (shownReg.equals(reg) || DomainNames.registrableLabel(shownReg).equals(DomainNames.registrableLabel(reg))) {
            return;
        }
        boolean claimsTrusted = ctx.isKnownDomain(shownReg);
        String from = link.origin() == Link.Origin.ATTACHMENT ? null : fromRegistrable;
        if (!claimsTrusted && reg.equals(from)) {
            return; // the sender's own click tracker in front of a partner's name: common newsletter practice
        }
        if (shownReg.equals(from) && ctx.reference().mailServices().contains(reg)) {
            return; // the sender's own site behind the click tracking of its mailing service
        }
        out.add(EmailSignals.LINK_TEXT_MISMATCH.fire(where(link) + " link shows \"" + abbreviate(text)
                + "\" but goes to " + url.asciiHost() + ": " + abbreviate(link.href()),
                claimsTrusted ? 6 : EmailSignals.LINK_TEXT_MISMATCH.weight()));
    }

    private void brandInUrl(Link link, WebUrl url, @Nullable String reg, @Nullable String fromReg, EmailContext ctx, List<Signal> out) {
        String host = url.asciiHost();
        if (reg == null || host == null || ctx.isProviderDomain(reg) || ctx.isProtectedDomain(reg)) {
            return;
        }
        String sub = host.length() > reg.length() ? host.substring(0, host.length() - reg.length()) : "";
        String where = (sub + " " + url.path()).toLowerCase(Locale.ROOT);
        for (String token : where.split("[^a-z0-9]+")) {
            if (token.length() < 5) {
                continue;
            }
            KnownName k = ctx.brands().get(token);
            if (k != null && !k.caution() && !k.domains().contains(reg) && (fromReg == null || !k.domains().contains(fromReg))) {
                out.add(EmailSignals.LINK_BRAND_IN_URL.fire(where(link) + " link names " + k.name() + " on unrelated host "
                        + url.asciiHost() + ": " + abbreviate(link.href())));
                return;
            }
        }
    }

    private static boolean sameProvider(String a, @Nullable String b, EmailContext ctx) {
        if (a == null || b == null) {
            return false;
        }
        for (var brand : ctx.reference().providerBrands()) {
            if (brand.domains().contains(a) && brand.domains().contains(b)) {
                return true;
            }
        }
        return false;
    }

    static @Nullable HostingService hosting(WebUrl url, EmailContext ctx) {
        String host = url.asciiHost();
        if (host == null) {
            return null;
        }
        for (HostingService h : ctx.reference().abusedHosting()) {
            if (DomainNames.isWithin(host, h.hostSuffix())
                    && (h.pathPrefix().isEmpty() || url.path().startsWith(h.pathPrefix()))) {
                return h;
            }
        }
        return null;
    }

    static @Nullable String openRedirectTarget(WebUrl url, EmailContext ctx) {
        String host = url.asciiHost();
        if (host == null) {
            return null;
        }
        for (OpenRedirector r : ctx.reference().openRedirectors()) {
            if (!DomainNames.isWithin(host, r.hostSuffix()) || !url.path().startsWith(r.pathPrefix())) {
                continue;
            }
            String target;
            if (r.targetInPath()) {
                target = url.path().substring(r.pathPrefix().length());
            } else if (r.targetIsQuery()) {
                target = url.query();
            } else if (r.targetHidden()) {
                target = "(a destination held by " + r.hostSuffix() + ")";
            } else {
                target = url.queryParameter(r.target());
            }
            if (target != null && !target.isBlank() && (r.targetHidden() || target.contains("."))) {
                return target;
            }
        }
        return null;
    }

    private static String where(Link link) {
        return switch (link.origin()) {
            case HTML_BODY -> "HTML body:";
            case TEXT_BODY -> "Text body:";
            case ATTACHMENT -> "HTML attachment:";
        };
    }

    private static String visible(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(c -> {
            if (SuspiciousCharacters.isInvisible(c)) {
                b.append(String.format("<U+%04X>", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return abbreviate(b.toString());
    }

    static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 157) + "...";
    }
}
