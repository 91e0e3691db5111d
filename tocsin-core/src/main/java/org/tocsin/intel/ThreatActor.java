package org.tocsin.intel;

import java.util.List;
import java.util.Objects;

/**
 * A known threat actor as Tocsin names it.
 *
 * @param id          stable slug, e.g. {@code apt42}; never changes once shipped
 * @param name        the preferred name, e.g. {@code APT42}
 * @param aliases     the other names vendors and governments use (the preferred name not repeated)
 * @param country     ISO 3166-1 alpha-2 code of the suspected sponsoring state, e.g. {@code IR}
 * @param description one or two factual sentences
 * @param techniques  MITRE ATT&amp;CK technique ids the actor is known to use (may be empty)
 * @param references  source URLs
 */
public record ThreatActor(String id, String name, List<String> aliases, String country, String description,
        List<String> techniques, List<String> references) {

    public ThreatActor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(description, "description");
        aliases = List.copyOf(aliases);
        techniques = List.copyOf(techniques);
        references = List.copyOf(references);
    }

    /** The preferred name followed by the aliases. */
    public List<String> names() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(name), aliases.stream()).toList();
    }
}
