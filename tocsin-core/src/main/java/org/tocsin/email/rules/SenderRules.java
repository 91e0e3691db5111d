package org.tocsin.email.rules;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tocsin.domain.DomainNames;
import org.tocsin.domain.LookalikeMatch;
import org.tocsin.domain.ProtectedName;
import org.tocsin.email.EmailContext;
import org.tocsin.email.EmailContext.KnownName;
import org.tocsin.email.EmailSignals;
import org.tocsin.email.MailAddress;
import org.tocsin.email.MailMessage;
import org.tocsin.email.MessageView;
import org.tocsin.email.read.AddressParser;
import org.tocsin.reference.HostingService;
import org.tocsin.signal.Signal;
import org.tocsin.text.SuspiciousCharacters;
import org.tocsin.text.TextFold;

/**
 * Who the message claims to be from, against who sent it: display-name spoofing of protected people,
 * contacts, organisations and providers; From / Reply-To / Return-Path / Sender disagreements weighted
 * by what the From claims; free mail posing as an organisation; lookalike sender domains.
 */
public final class SenderRules implements EmailRule {
    /** Possessive and bounded: display names are attacker text, and a backtracking pattern here took minutes. */
    private static final Pattern ADDRESS_OR_DOMAIN = Pattern.compile(
            "(?i)(?:[a-z0-9._%+-]{1,64}+@)?+((?:[a-z0-9-]{1,63}+\\.){1,8}+(?:com|net|org|gov|edu|info|biz|co|io|us|uk|br|de|fr|[a-z]{2}))\\b");
    /** Institutional words, matched in the folded display name (lower case, no accents). */
    private static final Pattern ORG_WORDS = Pattern.compile("\\b(?:bank|banco|support|suporte|soporte|security|"
            + "seguranca|seguridad|help ?desk|service desk|customer (?:care|service)|administrator|admin team|"
            + "it department|account team|accounts team|billing|webmail|mail ?(?:box )?admin|postmaster|"
            + "atendimento|central de|departamento|equipe|servicos?|notificac(?:ao|oes)|receita federal|"
            + "tesouro|compliance|payroll|human resources|hr department|office of|ministry|ministerio|embassy|"
            + "tribunal|court|justica|justice|policia|police|government|governo|gov|federal|irpf|imposto|tax|"
            + "intimacao|prefeitura|detran|finanzamt|polizei|gericht|kundenservice|kundendienst)\\b");

    /** Courts, tax offices, police, election offices: bodies whose mail comes from government domains. */
    private static final Pattern GOVERNMENT_NAME = Pattern.compile("\\b(?:federal court|court system|district court|"
            + "supreme court|tribunal|social security|internal revenue|irs|hmrc|tax (?:office|authority|department)|"
            + "police|policia|polizei|gendarmerie|ministry of|ministerio d[aoe]|ministere d|"
            + "board of elections|elections? (?:office|board|commission|department)|secretary of state|county clerk|"
            + "receita federal|finanzamt|douane|customs and border|prefeitura|detran|inss)\\b");
    /**
     * Government domains: .gov, .mil, the national second levels (.gov.br, .gob.mx, .gouv.fr, .bund.de ...) and
     * the US locality domains where many counties and their election offices still are (co.dakota.mn.us).
     */
    private static final Pattern GOVERNMENT_DOMAIN = Pattern.compile(
            "(?:^|\\.)(?:gov|mil|gov\\.[a-z]{2}|gob\\.[a-z]{2}|gouv\\.[a-z]{2}|govt\\.[a-z]{2}|go\\.[a-z]{2}|gc\\.ca|"
            + "bund\\.de|europa\\.eu|admin\\.ch|jus\\.br|gv\\.at|overheid\\.nl|police\\.uk|[a-z-]+\\.[a-z]{2}\\.us)$");
    private static final Pattern REFERENCE_IN_NAME = Pattern.compile(
            "(?iu)\\d{6,}|\\b(?:protocolo|protocol|contrato|processo|ref(?:erence)?|case|ticket|pedido|order|id)\\s*[:#nº°.-]*\\s*[a-z0-9]*\\d[a-z0-9]{3,}");

