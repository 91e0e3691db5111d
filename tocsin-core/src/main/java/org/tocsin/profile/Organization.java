package org.tocsin.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * An organisation being defended.
 *
 * @param brands brand labels that lookalikes imitate; derived from the domains when absent
 */
public record Organization(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("kind") OrganizationKind kind,
        @JsonProperty("domains") List<String> domains,
        @JsonProperty("brands") List<String> brands) {
    public Organization {
        Objects.requireNonNull(name, "organization needs a name");
        kind = kind == null ? OrganizationKind.OTHER : kind;
        domains = domains == null ? List.of() : List.copyOf(domains);
        brands = brands == null ? List.of() : List.copyOf(brands);
    }
}
