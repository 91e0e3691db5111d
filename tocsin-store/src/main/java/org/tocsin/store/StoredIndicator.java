package org.tocsin.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.tocsin.intel.KnownIndicator;

/**
 * A known indicator kept in the store: added by an analyst or imported from a STIX bundle or MISP event.
 *
 * @param id         a STIX indicator id: the source's own, or a UUIDv5 for one added here
 * @param actor      a Tocsin actor id, or the name a source gave an actor Tocsin does not know; null for none
 * @param stixOrigin true when the source's STIX indicator is kept verbatim (exports pass it on as received)
 */
public record StoredIndicator(String id, Observable observable, String actor, String confidence, String source,
                              String note, List<String> techniques, Tlp tlp, Instant addedAt, boolean stixOrigin) {
    /**
     * The end of the note of an indicator whose source gave no usable date: {@code addedAt} is then the moment of its
     * import, the one true date there is, and the note says so rather than let it pass for the source's.
     */
    public static final String UNDATED = "[no date from the source: dated by its import into Tocsin]";

    /** The note with {@link #UNDATED} at its end. */
    public static String undated(String note) {
        return note == null || note.isEmpty() ? UNDATED : note + " " + UNDATED;
    }

    public StoredIndicator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(observable, "observable");
        confidence = KnownIndicator.Level.parse(confidence).word();
        Objects.requireNonNull(source, "source");
        note = note == null ? "" : note;
        techniques = techniques == null ? List.of() : List.copyOf(techniques);
        Objects.requireNonNull(tlp, "tlp");
        addedAt = addedAt.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The id of an analyst's indicator: the same observable, actor and source, the same indicator. */
    public static String analystId(Observable o, String actor, String source) {
        return "indicator--" + StixIds.uuid5(StixIds.TOCSIN, "analyst:" + o.stixId() + "\n" + actor + "\n" + source);
    }

    /** What attribution compares cases with. */
    public KnownIndicator known() {
        return new KnownIndicator(observable.observed(), actor, confidence, source, note, techniques);
    }
}
