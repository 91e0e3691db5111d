package org.tocsin.store.stix;

import java.util.List;

/** What {@link StixObjects#add} did with each object it was given, in the order given (a TAXII status's details). */
public record AddResult(List<Outcome> outcomes) {
    public AddResult {
        outcomes = List.copyOf(outcomes);
    }

    /** What happened to one object. */
    public enum Kind {
        /** stored as a new version */
        ADDED,
        /** this version was in the collection already: nothing changed */
        ALREADY_PRESENT,
        /** not a STIX 2.1 object the store can keep; the message says why */
        REJECTED
    }

    /**
     * One object's outcome: its id and version as far as they could be read (the id may be empty and the version
     * null for a rejected object), and a sentence for the TAXII status.
     */
    public record Outcome(String id, String version, Kind kind, String message) {
        public boolean succeeded() {
            return kind != Kind.REJECTED;
        }
    }

    public long count(Kind kind) {
        return outcomes.stream().filter(o -> o.kind() == kind).count();
    }
}
