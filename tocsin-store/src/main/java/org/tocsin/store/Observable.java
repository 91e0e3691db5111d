package org.tocsin.store;

import java.util.Locale;
import java.util.Objects;

/**
 * Something a finding saw that another finding may see too: a domain, an address, a URL, a file hash.
 *
 * @param type a STIX cyber-observable type: {@code domain-name}, {@code ipv4-addr}, {@code ipv6-addr},
 *             {@code url}, {@code email-addr}, {@code file} (value: SHA-256)
 */
public record Observable(String type, String value) {
    public Observable {
        Objects.requireNonNull(type);
        Objects.requireNonNull(value);
        if (type.equals("domain-name") || type.equals("email-addr") || type.equals("file")) {
            value = value.toLowerCase(Locale.ROOT); // case-insensitive by nature; one id for all spellings
        }
    }

    /** The deterministic STIX id, the same in every Tocsin store and in any STIX producer. */
    public String stixId() {
        return type.equals("file") ? StixIds.forFileSha256(value) : StixIds.forValue(type, value);
    }
}
