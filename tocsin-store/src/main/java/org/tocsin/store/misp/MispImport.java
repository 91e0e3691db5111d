package org.tocsin.store.misp;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tocsin.intel.KnownIndicator;
import org.tocsin.intel.ThreatActor;
import org.tocsin.intel.ThreatActors;
import org.tocsin.store.ImportSummary;
import org.tocsin.store.Observable;
import org.tocsin.store.StixIds;
import org.tocsin.store.Store;
import org.tocsin.store.StoredIndicator;
import org.tocsin.store.Tlp;

/**
 * Reads MISP events (Tocsin's own exports and a MISP instance's: {@code {"Event": …}}, a bare event, or a
 * {@code {"response": [ … ]}} list) into known indicators. Each attribute flagged for detection whose type
 * Tocsin keeps (domain, hostname, ip-src/ip-dst and their |port forms, domain|ip, url, email addresses,
 * sha256, filename|sha256, and the same inside MISP objects) becomes an indicator with the attribute's uuid:
 * the actor from a threat-actor, Microsoft activity-group or MITRE intrusion-set galaxy tag (attribute's, else
 * the event's), the confidence from an estimative-language tag (else low: a source that states none is not
 * vouching), the TLP and ATT&amp;CK/DISARM techniques from the tags, the comment as the note. Context-only
 * attributes and other types are counted, not kept; a malformed attribute is a problem, and the rest goes on.
 *
 * <p>Dates are never invented. An indicator is dated by its attribute's {@code timestamp}, else its event's
 * {@code date}, else its event's {@code timestamp}; each unreadable one is a problem. With none usable the
 * attribute is still kept, dated by its import into this store (a true date, the only one there is), its note
 * ending {@value #UNDATED} and the summary naming it.
 *
 * <p>Tocsin's own findings, in its own export, are recognised by their attribute UUID
 * ({@link MispEvent#findingAttributeUuid}) and left out with a note: taken as intelligence they would be cited as
 * evidence for themselves. The kept indicators the export carries come back as what they are.
 */
public final class MispImport {
    private static final Pattern TECHNIQUE = Pattern.compile("\\b(T\\d{4}(?:\\.\\d{3})?)\\b");
    private static final Pattern QUOTED = Pattern.compile("=\"(.*)\"$");
    private static final Pattern MITRE_SUFFIX = Pattern.compile("\\s+-\\s+G\\d{4}$");
    private static final Set<String> ACTOR_GALAXIES = Set.of("misp-galaxy:threat-actor", "misp-galaxy:microsoft-activity-group",
            "misp-galaxy:mitre-intrusion-set");
    /** Ends the note of an indicator whose source gave no usable date. */
    static final String UNDATED = StoredIndicator.UNDATED;
    /** The latest second a store's TIMESTAMP column and {@link Instant} both hold (9999-12-31T23:59:59Z). */
    private static final long MAX_EPOCH_SECOND = 253_402_300_799L;
    private final ThreatActors actors;

    public MispImport(ThreatActors actors) {
        this.actors = actors;
    }

    /** Reads every event in a document into the store. */
    public ImportSummary into(Store store, JsonNode document) throws SQLException {
        ImportSummary summary = new ImportSummary();
        into(store, document, summary);
        return summary;
    }

    /**
     * Reads every event in a document into the store, counting into {@code summary} as it goes (a caller whose import
     * ends early, the store's connection lost, can still say what went in).
     */
    public void into(Store store, JsonNode document, ImportSummary summary) throws SQLException {
        Instant now = Instant.now();
        List<JsonNode> events = new ArrayList<>();
        if (document.has("response") && document.get("response").isArray()) {
            document.get("response").forEach(events::add);
        } else {
            events.add(document);
        }
        for (JsonNode doc : events) {
            JsonNode event = doc.has("Event") ? doc.get("Event") : doc;
            if (!event.isObject() || !event.has("Attribute") && !event.has("Object")) {
                summary.problem("not a MISP event: no Event with Attribute or Object");
                continue;
            }
            for (StoredIndicator i : read(event, summary, now)) { // each its own transaction: one refused loses no other
                summary.unit("attribute " + i.id().replace("indicator--", ""), () -> summary.indicator(store.addIndicator(i)));
            }
        }
    }

