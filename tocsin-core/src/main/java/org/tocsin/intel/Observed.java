package org.tocsin.intel;

import java.util.Locale;
import java.util.Objects;

/**
 * Something seen, as attribution compares it with known indicators.
 *
 * @param type a STIX cyber-observable type: {@code domain-name}, {@code url}, {@code email-addr},
 *             {@code ipv4-addr}, {@code ipv6-addr}, {@code file} (value: SHA-256)
 */
public record Observed(String type, String value) {
    public Observed {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        if (!type.equals("url")) {
            value = value.strip().toLowerCase(Locale.ROOT); // names, addresses and hashes are case-insensitive
        }
    }
}
