package org.tocsin.store.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.tocsin.input.JsonLimits;
import org.tocsin.intel.Attribution;
import org.tocsin.intel.KnownIndicator.Level;
import org.tocsin.intel.ThreatActor;
import org.tocsin.intel.ThreatActors;
import org.tocsin.reference.ReferenceData;
import org.tocsin.signal.Signal;
import org.tocsin.store.Attributions;
import org.tocsin.store.ExportedFinding;
import org.tocsin.store.Findings;
import org.tocsin.store.Observable;
import org.tocsin.store.StixIds;
import org.tocsin.store.Store;
import org.tocsin.store.StoredFinding;
import org.tocsin.store.StoredIndicator;
import org.tocsin.store.Tlp;

/**
 * Writes the store as a STIX 2.1 bundle. For each finding: the SCOs it observed, an observed-data, and — when
 * malicious or suspicious — an indicator (STIX pattern) per observable with a sighting and "indicates"
 * relationships to the ATT&amp;CK and DISARM attack-patterns its signals cite; a report whose description is the
 * evidence and which carries the finding whole (Tocsin's property extension, so it imports back); a note
 * stating the attribution. Findings attributed to an actor join that actor's campaign, "attributed-to" its
 * intrusion-set. Analysts' and imported indicators follow, then foreign objects as received.
 *
 * <p>Every object is marked with its finding's TLP (or the override); an SCO or campaign shared by findings
 * of different TLPs takes the least (SCO: it may be shared by whoever may share any finding that saw it) or the
 * most (campaign: its dates summarise all its findings) restrictive. Ids are deterministic (UUIDv5), and an
 * object's {@code modified} changes only when what it says changes, so exporting twice gives the same objects
 * and a partner's store (or the TAXII server) keeps one version per change.
 */
public final class StixBundle {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** When Tocsin's identity object was first defined; fixed, so its id and timestamps never change. */
    static final String IDENTITY_CREATED = "2026-01-01T00:00:00.000Z";
    public static final String IDENTITY_ID = "identity--" + StixIds.uuid5(StixIds.TOCSIN, "identity:Tocsin");

    private final ReferenceData reference;
    private final ThreatActors actors;
    private final Tlp override;
    /** Every object by id; an SCO's entry stays null until build(), when its TLP is known. */
    private final Map<String, ObjectNode> objects = new LinkedHashMap<>();
    private final Map<String, Observable> scos = new LinkedHashMap<>();
    private final Map<String, Tlp> scoTlp = new HashMap<>();
    private final Map<String, Campaign> campaigns = new LinkedHashMap<>();

    /** @param override the TLP every object gets, or null for each finding's own */
    public StixBundle(ReferenceData reference, ThreatActors actors, Tlp override) {
        this.reference = reference;
        this.actors = actors;
        this.override = override;
        ObjectNode identity = sdo("identity", IDENTITY_ID, IDENTITY_CREATED);
        identity.put("name", "Tocsin");
        identity.put("identity_class", "system");
        identity.put("description", "Tocsin election threat-intelligence platform: findings with the evidence behind them.");
        objects.put(IDENTITY_ID, identity);
    }

    /** The findings alone, every object marked {@code tlp}, nothing attributed. */
    public static ObjectNode of(List<ExportedFinding> findings, Tlp tlp, ReferenceData reference) {
        return new StixBundle(reference, ThreatActors.bundled(), tlp).findings(findings, f -> null).build();
    }

    /**
     * Everything the store holds: its findings (attributed), its indicators and what partners sent.
     *
     * @param override the TLP every object gets, or null for each finding's own
     */
    public static ObjectNode of(Store store, Tlp override, ReferenceData reference) throws java.sql.SQLException {
        return of(store, override, reference, notice -> System.err.println("tocsin: " + notice));
    }

    /**
     * Everything the store holds, as {@link #of(Store, Tlp, ReferenceData)}.
     *
     * @param notices told, in a sentence, of each object left out (one nesting deeper than an import reads)
     */
    public static ObjectNode of(Store store, Tlp override, ReferenceData reference, Consumer<String> notices)
            throws java.sql.SQLException {
        return own(store, override, reference).foreign(new StixObjects(store.connection()).latestForeign(), notices).build();
    }

    /**
     * What Tocsin itself knows — findings, attributed, and the indicators kept (each marked with its own TLP) —
     * without what partners sent as received: what the TAXII server publishes, since partners' objects are theirs
     * to share.
     */
    public static ObjectNode published(Store store, ReferenceData reference) throws java.sql.SQLException {
        return own(store, null, reference).build();
    }

