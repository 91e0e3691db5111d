package org.tocsin.email;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A mailbox as written in a header: the display name (decoded, may be empty) and the address.
 * {@code address} is lower-cased; {@code domain} is its ASCII domain or {@code null}.
 */
public record MailAddress(String displayName, String address, @Nullable String domain) {
    public MailAddress {
        displayName = displayName == null ? "" : displayName.strip();
        address = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
    }

    public String localPart() {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at);
    }

    @Override
    public String toString() {
        return displayName.isEmpty() ? "<" + address + ">" : "\"" + displayName + "\" <" + address + ">";
    }
}
