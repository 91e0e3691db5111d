package org.tocsin.email.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tocsin.domain.DomainNames;
import org.tocsin.domain.WebUrl;
import org.tocsin.email.EmailContext;
import org.tocsin.email.EmailSignals;
import org.tocsin.email.HtmlForm;
import org.tocsin.email.LurePhrases;
import org.tocsin.email.MessageView;
import org.tocsin.signal.Signal;
import org.tocsin.signal.SignalDefinition;
import org.tocsin.text.SuspiciousCharacters;
import org.tocsin.text.TextFold;

/**
 * What the message asks of its reader and how it hides it: credential forms; sign-in, alert, urgency,
 * payment, prize, delivery, crypto and extortion lures; the rapport lures APT42 used (interview requests,
 * event invitations, think-tank collaboration, shared documents); hidden text, invisible and look-alike
 * characters, messages with nothing to read, and self-redirecting HTML.
 *
 * <p>Mass-lure vocabulary is capped: long newsletters use "urgent", "winner" and "verify" too, so words
 * alone never make a message suspicious. The cap scales those signals down together and says so.
 */
public final class ContentRules implements EmailRule {
    /** Most that lure vocabulary in the body may add to a score. */
    static final double LURE_CAP = 3;
    private static final List<String> MASS_LURES = List.of(
            "sign-in", "security-alert", "urgency", "payment", "prize", "delivery", "crypto", "extortion", "greeting",
            "advance-fee", "callback", "offer");
    private static final List<String> SUBJECT_CATEGORIES =
            List.of("security-alert", "sign-in", "payment", "prize", "delivery", "urgency", "crypto");
    private final LurePhrases phrases = LurePhrases.bundled();

    @Override
    public void apply(MessageView view, EmailContext ctx, List<Signal> out) {
        forms(view, out);
        Map<String, String> found = phrases.findAll(view.searchText());
        Map<String, String> inSubject = phrases.findAll(TextFold.fold(view.message().subject()));
        massLures(found, out);
        subjectLure(view, inSubject, out);
        // The rapport lures are one-offs, whether the subject or the text makes the approach.
        phrase(found, inSubject, "interview", EmailSignals.INTERVIEW_LURE, out);
        phrase(found, inSubject, "event", EmailSignals.EVENT_INVITATION_LURE, out);
        phrase(found, inSubject, "collaboration", EmailSignals.COLLABORATION_LURE, out);
        String from = view.message().fromDomain();
        String fromReg = from == null ? null : DomainNames.registrable(from);
        if (!ctx.isProviderDomain(fromReg)) {
            // a genuine share notice comes from the sharing service itself
            phrase(found, inSubject, "document-shared", EmailSignals.DOCUMENT_SHARED_LURE, out);
        }
        disguise(view, ctx, out);
        if (!view.refreshTargets().isEmpty()) {
            out.add(EmailSignals.HTML_REFRESH.fire("HTML redirects itself (meta refresh) to "
                    + LinkRules.abbreviate(view.refreshTargets().get(0))));
        }
    }

    private void forms(MessageView view, List<Signal> out) {
        for (HtmlForm f : view.forms()) {
            if (f.passwordField()) {
                out.add(EmailSignals.CREDENTIAL_FORM.fire(f.where() + " has a password field"
                        + (f.action().isEmpty() ? "" : " posting to " + LinkRules.abbreviate(f.action()))));
                break;
            }
        }
        for (HtmlForm f : view.forms()) {
            WebUrl action = WebUrl.parse(f.action());
            if (action != null && action.isWeb() && f.asksPersonalData() && !f.passwordField()) { // passwords: above
                out.add(EmailSignals.FORM_EXTERNAL_POST.fire(f.where() + " form asks for personal details and posts to "
                        + LinkRules.abbreviate(f.action())));
                break;
            }
        }
    }

    private void massLures(Map<String, String> found, List<Signal> out) {
        List<Signal> lures = new ArrayList<>();
        for (String category : MASS_LURES) {
            String hit = found.get(category);
            if (hit != null) {
                lures.add(definition(category).fire("Text: \"" + hit.strip() + "\""));
            }
        }
        double sum = lures.stream().mapToDouble(Signal::weight).sum();
        if (sum <= LURE_CAP) {
            out.addAll(lures);
            return;
        }
        double scale = LURE_CAP / sum;
        for (Signal s : lures) {
            out.add(new Signal(s.id(), Math.round(s.weight() * scale * 100) / 100.0,
                    s.evidence() + " (lure words together count at most " + LURE_CAP + ")", s.technique()));
        }
    }

