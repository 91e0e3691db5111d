package org.tocsin.store.misp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.tocsin.intel.Attribution;
import org.tocsin.intel.ThreatActor;
import org.tocsin.intel.ThreatActors;
import org.tocsin.signal.Signal;
import org.tocsin.signal.Verdict;
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
 * MISP instance imports with "Add event from JSON"): one attribute per distinct observable, its comment naming the
 * findings behind it (or the indicator's note); the actor as a galaxy tag with the confidence as an
 * estimative-language tag; the TLP and the ATT&amp;CK/DISARM techniques as event tags. UUIDs are deterministic, so a
 * re-export updates rather than duplicates.
 *
 * <p>What it asks of the instances that take it. Only a kept indicator (someone vouches for it) or an observable of
 * a malicious finding is flagged for detection ({@code to_ids}); a suspicious finding's are context, for an analyst
 * to look at, never for an IDS to block. A finding gives at most {@value #MAX_ATTRIBUTES_PER_FINDING} attributes
 * (addresses, files and domains before URLs): a newsletter that looked suspicious once held 2,233 links. How many
 * were left out is stated in a {@code comment} attribute of the event, one per such finding.
 *
 * <p>Reading it back. A finding's attribute has the UUID {@link #findingAttributeUuid} gives, a kept indicator's the
 * indicator's own: {@link MispImport} takes the kept indicators back and recognises our findings by that UUID
 * (wherever the event went in between), so that they never come back as intelligence citing themselves.
 */
public final class MispEvent {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    static final String ACTOR_TAG = "misp-galaxy:threat-actor=";
    static final String CONFIDENCE_TAG = "estimative-language:confidence-in-analytic-judgment=";
    /** Enough for every observable of a real lure (a sender, a few links, an attachment); far below a digest's links. */
    static final int MAX_ATTRIBUTES_PER_FINDING = 50;
    /** Which observables of a finding go first when there are more than the cap: the rarer, more telling kinds. */
    private static final List<String> TYPE_ORDER = List.of("file", "email-addr", "domain-name", "ipv4-addr", "ipv6-addr", "url");

    private MispEvent() {
    }

    /** Everything the store holds as one event; {@code tlp} null for the most restrictive of what it carries. */
    public static ObjectNode of(Store store, Tlp tlp, String info) throws java.sql.SQLException {
        List<StoredIndicator> indicators = store.indicators();
        Attributions attributions = Attributions.of(indicators, ThreatActors.bundled(), org.tocsin.reference.ReferenceData.bundled());
        return of(store.exportAll(), indicators, tlp, info, attributions::of, ThreatActors.bundled());
    }

    /** The UUID of the attribute a finding's observable becomes: how an import recognises Tocsin's own findings. */
    static UUID findingAttributeUuid(Observable o) {
        return StixIds.uuid5(StixIds.TOCSIN, "misp-attribute:" + o.stixId());
    }

    /**
     * @param tlp         the event's TLP, or null for the most restrictive of what it carries
     * @param attribution what each finding is attributed to (null: not assessed)
     */
    public static ObjectNode of(List<ExportedFinding> findings, List<StoredIndicator> indicators, Tlp tlp, String info,
                                Function<ExportedFinding, Attribution> attribution, ThreatActors actors) {
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        List<ObjectNode> leftOut = new ArrayList<>();
        Set<String> techniques = new LinkedHashSet<>();
        Instant newest = Instant.EPOCH;
        Tlp strictest = Tlp.WHITE;
        boolean malicious = false;
        // kept indicators first: an observable someone vouches for keeps that indicator's UUID and reads back as one
        for (StoredIndicator i : indicators) {
            newest = later(newest, i.addedAt());
            strictest = stricter(strictest, i.tlp());
            techniques.addAll(i.techniques());
            Attribute attr = attributes.computeIfAbsent(i.observable().stixId(), id -> new Attribute(
                    UUID.fromString(i.id().substring(i.id().indexOf("--") + 2)), i.observable()));
            attr.add(i.note().isEmpty() ? i.source() : i.note(), true, i.addedAt());
            if (i.actor() != null && attr.actor == null) {
                attr.actor = actors.resolve(i.actor()).map(ThreatActor::name).orElse(i.actor());
                attr.confidence = i.confidence();
            }
        }
        for (ExportedFinding ef : findings) {
            StoredFinding f = ef.finding();
            if (f.verdict().equals(Verdict.CLEAN.jsonName())) {
                continue;
            }
            boolean bad = f.verdict().equals(Verdict.MALICIOUS.jsonName());
            malicious |= bad;
            Instant at = ef.evidence().ingestedAt();
            newest = later(newest, at);
            strictest = stricter(strictest, ef.evidence().tlp());
            for (Signal s : ef.signals()) {
                techniques.add(s.technique());
            }
            Attribution a = attribution.apply(ef);
            List<Observable> exported = capped(ef.observables());
            if (exported.size() < ef.observables().size()) {
                leftOut.add(leftOut(ef, exported.size()));
            }
            for (Observable o : exported) {
                Attribute attr = attributes.computeIfAbsent(o.stixId(), id -> new Attribute(findingAttributeUuid(o), o));
                attr.add("seen in " + f.kind() + " " + f.verdict() + ": " + f.subject(), bad, at);
                if (a != null && a.attributed() && attr.actor == null) {
                    attr.actor = a.actorName();
                    attr.confidence = a.confidence().word();
                }
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
            n.put("uuid", a.uuid.toString());
            n.put("type", mispType(a.observable));
            n.put("category", category(a.observable));
            n.put("value", a.observable.value());
            n.put("to_ids", a.forDetection);
            n.put("timestamp", Long.toString(a.last.getEpochSecond())); // MISP's: when the attribute last changed
            n.put("comment", String.join("; ", a.comments));
            if (a.actor != null) {
                ArrayNode at = n.putArray("Tag");
                at.addObject().put("name", ACTOR_TAG + "\"" + a.actor + "\"");
                at.addObject().put("name", CONFIDENCE_TAG + "\"" + a.confidence + "\"");
            }
        }
        leftOut.forEach(attrs::add);
        return event;
    }

    /** The observables of a finding that become attributes: the most telling kinds first, at most the cap. */
    private static List<Observable> capped(List<Observable> observables) {
        if (observables.size() <= MAX_ATTRIBUTES_PER_FINDING) {
            return observables;
        }
        return observables.stream().sorted(Comparator.comparingInt(MispEvent::rank)).limit(MAX_ATTRIBUTES_PER_FINDING).toList();
    }

    private static int rank(Observable o) {
        int i = TYPE_ORDER.indexOf(o.type());
        return i < 0 ? TYPE_ORDER.size() : i;
    }

    /** A context attribute saying how many observables of a finding the cap left out. */
    private static ObjectNode leftOut(ExportedFinding ef, int exported) {
        StoredFinding f = ef.finding();
        int total = ef.observables().size();
        ObjectNode n = JSON.createObjectNode();
        n.put("uuid", StixIds.uuid5(StixIds.TOCSIN, "misp-left-out:" + f.id()).toString());
        n.put("type", "comment");
        n.put("category", "Other");
        n.put("value", String.format(Locale.ROOT, "Tocsin %s %s finding \"%s\": %d of its %d observables left out (at most %d"
                + " per finding are exported)", f.kind(), f.verdict(), f.subject(), total - exported, total, MAX_ATTRIBUTES_PER_FINDING));
        n.put("to_ids", false);
        n.put("timestamp", Long.toString(ef.evidence().ingestedAt().getEpochSecond()));
        return n;
    }

    private static Instant later(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }

    private static Tlp stricter(Tlp a, Tlp b) {
        return b.ordinal() > a.ordinal() ? b : a;
    }

    /** One attribute being built: an observable, what was said about it, and the actor it points at, if any. */
    private static final class Attribute {
        final UUID uuid;
        final Observable observable;
        final Set<String> comments = new LinkedHashSet<>();
        boolean forDetection;
        Instant last = Instant.EPOCH;
        String actor;
        String confidence;

        Attribute(UUID uuid, Observable observable) {
            this.uuid = uuid;
            this.observable = observable;
        }

        /** What one source says of it: a comment, whether it is known bad, and when. */
        void add(String comment, boolean knownBad, Instant at) {
            comments.add(comment);
            forDetection |= knownBad;
            last = later(last, at);
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