    @Override
    public void apply(MessageView view, EmailContext ctx, List<Signal> out) {
        MailMessage m = view.message();
        MailAddress from = m.from();
        String malformed = malformedFrom(m);
        if (malformed != null) {
            out.add(EmailSignals.FROM_MALFORMED.fire("From: " + LinkRules.abbreviate(String.valueOf(m.firstHeader("From")))
                    + " — " + malformed));
        }
        if (from == null || from.domain() == null) {
            return;
        }
        String fromReg = DomainNames.registrable(from.domain());
        senderDomain(from, from.domain(), fromReg, ctx, out);
        boolean impersonated = false;

        boolean viaProvider = ctx.isProviderDomain(fromReg) && !ctx.isFreeMail(from.domain());
        List<String> shownName = EmailContext.tokens(from.displayName());
        for (KnownName p : ctx.people()) {
            if (nameMatches(shownName, p) && !p.addresses().contains(from.address())
                    && !(p.domains().contains(fromReg) && !ctx.isFreeMail(from.domain()))) {
                if (viaProvider) {
                    // Sharing and calendar services send "Name (via Google Docs)" from their own domain. Anyone can
                    // open an account under that name, so it still deserves a look, but it is not spoofing.
                    out.add(EmailSignals.DISPLAY_NAME_SPOOF.fire("From: " + from + " carries the name of " + p.role()
                            + " " + p.name() + " through " + fromReg + "'s own notification service; confirm the account"
                            + " behind it is theirs", 2));
                } else {
                    out.add(EmailSignals.DISPLAY_NAME_SPOOF.fire("From: " + from + " uses the name of " + p.role() + " "
                            + p.name() + " (" + String.join(", ", p.addresses()) + ")"));
                    impersonated = true;
                }
            }
        }
        KnownName brand = claimedBrand(from.displayName(), ctx);
        if (brand != null && !brand.domains().contains(fromReg)) {
            out.add(EmailSignals.DISPLAY_NAME_BRAND.fire("From: " + from + " claims to be " + brand.name()
                    + " (" + brand.role() + "), whose mail comes from " + sample(brand) + ", not " + fromReg));
            impersonated = true;
        }
        Matcher dm = ADDRESS_OR_DOMAIN.matcher(ContentRules.bounded(from.displayName()));
        while (dm.find()) {
            String shown = DomainNames.toAscii(dm.group(1));
            if (shown == null) {
                continue;
            }
            String shownReg = DomainNames.registrable(shown);
            // A bare brand domain as a name ("CNET News.com") is ordinary; a full address, or a protected or
            // provider domain, shown over another sender is the trick.
            boolean meaningful = dm.group().contains("@") || ctx.isProtectedDomain(shownReg) || ctx.isProviderDomain(shownReg);
            if (meaningful && !DomainNames.registrableLabel(shownReg).equals(DomainNames.registrableLabel(fromReg))) {
                out.add(EmailSignals.DISPLAY_NAME_ADDRESS.fire("From: " + from + " shows " + dm.group()
                        + " but was sent from " + from.domain()));
                impersonated = true;
                break;
            }
        }
        Matcher government = GOVERNMENT_NAME.matcher(TextFold.fold(ContentRules.bounded(from.displayName())));
        if (!ctx.isFreeMail(from.domain()) && government.find() && !GOVERNMENT_DOMAIN.matcher(from.domain()).find()) {
            out.add(EmailSignals.GOVERNMENT_NAME_OFF_GOV.fire("From: " + from + " speaks as \"" + government.group()
                    + "\" from " + fromReg + ", not a government domain"));
            impersonated = true;
        }
        if (ctx.isFreeMail(from.domain()) && !from.displayName().isEmpty()) {
            Matcher ow = ORG_WORDS.matcher(TextFold.fold(ContentRules.bounded(from.displayName())));
            if (brand != null || ow.find()) {
                out.add(EmailSignals.FREEMAIL_CLAIMS_ORG.fire("From: " + from + " is a free-mail account ("
                        + from.domain() + ") presenting itself as \"" + (brand != null ? brand.name() : ow.group()) + "\""));
            }
        }
        Optional<LookalikeMatch> look = ctx.lookalikes().best(from.domain());
        if (look.isPresent()) {
            LookalikeMatch lm = look.get();
            double base = lm.target().source() == ProtectedName.Source.PROVIDER ? 5 : 6;
            out.add(EmailSignals.SENDER_LOOKALIKE.fire("From: " + from + " — " + lm.describe(),
                    Math.round(base * lm.score() * 10) / 10.0));
            impersonated = true;
        }
        Matcher ref = REFERENCE_IN_NAME.matcher(ContentRules.bounded(from.displayName()));
        if (ref.find()) {
            out.add(EmailSignals.DISPLAY_NAME_REFERENCE.fire("From: " + from + " carries \"" + ref.group().strip()
                    + "\" in the sender's name"));
        }
        String brandInLocal = brandInLocalPart(from, fromReg, ctx);
        if (brandInLocal != null) {
            out.add(EmailSignals.SENDER_ADDRESS_BRAND.fire("From address " + from.address() + " names "
                    + brandInLocal + " but is on " + fromReg));
        }

        if (isListMail(m)) {
            return; // mailing lists rewrite Reply-To, Sender and Return-Path by design (RFC 2369, RFC 2919)
        }
        // Anyone can own a gmail.com address, so only an organisation's own domain makes From a claim to check.
        boolean claimsTrusted = ctx.isProtectedDomain(fromReg)
                || (ctx.isProviderDomain(fromReg) && !ctx.isFreeMail(from.domain()));
        for (MailAddress r : m.replyTo()) {
            if (r.domain() == null) {
                continue;
            }
            String rReg = DomainNames.registrable(r.domain());
            if (ctx.isProtectedDomain(rReg) || isKnownAddress(r.address(), ctx)) {
                continue; // replies go to us or to someone we know: that is no diversion
            }
            if (!rReg.equals(fromReg) && !sameOwner(rReg, fromReg)) {
                boolean freeReply = ctx.isFreeMail(r.domain()) && !ctx.isFreeMail(from.domain());
                double w = impersonated || freeReply || claimsTrusted ? 3 : EmailSignals.REPLY_TO_MISMATCH.weight();
                out.add(EmailSignals.REPLY_TO_MISMATCH.fire("Reply-To: " + r.address() + " differs from From: "
                        + from.address() + (freeReply ? " (replies go to free mail)" : ""), w));
                Optional<LookalikeMatch> rl = ctx.lookalikes().best(r.domain());
                rl.ifPresent(x -> out.add(EmailSignals.SENDER_LOOKALIKE.fire("Reply-To: " + r.address() + " — " + x.describe(),
                        Math.round(5 * x.score() * 10) / 10.0)));
                break;
            }
        }
        if (claimsTrusted) {
            String rp = m.returnPath();
            String rpDomain = DomainNames.domainOfAddress(rp);
            if (rpDomain != null) {
                String rpReg = DomainNames.registrable(rpDomain);
                if (!rpReg.equals(fromReg) && !sameOwner(rpReg, fromReg) && !ctx.reference().mailServices().contains(rpReg)) {
                    // (a mailing service's bounce address is how organisations send newsletters, ours included)
                    boolean ours = ctx.isProtectedDomain(fromReg);
                    // Mail that claims the defended organisation's own domain but was sent by an outside envelope
                    // sender is the self-spoof ("from yourself", "from IT") that needs no lookalike at all.
                    out.add(EmailSignals.RETURN_PATH_MISMATCH.fire("Return-Path: " + rp + " is not " + fromReg
                            + (ours ? ", the defended organisation's own domain in From: mail claiming to be ours came"
                            + " from outside" : ", the provider domain in From"), ours ? 4 : 2));
                }
            }
            MailAddress sender = m.sender();
            if (sender != null && sender.domain() != null) {
                String sReg = DomainNames.registrable(sender.domain());
                if (!sReg.equals(fromReg) && !sameOwner(sReg, fromReg)) {
                    out.add(EmailSignals.SENDER_HEADER_MISMATCH.fire("Sender: " + sender.address()
                            + " sends on behalf of " + from.address()));
                }
            }
        }
    }

