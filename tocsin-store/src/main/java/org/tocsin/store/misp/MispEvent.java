package org.tocsin.store.misp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.tocsin.intel.Attribution;
import org.tocsin.intel.ThreatActor;
import org.tocsin.intel.ThreatActors;
import org.tocsin.signal.Signal;
import org.tocsin.store.Attributions;
import org.tocsin.store.ExportedFinding;
import org.tocsin.store.Observable;
import org.tocsin.store.StixIds;
import org.tocsin.store.Store;
import org.tocsin.store.StoredFinding;
import org.tocsin.store.StoredIndicator;
import org.tocsin.store.Tlp;

/**
 * Writes the store's malicious and suspicious findings and its known indicators as one MISP event (the JSON a
 * MISP instance imports with "Add event from JSON"): one attribute per distinct observable, flagged for
 * detection ({@code to_ids}), its comment naming the findings behind it (or the indicator's note); the actor as
 * a galaxy tag with the confidence as an estimative-language tag; the TLP and the ATT&amp;CK/DISARM techniques as
 * event tags. UUIDs are deterministic, so a re-export updates rather than duplicates, and {@link MispImport}
 * reads it back into known indicators.
 */
public final class MispEvent {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    static final String ACTOR_TAG = "misp-galaxy:threat-actor=";
    static final String CONFIDENCE_TAG = "estimative-language:confidence-in-analytic-judgment=";

    private MispEvent() {
    }

    /** Everything the store holds as one event; {@code tlp} null for the most restrictive of what it carries. */
    public static ObjectNode of(Store store, Tlp tlp, String info) throws java.sql.SQLException {
        List<StoredIndicator> indicators = store.indicators();
        Attributions attributions = Attributions.of(indicators, ThreatActors.bundled(), org.tocsin.reference.ReferenceData.bundled());
        return of(store.exportAll(), indicators, tlp, info, attributions::of, ThreatActors.bundled());
    }

    /**
     * @param tlp         the event's TLP, or null for the most restrictive of what it carries
     * @param attribution what each finding is attributed to (null: not assessed)
     */
    public static ObjectNode of(List<ExportedFinding> findings, List<StoredIndicator> indicators, Tlp tlp, String info,
                                Function<ExportedFinding, Attribution> attribution, ThreatActors actors) {
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        Set<String> techniques = new LinkedHashSet<>();
        Instant newest = Instant.EPOCH;
        Tlp strictest = Tlp.WHITE;
        boolean malicious = false;
        for (ExportedFinding ef : findings) {
            StoredFinding f = ef.finding();
            if (f.verdict().equals("clean")) {
                continue;
            }
            malicious |= f.verdict().equals("malicious");
            newest = later(newest, ef.evidence().ingestedAt());
            strictest = stricter(strictest, ef.evidence().tlp());
            for (Signal s : ef.signals()) {
                techniques.add(s.technique());
            }
            Attribution a = attribution.apply(ef);
            for (Observable o : ef.observables()) {
                Attribute attr = attributes.computeIfAbsent(o.stixId(), id -> new Attribute(
                        StixIds.uuid5(StixIds.TOCSIN, "misp-attribute:" + o.stixId()), o, new LinkedHashSet<>()));
                attr.comments().add("seen in " + f.kind() + " " + f.verdict() + ": " + f.subject());
                if (a != null && a.attributed() && attr.actor == null) {
                    attr.actor = a.actorName();
                    attr.confidence = a.confidence().word();
                }
            }
        }
        for (StoredIndicator i : indicators) {
            newest = later(newest, i.addedAt());
            strictest = stricter(strictest, i.tlp());
            techniques.addAll(i.techniques());
            Attribute attr = attributes.computeIfAbsent(i.observable().stixId(), id -> new Attribute(
                    UUID.fromString(i.id().substring(i.id().indexOf("--") + 2)), i.observable(), new LinkedHashSet<>()));
            attr.comments().add(i.note().isEmpty() ? i.source() : i.note());
            if (i.actor() != null && attr.actor == null) {
                attr.actor = actors.resolve(i.actor()).map(ThreatActor::name).orElse(i.actor());
                attr.confidence = i.confidence();
            }
        }
        Tlp level = tlp != null ? tlp : strictest;
        ObjectNode event = JSON.createObjectNode();
        ObjectNode e = event.putObject("Event");
        e.put("uuid", StixIds.uuid5(StixIds.TOCSIN, "misp-event:" + info).toString());
        e.put("info", info);
        e.put("date", DATE.format(newest.equals(Instant.EPOCH) ? Instant.now() : newest));
        e.put("threat_level_id", malicious ? "1" : "2"); // high / medium
        e.put("analysis", "1"); // ongoing
        e.put("distribution", level == Tlp.RED ? "0" : "1"); // your organisation only / this community
        e.put("published", false);
        e.putObject("Orgc").put("name", "Tocsin");
        ArrayNode tags = e.putArray("Tag");
        tags.addObject().put("name", "tlp:" + level.word());
        for (String t : techniques) {
            tags.addObject().put("name", t.startsWith("T0")
                    ? "disarm:technique=\"" + t + "\"" : "mitre-attack:attack-pattern=\"" + t + "\"");
        }
        ArrayNode attrs = e.putArray("Attribute");
        for (Attribute a : attributes.values()) {
            ObjectNode n = attrs.addObject();
            n.put("uuid", a.uuid().toString());
            n.put("type", mispType(a.observable()));
            n.put("category", category(a.observable()));
            n.put("value", a.observable().value());
            n.put("to_ids", true);
            n.put("comment", String.join("; ", a.comments()));
            if (a.actor != null) {
                ArrayNode at = n.putArray("Tag");
                at.addObject().put("name", ACTOR_TAG + "\"" + a.actor + "\"");
                at.addObject().put("name", CONFIDENCE_TAG + "\"" + a.confidence + "\"");
            }
        }
        return event;
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }

    private static Tlp stricter(Tlp a, Tlp b) {
        return b.ordinal() > a.ordinal() ? b : a;
    }

    /** One attribute being built: an observable, what was said about it, and the actor it points at, if any. */
    private static final class Attribute {
        private final UUID uuid;
        private final Observable observable;
        private final Set<String> comments;
        String actor;
        String confidence;

        Attribute(UUID uuid, Observable observable, Set<String> comments) {
            this.uuid = uuid;
            this.observable = observable;
            this.comments = comments;
        }

        UUID uuid() {
            return uuid;
        }

        Observable observable() {
            return observable;
        }

        Set<String> comments() {
            return comments;
        }
    }

    static String mispType(Observable o) {
        return switch (o.type()) {
            case "domain-name" -> "domain";
            case "email-addr" -> "email-src";
            case "ipv4-addr", "ipv6-addr" -> "ip-dst";
            case "file" -> "sha256";
            default -> o.type(); // url
        };
    }

    private static String category(Observable o) {
        return switch (o.type()) {
            case "email-addr", "file" -> "Payload delivery";
            default -> "Network activity";
        };
    }

    public static String write(ObjectNode event) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
