package org.tocsin.intel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The indicators Tocsin ships: infrastructure a primary public source ties to an actor
 * ({@code tocsin/intel/known-indicators.json}, each with its source). Deliberately few; analysts add theirs.
 */
public final class KnownIndicators {
    static final String RESOURCE = "/tocsin/intel/known-indicators.json";
    private static volatile @Nullable List<KnownIndicator> bundled;

    private KnownIndicators() {
    }

    /** The bundled indicators, read on first use; every actor they name must be a bundled actor. */
    public static List<KnownIndicator> bundled() {
        List<KnownIndicator> b = bundled;
        if (b == null) {
            try (InputStream in = KnownIndicators.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                b = read(in, ThreatActors.bundled());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + RESOURCE, e);
            }
            bundled = b;
        }
        return b;
    }

    static List<KnownIndicator> read(InputStream json, ThreatActors actors) throws IOException {
        Document doc = new ObjectMapper().readValue(json, Document.class);
        List<KnownIndicator> out = new ArrayList<>();
        for (Entry e : doc.indicators == null ? List.<Entry>of() : doc.indicators) {
            String actor = actors.resolve(e.actor).map(ThreatActor::id)
                    .orElseThrow(() -> new IllegalStateException("indicator " + e.value + " names unknown actor " + e.actor));
            if (e.type == null || e.value == null || e.source == null) {
                throw new IllegalStateException("indicator " + e.value + " of " + e.actor + " lacks its type, value or source");
            }
            out.add(new KnownIndicator(new Observed(e.type, e.value), actor, e.confidence, e.source, e.note, e.techniques));
        }
        return List.copyOf(out);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private static final class Document {
        @JsonProperty("indicators") @Nullable List<Entry> indicators;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private static final class Entry {
        @JsonProperty("type") @Nullable String type;
        @JsonProperty("value") @Nullable String value;
        @JsonProperty("actor") @Nullable String actor;
        @JsonProperty("confidence") @Nullable String confidence;
        @JsonProperty("source") @Nullable String source;
        @JsonProperty("note") @Nullable String note;
        @JsonProperty("techniques") @Nullable List<String> techniques;
    }
}