    /** Why the From header is malformed, or {@code null} when it is well formed. */
    static @Nullable String malformedFrom(MailMessage m) {
        String raw = m.firstHeader("From");
        if (raw == null || raw.isBlank()) {
            return "no From header";
        }
        List<MailAddress> boxes = AddressParser.mailboxes(raw);
        if (boxes.size() > 1) {
            return boxes.size() + " mailboxes in one From (an unquoted comma in the name?)";
        }
        MailAddress a = boxes.get(0);
        int at = a.address().lastIndexOf('@');
        if (at <= 0 || at == a.address().length() - 1) {
            return "no usable address";
        }
        String domain = a.address().substring(at + 1);
        if (domain.indexOf('.') < 0 && !domain.startsWith("[")) {
            return "the domain \"" + domain + "\" has no dot";
        }
        if (a.domain() == null) {
            return "the domain \"" + domain + "\" is not a valid host name";
        }
        int open = raw.lastIndexOf('<');
        String written = ContentRules.bounded(open >= 0 ? raw.substring(open) : raw);
        String decorated = SuspiciousCharacters.disguisedWord(written);
        if (decorated != null) {
            // IDNA maps mathematical bold letters to plain ones; no mail program writes an address that way
            return "the address is written in look-alike letters (\"" + decorated + "\")";
        }
        return null;
    }