    private void subjectLure(MessageView view, Map<String, String> inSubject, List<Signal> out) {
        for (String category : SUBJECT_CATEGORIES) {
            String hit = inSubject.get(category);
            if (hit != null) {
                out.add(EmailSignals.SUBJECT_LURE.fire("Subject: \"" + LinkRules.abbreviate(view.message().subject())
                        + "\" (" + category + ": \"" + hit.strip() + "\")"));
                return;
            }
        }
    }

    private void disguise(MessageView view, EmailContext ctx, List<Signal> out) {
        var m = view.message();
        String name = m.from() == null ? "" : m.from().displayName();
        String lowerSubjectAndName = (m.subject() + " " + name).toLowerCase(java.util.Locale.ROOT);
        String opening = TextFold.fold(view.visibleText().length() > 600 ? view.visibleText().substring(0, 600) : view.visibleText());
        for (var to : m.to()) {
            if (!to.address().contains("@") || (m.from() != null && to.address().equals(m.from().address()))) {
                continue;
            }
            if (lowerSubjectAndName.contains(to.address())) {
                out.add(EmailSignals.RECIPIENT_IN_SUBJECT.fire("Subject or sender name quotes the recipient " + to.address()));
                break;
            }
            if (greetsByAddress(opening, to.address())) {
                out.add(EmailSignals.RECIPIENT_IN_SUBJECT.fire("The text greets the reader by the address " + to.address()
                        + ": the sender knows nothing else about them"));
                break;
            }
        }
        String word = SuspiciousCharacters.disguisedWord(bounded(m.subject() + " " + name));
        if (word != null) {
            out.add(EmailSignals.CONFUSABLE_TEXT.fire("Subject or sender name writes \"" + word
                    + "\" in look-alike characters"));
        }
        int invisible = SuspiciousCharacters.countInvisible(m.subject()) + SuspiciousCharacters.countInvisible(view.visibleText());
        if (invisible >= 3) {
            out.add(EmailSignals.INVISIBLE_TEXT_CHARS.fire(invisible + " invisible characters in the subject and text"));
        }
        String token = repeatedInWordToken(m.text().isEmpty() ? view.visibleText() : m.text());
        if (token != null) {
            out.add(EmailSignals.TEXT_OBFUSCATION.fire("The token \"" + token + "\" is wedged into words again and again"));
        } else if ((token = taggedName(name)) != null) {
            out.add(EmailSignals.TEXT_OBFUSCATION.fire("The sender's name ends in the random tag \"" + token
                    + "\", which bulk tools vary from message to message to defeat duplicate detection"));
        } else {
            Matcher glued = GLUED_TOKEN.matcher(bounded(m.subject() + " " + name));
            while (glued.find()) {
                String t = glued.group(1);
                if (t.chars().anyMatch(Character::isDigit) && t.chars().filter(Character::isUpperCase).count() >= 3) {
                    out.add(EmailSignals.TEXT_OBFUSCATION.fire("Subject or sender name ends a word with the random token \""
                            + t + "\""));
                    break;
                }
            }
        }
        String borrowed = borrowedImageHost(view, ctx);
        if (borrowed != null) {
            out.add(EmailSignals.IMAGE_ON_SHARING_SITE.fire("The message's picture loads from " + borrowed
                    + ", a public image-sharing site"));
        }
        if (!view.hiddenTexts().isEmpty()) {
            out.add(EmailSignals.HIDDEN_TEXT.fire("HTML hides " + view.hiddenTexts().size() + " text block(s), e.g. \""
                    + view.hiddenTexts().get(0) + "\""));
        }
        int readable = view.readableChars();
        boolean attachments = !m.attachments().isEmpty() || !m.attachedMessages().isEmpty();
        if (readable < 20 && !attachments) {
            out.add(EmailSignals.NO_READABLE_TEXT.fire("The message body has " + readable + " readable characters"));
        } else if (readable < 150 && view.images() > 0 && !view.links().isEmpty()) {
            out.add(EmailSignals.NO_READABLE_TEXT.fire("The HTML is " + view.images() + " image(s) and a link with "
                    + readable + " characters of text"));
        }
    }

    private static final Pattern GREETING_WORD = Pattern.compile("\\b(?:hi|hello|hey|dear|hallo|beste|ola|oi|bonjour|"
            + "caro|cara|prezad[oa]|sehr geehrte[rs]?|guten tag|hola|estimad[oa]|querid[oa])[ ,]+$");

    /** "Hello jane@example.org," — a greeting that names the reader by address. */
    static boolean greetsByAddress(String foldedOpening, String address) {
        int at = foldedOpening.indexOf(address);
        if (at < 0) {
            return false;
        }
        int after = at + address.length();
        boolean punctuated = after < foldedOpening.length() && (foldedOpening.charAt(after) == ',' || foldedOpening.charAt(after) == '!');
        return GREETING_WORD.matcher(foldedOpening.substring(Math.max(0, at - 24), at)).find() || (punctuated && at < 300);
    }

