package org.tocsin.email;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tocsin.domain.Confusables;
import org.tocsin.domain.DomainNames;
import org.tocsin.domain.LookalikeIndex;
import org.tocsin.domain.ProtectedNames;
import org.tocsin.profile.Contact;
import org.tocsin.profile.Organization;
import org.tocsin.profile.Person;
import org.tocsin.profile.Profile;
import org.tocsin.reference.ProviderBrand;
import org.tocsin.reference.ReferenceData;

/**
 * Everything the email rules know besides the message: the profile, the reference lists, the lookalike
 * index and name tables derived from them. Built once per run and shared read-only by all messages.
 */
public final class EmailContext {
    /**
     * A name someone could impersonate, with the addresses and domains that legitimately use it.
     *
     * @param caution the name is short or an everyday word (Apple, Target, Signal): it counts as a claim only
     *                where it leads a display name, and never inside a URL
     */
    public record KnownName(String name, List<String> tokens, Set<String> addresses, Set<String> domains, String role,
                            boolean caution) {
    }

    /** The role of a protected person of the profile (the other people are contacts). */
    public static final String PROTECTED_PERSON = "protected person";
    private final Profile profile;
    private final ReferenceData reference;
    private final LookalikeIndex lookalikes;
    private final List<KnownName> people = new ArrayList<>();
    private final Map<String, KnownName> brandsByNormalisedName = new HashMap<>();
    private final Set<String> protectedDomains = new HashSet<>();
    private final Set<String> trustedAuthservIds = new HashSet<>();
    private final List<String> trustedRelays = new ArrayList<>();
    private final Set<String> providerDomains = new HashSet<>();
    private final Set<String> contactDomains = new HashSet<>();

    public EmailContext(Profile profile, ReferenceData reference) {
        this.profile = profile;
        this.reference = reference;
        this.lookalikes = LookalikeIndex.of(ProtectedNames.of(profile, reference, true));
        for (Person p : profile.people()) {
            people.add(known(p.name(), p.emails(), PROTECTED_PERSON));
        }
        for (Contact c : profile.contacts()) {
            KnownName k = known(c.name(), c.emails(), "contact");
            people.add(k);
            for (String d : k.domains()) {
                if (!reference.freeMailDomains().contains(d)) {
                    contactDomains.add(d);
                }
            }
        }
        for (Organization o : profile.organizations()) {
            Set<String> domains = new HashSet<>();
            for (String d : o.domains()) {
                String a = DomainNames.toAscii(d);
                if (a != null) {
                    domains.add(DomainNames.registrable(a));
                }
            }
            protectedDomains.addAll(domains);
            brandsByNormalisedName.put(normaliseName(o.name()),
                    new KnownName(o.name(), tokens(o.name()), Set.of(), domains, "protected organisation", false));
        }
        for (ProviderBrand b : reference.providerBrands()) {
            Set<String> domains = new HashSet<>(b.domains());
            providerDomains.addAll(domains);
            for (String n : b.displayNames()) {
                String key = normaliseName(n);
                if (key.length() >= 3) {
                    boolean caution = b.shortLabel() || b.ordinaryWord() || key.length() <= 4;
                    brandsByNormalisedName.merge(key, new KnownName(n, tokens(n), Set.of(), domains, "provider", caution),
                            (x, y) -> {
                                Set<String> all = new HashSet<>(x.domains());
                                all.addAll(y.domains());
                                return new KnownName(x.name(), x.tokens(), Set.of(), all, x.role(), x.caution() || y.caution());
                            });
                }
            }
        }
        for (String id : profile.trustedAuthservIds()) {
            trustedAuthservIds.add(id.toLowerCase(Locale.ROOT));
        }
        for (String relay : profile.trustedRelays()) {
            trustedRelays.add(relay.strip().toLowerCase(Locale.ROOT).replaceFirst("^\\*?\\.", ""));
        }
    }

    private static KnownName known(String name, List<String> emails, String role) {
        Set<String> addresses = new HashSet<>();
        Set<String> domains = new HashSet<>();
        for (String e : emails) {
            addresses.add(e.toLowerCase(Locale.ROOT));
            String d = DomainNames.domainOfAddress(e);
            if (d != null) {
                domains.add(DomainNames.registrable(d));
            }
        }
        return new KnownName(name, tokens(name), addresses, domains, role, false);
    }

    /** Skeleton-folded words of a name, so {@code Micr0soft}, {@code PayPaI} and Cyrillic look-alikes match. */
    public static List<String> tokens(String name) {
        List<String> out = new ArrayList<>();
        for (String t : Confusables.skeleton(name).split("[^\\p{L}\\p{N}]+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    public static String normaliseName(String name) {
        return String.join(" ", tokens(name));
    }

    public Profile profile() {
        return profile;
    }

    public ReferenceData reference() {
        return reference;
    }

    public LookalikeIndex lookalikes() {
        return lookalikes;
    }

    /** Protected people and contacts. */
    public List<KnownName> people() {
        return people;
    }

    /** Organisation and provider names by {@link #normaliseName normalised} name. */
    public Map<String, KnownName> brands() {
        return brandsByNormalisedName;
    }

    public boolean isProtectedDomain(@Nullable String registrable) {
        return registrable != null && protectedDomains.contains(registrable);
    }

    /** A domain of the profile's organisations, of a contact's organisation, or of a major provider. */
    public boolean isKnownDomain(@Nullable String registrable) {
        return isProtectedDomain(registrable) || isProviderDomain(registrable)
                || (registrable != null && contactDomains.contains(registrable));
    }

    public boolean isProviderDomain(@Nullable String registrable) {
        return registrable != null && providerDomains.contains(registrable);
    }

    public boolean isFreeMail(@Nullable String domain) {
        return domain != null && reference.freeMailDomains().contains(domain);
    }

    public boolean trusts(String authservId) {
        return trustedAuthservIds.contains(authservId.toLowerCase(Locale.ROOT));
    }

    /** True when a mail server of this name is one of the defender's own relays (profile {@code trusted_relays}). */
    public boolean trustsRelay(String host) {
        for (String relay : trustedRelays) {
            if (ReceivedChain.isUnder(host, relay)) {
                return true;
            }
        }
        return false;
    }

    public boolean hasTrustedRelays() {
        return !trustedRelays.isEmpty();
    }
}