    @SuppressWarnings("ArgumentSelectionDefectChecker") // fromDomain is the host, the hosting suffix the domain
    private static void senderDomain(MailAddress from, String fromDomain, String fromReg, EmailContext ctx, List<Signal> out) {
        if (ctx.isProviderDomain(fromReg) || ctx.isProtectedDomain(fromReg)) {
            return;
        }
        for (HostingService h : ctx.reference().abusedHosting()) {
            if (DomainNames.isWithin(fromDomain, h.hostSuffix()) && !fromDomain.equals(h.hostSuffix())
                    && !ctx.isProviderDomain(DomainNames.registrable(h.hostSuffix()))) {
                out.add(EmailSignals.SENDER_HOSTED_DOMAIN.fire("From: " + from.address() + " is sent from a "
                        + h.service() + " subdomain (" + h.kind() + ")"));
                break;
            }
        }
        String label = DomainNames.registrableLabel(fromReg);
        int digits = 0;
        for (int i = 0; i < label.length(); i++) {
            digits += Character.isDigit(label.charAt(i)) ? 1 : 0;
        }
        if (digits >= 3 || label.length() >= 20) {
            out.add(EmailSignals.SENDER_MACHINE_DOMAIN.fire("From domain " + fromReg + " looks machine-made ("
                    + (digits >= 3 ? digits + " digits" : label.length() + " characters") + ")"));
        }
        String tld = fromReg.substring(fromReg.lastIndexOf('.') + 1);
        if (ctx.reference().abusedTlds().contains(tld)) {
            out.add(EmailSignals.SENDER_ABUSED_TLD.fire("From domain " + fromReg + " is under ." + tld));
        }
    }

    private static boolean isListMail(MailMessage m) {
        if (m.firstHeader("List-Id") != null || m.firstHeader("List-Post") != null
                || m.firstHeader("Mailing-List") != null || m.firstHeader("X-Mailing-List") != null) {
            return true;
        }
        String precedence = m.firstHeader("Precedence");
        return precedence != null && precedence.strip().equalsIgnoreCase("list");
    }

    private static boolean isKnownAddress(String address, EmailContext ctx) {
        for (KnownName p : ctx.people()) {
            if (p.addresses().contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameOwner(String a, String b) {
        return DomainNames.registrableLabel(a).equals(DomainNames.registrableLabel(b));
    }

    private static String sample(KnownName brand) {
        return brand.domains().stream().sorted().limit(3).reduce((x, y) -> x + ", " + y).orElse("its own domains");
    }

    /** Person names match when every word of the name appears in the display name (skeleton-folded tokens). */
    static boolean nameMatches(List<String> shown, KnownName p) {
        if (shown.isEmpty() || p.tokens().isEmpty()) {
            return false;
        }
        if (p.tokens().size() == 1) {
            return shown.size() == 1 && shown.get(0).equals(p.tokens().get(0));
        }
        return shown.containsAll(p.tokens());
    }

    /** The organisation or provider named by the display name, looking at runs of up to four words. */
    static @Nullable KnownName claimedBrand(String displayName, EmailContext ctx) {
        List<String> t = EmailContext.tokens(displayName);
        for (int n = Math.min(4, t.size()); n >= 1; n--) {
            for (int i = 0; i + n <= t.size(); i++) {
                KnownName k = ctx.brands().get(String.join(" ", t.subList(i, i + n)));
                if (k != null && (i == 0 || !k.caution())) {
                    return k; // "Apple Support" claims Apple; "Lockergnome Apple Core" does not
                }
            }
        }
        return null;
    }

    private static @Nullable String brandInLocalPart(MailAddress from, @Nullable String fromReg, EmailContext ctx) {
        for (String token : from.localPart().toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (token.length() < 5) {
                continue;
            }
            KnownName k = ctx.brands().get(token);
            if (k != null && !k.caution() && !k.domains().contains(fromReg)) {
                return k.name();
            }
        }
        return null;
    }
}