    /** @param now when this import runs: the date of an attribute its source left undated */
    List<StoredIndicator> read(JsonNode event, ImportSummary summary, Instant now) {
        String info = event.path("info").asText("");
        String source = "MISP event " + event.path("uuid").asText("?") + (info.isEmpty() ? "" : ": " + info)
                + (event.path("Orgc").hasNonNull("name") ? " (" + event.path("Orgc").get("name").asText() + ")" : "");
        Context eventContext = context(event, new Context(null, null, Tlp.AMBER, new LinkedHashSet<>()));
        Instant eventTime = eventTime(event, summary);
        List<StoredIndicator> out = new ArrayList<>();
        List<JsonNode> attributes = new ArrayList<>();
        event.path("Attribute").forEach(attributes::add);
        for (JsonNode object : event.path("Object")) {
            object.path("Attribute").forEach(attributes::add);
        }
        for (JsonNode a : attributes) {
            String label = "attribute " + a.path("uuid").asText("?") + " (" + a.path("type").asText("?") + " "
                    + abbreviate(a.path("value").asText("")) + ")";
            try {
                if (!a.path("to_ids").asBoolean(false)) {
                    summary.notKept(); // context, not an indicator
                    continue;
                }
                Context c = context(a, eventContext);
                List<Observable> observables = observables(a.path("type").asText(""), a.path("value").asText(""));
                if (observables.isEmpty()) {
                    summary.notKept();
                    continue;
                }
                UUID uuid = UUID.fromString(a.path("uuid").asText());
                if (uuid.equals(MispEvent.findingAttributeUuid(observables.get(0)))) {
                    summary.ownFinding(label + ": Tocsin's own finding, not intelligence about it");
                    continue;
                }
                Instant added = dated(a, eventTime, label, summary);
                String note = a.path("comment").asText("");
                if (added == null) {
                    added = now;
                    note = StoredIndicator.undated(note);
                }
                for (int n = 0; n < observables.size(); n++) {
                    UUID id = n == 0 ? uuid : StixIds.uuid5(uuid, "part:" + n); // domain|ip: two indicators
                    out.add(new StoredIndicator("indicator--" + id, observables.get(n), c.actor(),
                            c.confidence() == null ? "low" : c.confidence(), source, note,
                            List.copyOf(c.techniques()), c.tlp(), added, false));
                }
            } catch (IllegalArgumentException e) {
                summary.problem(label + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** When an event dates its knowledge: its date, else its timestamp; null when neither is usable (each unreadable one a problem). */
    private static Instant eventTime(JsonNode event, ImportSummary summary) {
        Instant date = null;
        Instant timestamp = null;
        String what = "event " + event.path("uuid").asText("?");
        try {
            date = present(event, "date") ? day(event.get("date").asText()) : null;
        } catch (IllegalArgumentException e) {
            summary.problem(what + ": " + e.getMessage());
        }
        try {
            timestamp = present(event, "timestamp") ? epochSecond(event.get("timestamp").asText()) : null;
        } catch (IllegalArgumentException e) {
            summary.problem(what + ": " + e.getMessage());
        }
        return date != null ? date : timestamp;
    }

    /** When an attribute's knowledge dates from: its own timestamp, else its event's time; null when there is none. */
    private static Instant dated(JsonNode a, Instant eventTime, String label, ImportSummary summary) {
        String unreadable = null;
        if (present(a, "timestamp")) {
            try {
                return epochSecond(a.get("timestamp").asText());
            } catch (IllegalArgumentException e) {
                unreadable = e.getMessage();
            }
        }
        if (eventTime != null) {
            if (unreadable != null) {
                summary.problem(label + ": " + unreadable + "; dated by its event");
            }
            return eventTime;
        }
        summary.problem(label + ": no usable date (" + (unreadable != null ? unreadable : "no timestamp")
                + ", none on its event): kept, dated by its import into this store");
        return null;
    }

    private static boolean present(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull() && !v.asText().isEmpty();
    }

    /** A MISP date, YYYY-MM-DD, as the start of that day in UTC. */
    private static Instant day(String text) {
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("date '" + abbreviate(text) + "' is not a date (YYYY-MM-DD)");
        }
    }

    /** A MISP timestamp: seconds since 1970, as a string of digits. */
    private static Instant epochSecond(String text) {
        long seconds = text.matches("[0-9]{1,12}") ? Long.parseLong(text) : -1;
        if (seconds <= 0 || seconds > MAX_EPOCH_SECOND) {
            throw new IllegalArgumentException("timestamp '" + abbreviate(text) + "' is not a time (seconds since 1970)");
        }
        return Instant.ofEpochSecond(seconds);
    }

    /** What tags say about an event or attribute: actor, confidence, TLP, techniques (an attribute's own override). */
    private record Context(String actor, String confidence, Tlp tlp, Set<String> techniques) {
    }

    private Context context(JsonNode node, Context inherited) {
        String actor = inherited.actor();
        String confidence = inherited.confidence();
        Tlp tlp = inherited.tlp();
        Set<String> techniques = new LinkedHashSet<>(inherited.techniques());
        List<String> names = new ArrayList<>();
        node.path("Tag").forEach(t -> names.add(t.path("name").asText("")));
        for (JsonNode galaxy : node.path("Galaxy")) {
            for (JsonNode cluster : galaxy.path("GalaxyCluster")) {
                names.add("misp-galaxy:" + galaxy.path("type").asText("") + "=\"" + cluster.path("value").asText("") + "\"");
            }
        }
        for (String name : names) {
            String lower = name.toLowerCase(Locale.ROOT);
            int eq = name.indexOf('=');
            try {
                if (lower.startsWith("tlp:")) {
                    tlp = Tlp.parse(lower);
                } else if (eq > 0 && ACTOR_GALAXIES.contains(lower.substring(0, eq))) {
                    String value = MITRE_SUFFIX.matcher(unquote(name)).replaceAll("");
                    actor = actors.resolve(value).map(ThreatActor::id).orElse(value);
                } else if (lower.startsWith(CONFIDENCE_PREFIX)) {
                    confidence = KnownIndicator.Level.parse(unquote(name)).word();
                } else if (lower.startsWith("mitre-attack:") || lower.startsWith("disarm:")
                        || lower.startsWith("misp-galaxy:mitre-attack-pattern")) {
                    Matcher m = TECHNIQUE.matcher(name);
                    while (m.find()) {
                        techniques.add(m.group(1));
                    }
                }
            } catch (IllegalArgumentException e) {
                // a tag value outside what Tocsin reads (tlp:ex:chr, "very-high" …): the tag says nothing to Tocsin
            }
        }
        return new Context(actor, confidence, tlp, techniques);
    }

    private static final String CONFIDENCE_PREFIX = MispEvent.CONFIDENCE_TAG.toLowerCase(Locale.ROOT);

    private static String unquote(String tag) {
        Matcher m = QUOTED.matcher(tag);
        return m.find() ? m.group(1) : tag.substring(tag.indexOf('=') + 1);
    }

    /** The observables an attribute names; empty for types Tocsin does not keep. */
    static List<Observable> observables(String type, String value) {
        String v = value.strip();
        String[] parts = v.split("\\|", -1);
        return switch (type) {
            case "domain", "hostname" -> List.of(Observable.checked("domain-name", v));
            case "domain|ip" -> List.of(Observable.checked("domain-name", part(parts, 0)), Observable.checked("ipv4-addr", part(parts, 1)));
            case "ip-src", "ip-dst" -> List.of(Observable.checked("ipv4-addr", v));
            case "ip-src|port", "ip-dst|port" -> List.of(Observable.checked("ipv4-addr", part(parts, 0)));
            case "url" -> List.of(Observable.checked("url", v));
            case "email", "email-src", "email-dst" -> List.of(Observable.checked("email-addr", v));
            case "sha256" -> List.of(Observable.checked("file", v));
            case "filename|sha256" -> List.of(Observable.checked("file", part(parts, 1)));
            default -> List.of();
        };
    }

    private static String part(String[] parts, int i) {
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected two values separated by |");
        }
        return parts[i].strip();
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
