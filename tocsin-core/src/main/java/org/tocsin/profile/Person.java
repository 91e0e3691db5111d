package org.tocsin.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/** Someone at risk: their name is what a spoofed display name imitates. */
public record Person(
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty("emails") List<String> emails,
        @JsonProperty("organization") String organization) {
    public Person {
        Objects.requireNonNull(name, "person needs a name");
        emails = emails == null ? List.of() : List.copyOf(emails);
    }
}
