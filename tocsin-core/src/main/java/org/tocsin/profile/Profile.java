package org.tocsin.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What is defended.
 *
 * @param trustedAuthservIds the authserv-ids (RFC 8601) of the defender's own mail system; only
 *                           Authentication-Results and ARC headers stamped by these are believed
 * @param trustedRelays      host names (or their parent domains) of the defender's own mail servers. Results
 *                           written above the hop where these servers took the message from the outside
 *                           are believed even without an authserv-id, which Exchange Online never writes
 * @param allowlist          domains known to be fine although they resemble a protected name (partners,
 *                           defensive registrations); the domain watch never alerts on them or their subdomains
 */
public record Profile(
        @JsonProperty("organizations") List<Organization> organizations,
        @JsonProperty("people") List<Person> people,
        @JsonProperty("contacts") List<Contact> contacts,
        @JsonProperty("trusted_authserv_ids") List<String> trustedAuthservIds,
        @JsonProperty("allowlist") List<String> allowlist,
        @JsonProperty("trusted_relays") List<String> trustedRelays) {
    public Profile {
        organizations = organizations == null ? List.of() : List.copyOf(organizations);
        people = people == null ? List.of() : List.copyOf(people);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        trustedAuthservIds = trustedAuthservIds == null ? List.of() : List.copyOf(trustedAuthservIds);
        allowlist = allowlist == null ? List.of() : List.copyOf(allowlist);
        trustedRelays = trustedRelays == null ? List.of() : List.copyOf(trustedRelays);
    }

    /** A profile that trusts no relay by name (authserv-ids only). */
    public Profile(List<Organization> organizations, List<Person> people, List<Contact> contacts,
                   List<String> trustedAuthservIds, List<String> allowlist) {
        this(organizations, people, contacts, trustedAuthservIds, allowlist, List.of());
    }

    public static Profile empty() {
        return new Profile(List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
