package org.tocsin.store;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.tocsin.domain.DomainNames;
import org.tocsin.signal.Indicator;

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

    /**
     * An observable from someone else's data, checked to be what its type says: a domain name (IDN to ASCII), an
     * IPv4 or IPv6 address, an e-mail address, a SHA-256, or a URL.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Observable checked(String type, String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.length() > 4096) {
            throw new IllegalArgumentException(v.isEmpty() ? "empty value" : "value longer than 4096 characters");
        }
        switch (type) {
            case "domain-name" -> {
                String ascii = DomainNames.toAscii(v);
                if (ascii == null || ascii.indexOf('.') < 0) {
                    throw new IllegalArgumentException("not a domain name");
                }
                return new Observable(type, ascii);
            }
            case "ipv4-addr", "ipv6-addr" -> {
                if (DomainNames.isIpv4(v)) {
                    return new Observable("ipv4-addr", v);
                }
                if (v.indexOf(':') >= 0 && IPV6.matcher(v).matches()) {
                    return new Observable("ipv6-addr", v.toLowerCase(Locale.ROOT));
                }
                throw new IllegalArgumentException("not an IP address");
            }
            case "email-addr" -> {
                if (v.indexOf('@') <= 0 || DomainNames.domainOfAddress(v) == null) {
                    throw new IllegalArgumentException("not an e-mail address");
                }
                return new Observable(type, v);
            }
            case "file" -> {
                if (!SHA256.matcher(v).matches()) {
                    throw new IllegalArgumentException("not a SHA-256");
                }
                return new Observable(type, v);
            }
            case "url" -> {
                return new Observable(type, v);
            }
            default -> throw new IllegalArgumentException("Tocsin keeps no " + type + " observables");
        }
    }

    /**
     * The STIX type a bare value has by its shape, the one place Tocsin guesses it: a URL has a scheme, an e-mail
     * address an {@code @}, an IP address its digits and dots or colons, a SHA-256 64 hex digits; the rest is a
     * domain name. {@link #checked} then says whether the value really is one.
     */
    public static String typeOf(String value) {
        String v = value.strip();
        if (v.contains("://")) {
            return "url";
        }
        if (v.contains("@")) {
            return "email-addr";
        }
        if (DomainNames.isIpv4(v)) {
            return "ipv4-addr";
        }
        if (v.indexOf(':') >= 0) {
            return "ipv6-addr";
        }
        return SHA256.matcher(v).matches() ? "file" : "domain-name";
    }

    /** An analysis's indicator as the observable that links its finding to others. */
    public static Observable of(Indicator indicator) {
        String v = indicator.value();
        return switch (indicator.type()) {
            case URL -> new Observable("url", v);
            case DOMAIN -> new Observable("domain-name", v);
            case EMAIL -> new Observable("email-addr", v);
            case IP -> new Observable(typeOf(v).equals("ipv6-addr") ? "ipv6-addr" : "ipv4-addr", v);
            case SHA256 -> new Observable("file", v);
        };
    }

    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(/\\d{1,3})?");
    private static final Pattern SHA256 = Pattern.compile("[0-9A-Fa-f]{64}");

    /** As attribution compares it. */
    public org.tocsin.intel.Observed observed() {
        return new org.tocsin.intel.Observed(type, value);
    }

    /** The deterministic STIX id, the same in every Tocsin store and in any STIX producer. */
    public String stixId() {
        return type.equals("file") ? StixIds.forFileSha256(value) : StixIds.forValue(type, value);
    }
}
