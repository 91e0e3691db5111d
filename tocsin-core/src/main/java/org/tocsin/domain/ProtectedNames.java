package org.tocsin.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tocsin.profile.Contact;
import org.tocsin.profile.Organization;
import org.tocsin.profile.Profile;
import org.tocsin.reference.ProviderBrand;
import org.tocsin.reference.ReferenceData;

/** Builds the names a {@link LookalikeIndex} protects from a profile and, optionally, the provider brands. */
public final class ProtectedNames {
    private ProtectedNames() {
    }

    public static List<ProtectedName> of(Profile profile, ReferenceData reference, boolean withProviders) {
        List<ProtectedName> out = new ArrayList<>();
        for (Organization org : profile.organizations()) {
            Set<String> own = registrables(org.domains());
            List<String> labels = new ArrayList<>();
            for (String b : org.brands()) {
                labels.add(brandLabel(b, org.name()));
            }
            if (labels.isEmpty()) {
                for (String d : own) {
                    labels.add(unicodeLabel(d));
                }
            }
            for (String label : new LinkedHashSet<>(labels)) {
                String domain = domainFor(label, org.domains(), own, org.name());
                out.add(new ProtectedName(label, domain, org.name(), ProtectedName.Source.ORGANIZATION, own, false));
            }
        }
        for (Contact c : profile.contacts()) {
            for (String email : c.emails()) {
                String d = DomainNames.domainOfAddress(email);
                if (d == null || reference.freeMailDomains().contains(d)) {
                    continue; // a contact's gmail address says nothing about an organisation to imitate
                }
                String reg = DomainNames.registrable(d);
                String owner = c.organization() != null ? c.organization() : reg + " (contact " + c.name() + ")";
                out.add(new ProtectedName(unicodeLabel(reg), reg, owner, ProtectedName.Source.CONTACT,
                        Set.of(reg), false));
            }
        }
        if (withProviders) {
            for (ProviderBrand b : reference.providerBrands()) {
                Set<String> own = registrables(b.domains());
                String domain = own.isEmpty() ? b.label() : own.iterator().next();
                String owner = b.displayNames().isEmpty() ? b.label() : b.displayNames().get(0);
                out.add(new ProtectedName(b.label(), domain, owner, ProtectedName.Source.PROVIDER, own,
                        b.ordinaryWord() || b.shortLabel()));
            }
        }
        return out;
    }

    /**
     * Labels are kept in Unicode, as the index compares them (müller, not xn--mller-kva), so that a protected
     * IDN is matched like any other.
     */
    private static String unicodeLabel(String registrable) {
        return DomainNames.toUnicode(DomainNames.registrableLabel(registrable));
    }

    /** A profile brand as a label: one valid host label (UTS #46), in Unicode; anything else is the profile's error. */
    private static String brandLabel(String brand, String organization) {
        String ascii = DomainNames.toAscii(brand.strip());
        if (ascii == null || ascii.indexOf('.') >= 0 || ascii.length() > 63) {
            throw new IllegalArgumentException("brand \"" + brand + "\" of " + organization
                    + " is not a domain label (letters, digits and hyphens, at most 63)");
        }
        return DomainNames.toUnicode(ascii);
    }

    /**
     * The protected domain an alert names for a label: the registrable domain the label heads
     * (washingtonpost.com), else a listed host carrying the label (abcnews.go.com), else the first listed domain.
     */
    private static @Nullable String domainFor(String label, List<String> listed, Set<String> own, String fallback) {
        for (String d : own) {
            if (unicodeLabel(d).equals(label)) {
                return d;
            }
        }
        for (String d : listed) {
            String ascii = DomainNames.toAscii(d);
            String host = ascii == null ? null : DomainNames.toUnicode(ascii);
            if (host != null && (host.startsWith(label + ".") || host.contains("." + label + "."))) {
                return ascii;
            }
        }
        return own.isEmpty() ? fallback : own.iterator().next();
    }

    private static Set<String> registrables(List<String> domains) {
        Set<String> out = new LinkedHashSet<>();
        for (String d : domains) {
            String ascii = DomainNames.toAscii(d);
            if (ascii != null) {
                out.add(DomainNames.registrable(ascii));
            }
        }
        return out;
    }
}