    private static StixBundle own(Store store, Tlp override, ReferenceData reference) throws java.sql.SQLException {
        List<StoredIndicator> indicators = store.indicators();
        Attributions attributions = Attributions.of(indicators, ThreatActors.bundled(), reference);
        return new StixBundle(reference, ThreatActors.bundled(), override)
                .findings(store.exportAll(), attributions::of, attributions.intelTime())
                .indicators(indicators);
    }

    /**
     * Adds findings.
     *
     * @param attribution what each finding is attributed to (null: not assessed)
     * @param intelTime   when the knowledge behind the attributions last changed; notes and campaign
     *                    relationships take it as their {@code modified}, so new indicators give new versions
     */
    public StixBundle findings(List<ExportedFinding> findings, Function<ExportedFinding, Attribution> attribution, Instant intelTime) {
        for (ExportedFinding ef : findings) {
            Tlp tlp = tlpOf(ef.evidence().tlp());
            for (Observable o : ef.observables()) {
                scoTlp.merge(o.stixId(), tlp, Tlp::leastRestrictive);
            }
        }
        for (ExportedFinding ef : findings) {
            addFinding(ef, attribution.apply(ef), intelTime);
        }
        return this;
    }

    /** Adds findings, the knowledge behind attributions taken as no newer than the findings. */
    public StixBundle findings(List<ExportedFinding> findings, Function<ExportedFinding, Attribution> attribution) {
        return findings(findings, attribution, Instant.EPOCH);
    }

    /** Adds indicators analysts added or imports brought (those kept verbatim come with {@link #foreign}). */
    public StixBundle indicators(List<StoredIndicator> indicators) {
        for (StoredIndicator i : indicators) {
            if (i.stixOrigin()) {
                continue;
            }
            Tlp tlp = tlpOf(i.tlp());
            scoTlp.merge(i.observable().stixId(), tlp, Tlp::leastRestrictive);
            String time = time(i.addedAt());
            ObjectNode ind = sdo("indicator", i.id(), time);
            marked(ind, tlp);
            ind.put("name", i.observable().type() + " " + i.observable().value()
                    + (i.actor() == null ? "" : " (" + actorName(i.actor()) + ")"));
            ind.put("description", i.note().isEmpty() ? "Source: " + i.source() : i.note() + "\nSource: " + i.source());
            ind.putArray("indicator_types").add(i.actor() == null ? "malicious-activity" : "attribution");
            ind.put("pattern", pattern(i.observable()));
            ind.put("pattern_type", "stix");
            ind.put("valid_from", time);
            ind.put("confidence", Level.parse(i.confidence()).stix());
            TocsinExtension.putIndicator(ind, i);
            extension(TocsinExtension.INDICATOR_ID, "Tocsin indicator", "An indicator's observable, actor, source and note as Tocsin keeps them.");
            objects.putIfAbsent(i.observable().stixId(), null); // the SCO, written in build() with its TLP
            scos.put(i.observable().stixId(), i.observable());
            objects.put(i.id(), ind);
            if (i.actor() != null) {
                String set = intrusionSet(i.actor(), tlp);
                relationship("indicates", i.id(), set, time, tlp, Level.parse(i.confidence()), "Source: " + i.source());
            }
        }
        return this;
    }

    /**
     * Adds objects received from others, as received (the latest version of each), but for empty lists: STIX forbids
     * them, and a store may hold objects received before they were refused ({@link EmptyLists}). One nesting deeper
     * than an import reads ({@link JsonLimits}: an older release's TAXII server let such objects in) is left out, and
     * the notice says so, so that the bundle always imports.
     */
    public StixBundle foreign(List<JsonNode> received, Consumer<String> notices) {
        for (JsonNode o : received) {
            if (o.isObject() && o.hasNonNull("id")) {
                int depth = JsonLimits.depth(o);
                if (depth > JsonLimits.MAX_OBJECT_DEPTH) {
                    notices.accept(o.get("id").asText() + " left out: it nests " + depth + " levels, more than the "
                            + JsonLimits.MAX_OBJECT_DEPTH + " an import reads (docs/sharing.md)");
                } else {
                    objects.putIfAbsent(o.get("id").asText(), (ObjectNode) EmptyLists.without(o));
                }
            }
        }
        return this;
    }

