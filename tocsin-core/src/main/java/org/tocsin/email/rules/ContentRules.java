package org.tocsin.email.rules;

import java.util.List;
import org.tocsin.domain.DomainNames;
import org.tocsin.domain.WebUrl;
import org.tocsin.email.EmailContext;
import org.tocsin.email.EmailSignals;
import org.tocsin.email.HtmlForm;
import org.tocsin.email.LurePhrases;
import org.tocsin.email.MessageView;
import org.tocsin.signal.Signal;
import org.tocsin.signal.SignalDefinition;

/**
 * What the message asks of its reader: credential forms, sign-in and security-alert lures, urgency,
 * payment lures, the rapport lures APT42 used (interview requests, event invitations, think-tank
 * collaboration, shared documents), hidden text and self-redirecting HTML.
 */
public final class ContentRules implements EmailRule {
    private final LurePhrases phrases = LurePhrases.bundled();

    @Override
    public void apply(MessageView view, EmailContext ctx, List<Signal> out) {
        for (HtmlForm f : view.forms()) {
            if (f.passwordField()) {
                out.add(EmailSignals.CREDENTIAL_FORM.fire(f.where() + " has a password field"
                        + (f.action().isEmpty() ? "" : " posting to " + LinkRules.abbreviate(f.action()))));
                break;
            }
        }
        for (HtmlForm f : view.forms()) {
            WebUrl action = WebUrl.parse(f.action());
            if (action != null && action.isWeb() && f.asksPersonalData()) {
                out.add(EmailSignals.FORM_EXTERNAL_POST.fire(f.where() + " form posts to " + LinkRules.abbreviate(f.action())));
                break;
            }
        }
        String text = view.searchText();
        phrase("sign-in", EmailSignals.SIGN_IN_LURE, text, out);
        phrase("security-alert", EmailSignals.SECURITY_ALERT_LURE, text, out);
        phrase("urgency", EmailSignals.URGENCY, text, out);
        phrase("payment", EmailSignals.PAYMENT_LURE, text, out);
        phrase("interview", EmailSignals.INTERVIEW_LURE, text, out);
        phrase("event", EmailSignals.EVENT_INVITATION_LURE, text, out);
        phrase("collaboration", EmailSignals.COLLABORATION_LURE, text, out);
        String from = view.message().fromDomain();
        String fromReg = from == null ? null : DomainNames.registrable(from);
        if (!ctx.isProviderDomain(fromReg)) {
            // a genuine share notice comes from the sharing service itself
            phrase("document-shared", EmailSignals.DOCUMENT_SHARED_LURE, text, out);
        }
        if (!view.hiddenTexts().isEmpty()) {
            out.add(EmailSignals.HIDDEN_TEXT.fire("HTML hides " + view.hiddenTexts().size() + " text block(s), e.g. \""
                    + view.hiddenTexts().get(0) + "\""));
        }
        if (!view.refreshTargets().isEmpty()) {
            out.add(EmailSignals.HTML_REFRESH.fire("HTML redirects itself (meta refresh) to "
                    + LinkRules.abbreviate(view.refreshTargets().get(0))));
        }
    }

    private void phrase(String category, SignalDefinition def, String text, List<Signal> out) {
        String hit = phrases.find(category, text);
        if (hit != null) {
            out.add(def.fire("Text: \"" + hit.strip() + "\""));
        }
    }
}
