package org.tocsin.intel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The curated threat actors bundled in {@code tocsin/intel/threat-actors.json}, loaded once.
 * Names are looked up case- and punctuation-insensitively: "Mint Sandstorm", "mint-sandstorm" and
 * "MINT_SANDSTORM" are one name, as are "TA453" and "TA 453". No two actors may share a name after
 * that normalisation; loading fails if they do. Immutable and thread-safe.
 */
public final class ThreatActors {
    static final String RESOURCE = "/tocsin/intel/threat-actors.json";
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-_.]+");
    private static volatile @Nullable ThreatActors bundled;

    private final List<ThreatActor> actors;
    private final Map<String, ThreatActor> byId;
    private final Map<String, ThreatActor> byName;

    private ThreatActors(List<ThreatActor> actors) {
        Map<String, ThreatActor> ids = new HashMap<>();
        Map<String, ThreatActor> names = new HashMap<>();
        for (ThreatActor a : actors) {
            if (ids.putIfAbsent(a.id(), a) != null) {
                throw new IllegalStateException("threat actor id '" + a.id() + "' appears twice");
            }
            for (String n : a.names()) {
                String key = normalise(n);
                if (key.isEmpty()) {
                    throw new IllegalStateException("threat actor '" + a.id() + "' has an empty name");
                }
                ThreatActor other = names.putIfAbsent(key, a);
                if (other != null && !other.equals(a)) {
                    throw new IllegalStateException("name '" + n + "' (" + key + ") belongs to both '"
                            + other.id() + "' and '" + a.id() + "'");
                }
            }
        }
        this.actors = List.copyOf(actors);
        this.byId = Map.copyOf(ids);
        this.byName = Map.copyOf(names);
    }

    /** The bundled list, read on first use. */
    public static ThreatActors bundled() {
        ThreatActors t = bundled;
        if (t == null) {
            synchronized (ThreatActors.class) {
                t = bundled;
                if (t == null) {
                    try (InputStream in = ThreatActors.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("missing resource " + RESOURCE);
                        }
                        t = read(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + RESOURCE, e);
                    }
                    bundled = t;
                }
            }
        }
        return t;
    }

    /**
     * Reads a document in the bundled file's format.
     *
     * @throws IllegalStateException if two actors share an id or a normalised name
     */
    public static ThreatActors read(InputStream json) throws IOException {
        Document doc = new ObjectMapper().readValue(json, Document.class);
        List<ThreatActor> list = new ArrayList<>();
        for (Entry e : doc.actors == null ? List.<Entry>of() : doc.actors) {
            if (e.id == null || e.name == null) {
                throw new IllegalStateException("threat actor #" + (list.size() + 1) + " lacks an id or a name");
            }
            list.add(new ThreatActor(e.id, e.name, orEmpty(e.aliases), e.country == null ? "" : e.country,
                    e.description == null ? "" : e.description, orEmpty(e.techniques), orEmpty(e.references)));
        }
        return new ThreatActors(list);
    }

    private static List<String> orEmpty(@Nullable List<String> list) {
        return list == null ? List.of() : list;
    }

    /** Every actor, in file order. */
    public List<ThreatActor> all() {
        return actors;
    }

    /** The actor whose preferred name or an alias is {@code name}, ignoring case, spaces, hyphens, underscores and dots. */
    public Optional<ThreatActor> byName(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(normalise(name)));
    }

    /** The actor an id, preferred name or alias designates (as {@link #byName}, ids also accepted). */
    public Optional<ThreatActor> resolve(@Nullable String alias) {
        if (alias == null) {
            return Optional.empty();
        }
        ThreatActor a = byId.get(alias.strip().toLowerCase(Locale.ROOT));
        return a != null ? Optional.of(a) : byName(alias);
    }

    /** The lookup key of a name: NFKC, lower case, without whitespace, hyphens, underscores and dots. */
    public static String normalise(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(n).replaceAll("");
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private static final class Document {
        @JsonProperty("actors") @Nullable List<Entry> actors;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private static final class Entry {
        @JsonProperty("id") @Nullable String id;
        @JsonProperty("name") @Nullable String name;
        @JsonProperty("aliases") @Nullable List<String> aliases;
        @JsonProperty("country") @Nullable String country;
        @JsonProperty("description") @Nullable String description;
        @JsonProperty("techniques") @Nullable List<String> techniques;
        @JsonProperty("references") @Nullable List<String> references;
    }
}
