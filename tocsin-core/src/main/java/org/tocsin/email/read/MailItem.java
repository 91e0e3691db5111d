package org.tocsin.email.read;

import org.jspecify.annotations.Nullable;
import org.tocsin.email.MailMessage;

/** One message read from the input, or the reason it could not be read. Exactly one of the two is set. */
public record MailItem(String source, @Nullable MailMessage message, @Nullable String error) {
    public static MailItem of(MailMessage m) {
        return new MailItem(m.evidence().source(), m, null);
    }

    public static MailItem failed(String source, String error) {
        return new MailItem(source, null, error);
    }

    public boolean ok() {
        return message != null;
    }
}