    public ObjectNode build() {
        for (Campaign c : campaigns.values()) {
            c.write();
        }
        Set<Tlp> used = new java.util.TreeSet<>();
        for (Map.Entry<String, ObjectNode> e : objects.entrySet()) {
            if (e.getValue() == null) {
                Observable o = scos.get(e.getKey());
                Tlp tlp = scoTlp.getOrDefault(e.getKey(), Tlp.AMBER);
                e.setValue(sco(o, tlp));
            }
            for (JsonNode m : e.getValue().path("object_marking_refs")) {
                for (Tlp t : Tlp.values()) {
                    if (t.stixId().equals(StixIds.canonicalOrSelf(m.asText()))) {
                        used.add(t);
                    }
                }
            }
        }
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + UUID.randomUUID());
        ArrayNode array = bundle.putArray("objects");
        for (Tlp t : used) {
            if (objects.get(t.stixId()) == null) {
                array.add(marking(t));
            }
        }
        objects.values().forEach(array::add);
        return bundle;
    }

    private Tlp tlpOf(Tlp own) {
        return override != null ? override : own;
    }

    private void addFinding(ExportedFinding ef, Attribution attribution, Instant intelTime) {
        StoredFinding f = ef.finding();
        Tlp tlp = tlpOf(ef.evidence().tlp());
        Instant at = ef.evidence().ingestedAt();
        String time = time(at);
        Set<String> refs = new LinkedHashSet<>();
        for (Observable o : ef.observables()) {
            objects.putIfAbsent(o.stixId(), null);
            scos.put(o.stixId(), o);
            refs.add(o.stixId());
        }
        if (ef.observables().isEmpty()) {
            return; // a clean message with nothing observed: nothing a partner could use
        }
        String observedData = "observed-data--" + StixIds.uuid5(StixIds.TOCSIN, "observed-data:" + f.id());
        ObjectNode od = sdo("observed-data", observedData, time);
        marked(od, tlp);
        od.put("first_observed", time);
        od.put("last_observed", time);
        od.put("number_observed", 1);
        ArrayNode odRefs = od.putArray("object_refs");
        ef.observables().forEach(o -> odRefs.add(o.stixId()));
        objects.put(observedData, od);
        refs.add(observedData);
        Set<String> patterns = new LinkedHashSet<>();
        for (Signal s : ef.signals()) {
            String apId = "attack-pattern--" + StixIds.uuid5(StixIds.TOCSIN, "technique:" + s.technique());
            objects.computeIfAbsent(apId, id -> attackPattern(id, s.technique()));
            patterns.add(apId);
        }
        refs.addAll(patterns);
        boolean flagged = !f.verdict().equals("clean");
        boolean attributed = flagged && attribution != null && attribution.attributed();
        String intel = time(intelTime.isAfter(at) ? intelTime : at);
        Campaign campaign = attributed ? campaigns.computeIfAbsent(attribution.actorId(), Campaign::new) : null;
        if (campaign != null) {
            campaign.add(at, tlp, attribution.confidence(), intelTime);
            refs.add(campaign.id);
            refs.add(intrusionSetId(attribution.actorId()));
        }
        if (flagged) {
            for (Observable o : ef.observables()) {
                String indicatorId = "indicator--" + StixIds.uuid5(StixIds.TOCSIN, "indicator:" + f.id() + ":" + o.stixId());
                ObjectNode ind = sdo("indicator", indicatorId, time);
                marked(ind, tlp);
                ind.put("name", o.type() + " " + o.value() + " (" + f.kind() + " finding: " + f.verdict() + ")");
                ind.putArray("indicator_types").add(f.verdict().equals("malicious") ? "malicious-activity" : "anomalous-activity");
                ind.put("pattern", pattern(o));
                ind.put("pattern_type", "stix");
                ind.put("valid_from", time);
                ind.put("confidence", Level.parse(ef.confidence()).stix());
                objects.put(indicatorId, ind);
                refs.add(indicatorId);
                String sightingId = "sighting--" + StixIds.uuid5(StixIds.TOCSIN, "sighting:" + indicatorId);
                ObjectNode sighting = sdo("sighting", sightingId, time);
                marked(sighting, tlp);
                sighting.put("first_seen", time);
                sighting.put("last_seen", time);
                sighting.put("count", 1);
                sighting.put("sighting_of_ref", indicatorId);
                sighting.putArray("observed_data_refs").add(observedData);
                sighting.putArray("where_sighted_refs").add(IDENTITY_ID);
                sighting.put("description", "Seen by Tocsin in " + ef.evidence().ref().source());
                objects.put(sightingId, sighting);
                refs.add(sightingId);
                for (String ap : patterns) {
                    refs.add(relationship("indicates", indicatorId, ap, time, tlp, null, null));
                }
                if (campaign != null) {
                    ObjectNode rel = objects.get(relationship("indicates", indicatorId, campaign.id, intel, tlp,
                            attribution.confidence(), attribution.statement()));
                    refs.add(rel.get("id").asText());
                }
            }
        }
        String reportId = "report--" + StixIds.uuid5(StixIds.TOCSIN, "report:" + f.id());
        ObjectNode report = sdo("report", reportId, time);
        marked(report, tlp);
        report.put("name", f.kind() + ": " + f.subject());
        StringBuilder d = new StringBuilder(String.format(Locale.ROOT, "Verdict %s (score %s, %s confidence) on %s.",
                f.verdict(), f.score(), ef.confidence(), ef.evidence().ref().source()));
        for (Signal s : ef.signals()) {
            d.append("\n- ").append(s.id()).append(" (").append(s.technique()).append("): ").append(s.evidence());
        }
        report.put("description", d.toString());
        report.putArray("report_types").add(flagged ? "threat-report" : "observed-data");
        report.put("published", time);
        report.put("confidence", Level.parse(ef.confidence()).stix());
        ArrayNode objectRefs = report.putArray("object_refs");
        refs.forEach(objectRefs::add);
        TocsinExtension.putFinding(report, ef);
        extension(TocsinExtension.FINDING_ID, "Tocsin finding", "The finding a report is about: its evidence (SHA-256, source,"
                + " size, kind, TLP, when ingested), verdict, score, confidence, signals and observables.");
        objects.put(reportId, report);
        if (flagged && attribution != null) {
            String noteId = "note--" + StixIds.uuid5(StixIds.TOCSIN, "note:" + f.id());
            ObjectNode note = sdo("note", noteId, time);
            note.put("modified", intel);
            marked(note, tlp);
            note.put("abstract", "Attribution");
            note.put("content", attribution.statement());
            note.putArray("authors").add("Tocsin");
            ArrayNode noteRefs = note.putArray("object_refs").add(reportId);
            if (campaign != null) {
                noteRefs.add(campaign.id);
            }
            objects.put(noteId, note);
        }
    }

    /** The campaign of one actor: the findings attributed to it, its dates and confidence summarising them. */
    private final class Campaign {
        final String actor;
        final String id;
        Instant first;
        Instant last;
        Instant intel = Instant.EPOCH;
        Tlp tlp = Tlp.WHITE;
        Level confidence = Level.LOW;

        Campaign(String actor) {
            this.actor = actor;
            this.id = "campaign--" + StixIds.uuid5(StixIds.TOCSIN, "campaign:" + actor);
        }

        void add(Instant at, Tlp findingTlp, Level level, Instant intelTime) {
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
            intel = intelTime.isAfter(intel) ? intelTime : intel;
            tlp = findingTlp.ordinal() > tlp.ordinal() ? findingTlp : tlp;
            confidence = level.ordinal() > confidence.ordinal() ? level : confidence;
        }

        void write() {
            String name = actorName(actor);
            Instant newest = intel.isAfter(last) ? intel : last;
            ObjectNode c = sdo("campaign", id, time(first));
            c.put("modified", time(newest));
            marked(c, tlp);
            c.put("name", name + " activity seen by Tocsin");
            c.put("description", "Findings Tocsin attributes to " + name + "; each 'indicates' relationship states the"
                    + " confidence and the evidence for its finding.");
            c.put("first_seen", time(first));
            c.put("last_seen", time(last));
            objects.put(id, c);
            String set = intrusionSet(actor, tlp);
            relationship("attributed-to", id, set, time(newest), tlp, confidence,
                    "The strongest attribution among the campaign's findings is " + confidence.word() + " confidence.");
        }
    }

    private String actorName(String actor) {
        return actors.resolve(actor).map(ThreatActor::name).orElse(actor);
    }

    private static String intrusionSetId(String actor) {
        return "intrusion-set--" + StixIds.uuid5(StixIds.TOCSIN, "intrusion-set:" + actor);
    }

    /**
     * The intrusion-set of an actor: Tocsin's curated profile (public knowledge, unmarked), or for a name Tocsin
     * does not know, a bare one marked as the indicator that named it.
     */
    private String intrusionSet(String actor, Tlp tlp) {
        String id = intrusionSetId(actor);
        if (objects.containsKey(id)) {
            return id;
        }
        ObjectNode set = sdo("intrusion-set", id, IDENTITY_CREATED);
        ThreatActor known = actors.resolve(actor).orElse(null);
        if (known == null) {
            set.put("name", actor);
            marked(set, tlp);
        } else {
            set.put("name", known.name());
            set.put("description", known.description());
            if (!known.aliases().isEmpty()) { // STIX forbids empty lists
                ArrayNode aliases = set.putArray("aliases");
                known.aliases().forEach(aliases::add);
            }
            ArrayNode refs = set.putArray("external_references");
            refs.addObject().put("source_name", "tocsin").put("external_id", known.id());
            for (String url : known.references()) {
                refs.addObject().put("source_name", "reference").put("url", url);
            }
        }
        objects.put(id, set);
        return id;
    }

    /** Writes a relationship with a deterministic id; returns its id. */
    private String relationship(String type, String source, String target, String time, Tlp tlp, Level confidence, String description) {
        String relId = "relationship--" + StixIds.uuid5(StixIds.TOCSIN, type + ":" + source + ":" + target);
        ObjectNode rel = sdo("relationship", relId, time);
        marked(rel, tlp);
        rel.put("relationship_type", type);
        rel.put("source_ref", source);
        rel.put("target_ref", target);
        if (confidence != null) {
            rel.put("confidence", confidence.stix());
        }
        if (description != null) {
            rel.put("description", description);
        }
        objects.put(relId, rel);
        return relId;
    }

    private void extension(String id, String name, String description) {
        objects.computeIfAbsent(id, x -> TocsinExtension.definition(id, name, description));
    }

    static String time(Instant t) {
        return TIME.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    private static ObjectNode sdo(String type, String id, String time) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", type);
        o.put("spec_version", "2.1");
        o.put("id", id);
        if (!type.equals("identity")) {
            o.put("created_by_ref", IDENTITY_ID);
        }
        o.put("created", time);
        o.put("modified", time);
        return o;
    }

    private static void marked(ObjectNode o, Tlp tlp) {
        o.putArray("object_marking_refs").add(tlp.stixId());
    }

    private static ObjectNode marking(Tlp tlp) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "marking-definition");
        o.put("spec_version", "2.1");
        o.put("id", tlp.stixId());
        o.put("created", "2017-01-20T00:00:00.000Z");
        o.put("definition_type", "tlp");
        o.put("name", "TLP:" + tlp.name());
        o.putObject("definition").put("tlp", tlp.word());
        return o;
    }

    private static ObjectNode sco(Observable o, Tlp tlp) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", o.type());
        n.put("spec_version", "2.1");
        n.put("id", o.stixId());
        if (o.type().equals("file")) {
            n.putObject("hashes").put("SHA-256", o.value());
        } else {
            n.put("value", o.value());
        }
        marked(n, tlp);
        return n;
    }

    private ObjectNode attackPattern(String id, String technique) {
        ObjectNode ap = sdo("attack-pattern", id, IDENTITY_CREATED);
        boolean disarm = technique.startsWith("T0");
        Map<String, String> names = disarm ? reference.disarmTechniques() : reference.attackTechniques();
        String name = names.getOrDefault(technique, technique);
        int dot = technique.indexOf('.');
        if (dot > 0 && names.containsKey(technique.substring(0, dot))) {
            name = names.get(technique.substring(0, dot)) + ": " + name; // T1583.001: Acquire Infrastructure: Domains
        }
        ap.put("name", name);
        ObjectNode ref = ap.putArray("external_references").addObject();
        ref.put("source_name", disarm ? "DISARM" : "mitre-attack");
        ref.put("external_id", technique);
        return ap;
    }

    public static String write(ObjectNode bundle) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(bundle);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A STIX pattern matching the observable; quotes and backslashes escaped as the pattern grammar requires. */
    static String pattern(Observable o) {
        String v = o.value().replace("\\", "\\\\").replace("'", "\\'");
        return o.type().equals("file") ? "[file:hashes.'SHA-256' = '" + v + "']" : "[" + o.type() + ":value = '" + v + "']";
    }

}
