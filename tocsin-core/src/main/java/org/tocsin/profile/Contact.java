package org.tocsin.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/** A known correspondent (journalist, think-tank fellow, organiser) whose name gets impersonated. */
public record Contact(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("emails") List<String> emails,
        @JsonProperty("organization") String organization) {
    public Contact {
        Objects.requireNonNull(name, "contact needs a name");
        emails = emails == null ? List.of() : List.copyOf(emails);
    }
}