    /** The image-sharing host the body's pictures load from, or {@code null}. */
    private static @Nullable String borrowedImageHost(MessageView view, EmailContext ctx) {
        for (String src : view.imageSources()) {
            WebUrl url = WebUrl.parse(src.startsWith("//") ? "https:" + src : src);
            if (url == null || url.asciiHost() == null) {
                continue;
            }
            for (String host : ctx.reference().imageSharingHosts()) {
                if (DomainNames.isWithin(url.asciiHost(), host)) {
                    return url.asciiHost();
                }
            }
        }
        return null;
    }

    /**
     * A random-looking token (letters and digits, six or more characters) glued into other words at least
     * three times: the filler that bulk tools splice into brand names.
     */
    static @Nullable String repeatedInWordToken(String text) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        String bounded = text.length() > LurePhrases.MAX_SCANNED ? text.substring(0, LurePhrases.MAX_SCANNED) : text;
        java.util.regex.Matcher m = SPLICED.matcher(URL_IN_TEXT.matcher(bounded).replaceAll(" ")); // ids in URLs are not words
        while (m.find()) {
            String t = m.group(1);
            if (t.chars().anyMatch(Character::isDigit) && t.chars().anyMatch(Character::isLetter)
                    && counts.merge(t, 1, Integer::sum) >= 3) {
                return t;
            }
        }
        return null;
    }

    /** A display name ending in a dotted tag of random letters: "Jouw Douglas Cadeaucoach .WUUNM", "OnlineSecurity...grEy". */
    private static final Pattern NAME_TAG = Pattern.compile("\\.\\s*\\.?\\s*([A-Za-z]{4,6})\\s*$");

    /** The random tag at the end of a display name, or {@code null}; all capitals or case mixed at random. */
    static @Nullable String taggedName(String name) {
        Matcher m = NAME_TAG.matcher(bounded(name));
        if (!m.find()) {
            return null;
        }
        String tag = m.group(1);
        boolean capitals = tag.chars().allMatch(Character::isUpperCase);
        boolean innerCapital = tag.substring(1).chars().anyMatch(Character::isUpperCase)
                && tag.chars().anyMatch(Character::isLowerCase);
        return capitals || innerCapital ? tag : null;
    }

    private static final Pattern URL_IN_TEXT = Pattern.compile("(?i)(?:https?://|www\\.)\\S+");
    private static final java.util.regex.Pattern SPLICED = java.util.regex.Pattern.compile(
            "(?<=[a-z])([A-Z0-9]{6,14})(?=[a-z])");
    /** A word followed without a space by a random token: "ImportanteIWWbxrzo4g", "verifiqueXJ34DNLwlN". */
    private static final Pattern GLUED_TOKEN = Pattern.compile("\\p{Ll}{3,}+([A-Z0-9][A-Za-z0-9]{8,40}+)\\b");

    /** Headers can be 256 KiB; what a reader sees of a subject or a name is far shorter. */
    static String bounded(String s) {
        return s.length() <= 1024 ? s : s.substring(0, 1024);
    }

    /** The ids of the body-lure signals (the kinds that the lure cap scales together). */
    static java.util.Set<String> massLureIds() {
        return MASS_LURE_IDS;
    }

    private static final java.util.Set<String> MASS_LURE_IDS = MASS_LURES.stream().map(c -> definition(c).id())
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private static SignalDefinition definition(String category) {
        return switch (category) {
            case "sign-in" -> EmailSignals.SIGN_IN_LURE;
            case "security-alert" -> EmailSignals.SECURITY_ALERT_LURE;
            case "urgency" -> EmailSignals.URGENCY;
            case "payment" -> EmailSignals.PAYMENT_LURE;
            case "prize" -> EmailSignals.PRIZE_LURE;
            case "delivery" -> EmailSignals.DELIVERY_LURE;
            case "crypto" -> EmailSignals.CRYPTO_LURE;
            case "extortion" -> EmailSignals.EXTORTION_LURE;
            case "greeting" -> EmailSignals.GENERIC_GREETING;
            case "advance-fee" -> EmailSignals.ADVANCE_FEE_LURE;
            case "callback" -> EmailSignals.CALLBACK_LURE;
            case "offer" -> EmailSignals.SCAM_OFFER_LURE;
            default -> throw new IllegalArgumentException(category);
        };
    }

    private static void phrase(Map<String, String> found, Map<String, String> inSubject, String category,
                               SignalDefinition def, List<Signal> out) {
        String hit = found.get(category);
        if (hit != null) {
            out.add(def.fire("Text: \"" + hit.strip() + "\""));
        } else if (inSubject.get(category) != null) {
            out.add(def.fire("Subject: \"" + inSubject.get(category).strip() + "\""));
        }
    }
}
