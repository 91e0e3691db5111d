package org.tocsin.store.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.tocsin.evidence.EvidenceRef;
import org.tocsin.signal.Signal;
import org.tocsin.store.Evidence;
import org.tocsin.store.ExportedFinding;
import org.tocsin.store.Finding;
import org.tocsin.store.Observable;
import org.tocsin.store.StixIds;
import org.tocsin.store.StoredFinding;
import org.tocsin.store.StoredIndicator;
import org.tocsin.store.Tlp;

/**
 * Tocsin's two STIX 2.1 property extensions (§7.3), so that what Tocsin exports can be imported back whole:
 * a report carries the finding it is about (evidence, verdict, signals, observables), an indicator an analyst
 * added carries its actor, source and note. Other tools ignore them; the objects stand on their own.
 * The extension definitions are exported with the objects; docs/stix-extension.md describes both.
 */
final class TocsinExtension {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String FINDING_ID = "extension-definition--" + StixIds.uuid5(StixIds.TOCSIN, "extension:finding");
    static final String INDICATOR_ID = "extension-definition--" + StixIds.uuid5(StixIds.TOCSIN, "extension:indicator");
    private static final String SCHEMA = "https://github.com/tocsin-project/tocsin/blob/main/docs/stix-extension.md";

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_KIND = 32;
    private static final int MAX_WORD = 16;
    private static final int MAX_SIGNAL_ID = 64;
    private static final int MAX_TECHNIQUE = 16;

    private TocsinExtension() {
    }

    static ObjectNode definition(String id, String name, String description) {
        ObjectNode d = JSON.createObjectNode();
        d.put("type", "extension-definition");
        d.put("spec_version", "2.1");
        d.put("id", id);
        d.put("created_by_ref", StixBundle.IDENTITY_ID);
        d.put("created", StixBundle.IDENTITY_CREATED);
        d.put("modified", StixBundle.IDENTITY_CREATED);
        d.put("name", name);
        d.put("description", description);
        d.put("schema", SCHEMA);
        d.put("version", "1.0");
        d.putArray("extension_types").add("property-extension");
        return d;
    }

    /** The finding a report is about, whole. */
    static void putFinding(ObjectNode report, ExportedFinding ef) {
        ObjectNode x = report.putObject("extensions").putObject(FINDING_ID);
        x.put("extension_type", "property-extension");
        Evidence e = ef.evidence();
        ObjectNode ev = x.putObject("evidence");
        ev.put("sha256", e.ref().sha256());
        ev.put("source", e.ref().source());
        ev.put("size_bytes", e.ref().size());
        ev.put("kind", e.kind());
        ev.put("tlp", e.tlp().word());
        ev.put("ingested_at", StixBundle.time(e.ingestedAt()));
        StoredFinding f = ef.finding();
        ObjectNode fn = x.putObject("finding");
        fn.put("kind", f.kind());
        fn.put("subject", f.subject());
        fn.put("verdict", f.verdict());
        fn.put("score", f.score());
        fn.put("confidence", ef.confidence());
        ArrayNode signals = JSON.createArrayNode();
        for (Signal s : ef.signals()) {
            ObjectNode sn = signals.addObject();
            sn.put("signal_id", s.id());
            sn.put("weight", s.weight());
            sn.put("evidence", s.evidence());
            sn.put("technique", s.technique());
        }
        ArrayNode observables = JSON.createArrayNode();
        for (Observable o : ef.observables()) {
            observables.addObject().put("type", o.type()).put("value", o.value());
        }
        putList(fn, "signals", signals);
        putList(fn, "observables", observables);
    }

    /** STIX forbids empty lists, in extensions too: a list with nothing in it is left out, and read back as empty. */
    private static void putList(ObjectNode o, String name, ArrayNode list) {
        if (!list.isEmpty()) {
            o.set(name, list);
        }
    }

    /** A finding read back from a report that carries the extension; null when it does not. */
    static Imported findingOf(JsonNode report) {
        JsonNode x = report.path("extensions").path(FINDING_ID);
        if (x.isMissingNode()) {
            return null;
        }
        JsonNode ev = required(x, "evidence");
        JsonNode fn = required(x, "finding");
        String sha256 = text(ev, "sha256");
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Tocsin extension: evidence 'sha256' is not 64 hex digits");
        }
        Evidence evidence = new Evidence(new EvidenceRef(text(ev, "source"), sha256, required(ev, "size_bytes").asLong()),
                word(ev, "kind", MAX_KIND), Tlp.parse(text(ev, "tlp")), Instant.parse(text(ev, "ingested_at")));
        List<Signal> signals = new ArrayList<>();
        for (JsonNode s : fn.path("signals")) {
            signals.add(new Signal(word(s, "signal_id", MAX_SIGNAL_ID), required(s, "weight").asDouble(), text(s, "evidence"),
                    word(s, "technique", MAX_TECHNIQUE)));
        }
        List<Observable> observables = new ArrayList<>();
        for (JsonNode o : fn.path("observables")) {
            observables.add(new Observable(word(o, "type", MAX_KIND), text(o, "value")));
        }
        return new Imported(evidence, new Finding(word(fn, "kind", MAX_KIND), text(fn, "subject"), word(fn, "verdict", MAX_WORD),
                required(fn, "score").asDouble(), word(fn, "confidence", MAX_WORD), signals, observables));
    }

    /** A finding with its evidence, as imported. */
    record Imported(Evidence evidence, Finding finding) {
    }

    static void putIndicator(ObjectNode indicator, StoredIndicator i) {
        ObjectNode x = indicator.putObject("extensions").putObject(INDICATOR_ID);
        x.put("extension_type", "property-extension");
        x.putObject("observable").put("type", i.observable().type()).put("value", i.observable().value());
        if (i.actor() != null) {
            x.put("actor", i.actor());
        }
        x.put("confidence", i.confidence());
        x.put("source", i.source());
        x.put("note", i.note());
        ArrayNode t = JSON.createArrayNode();
        i.techniques().forEach(t::add);
        putList(x, "techniques", t);
        x.put("tlp", i.tlp().word());
        x.put("added_at", StixBundle.time(i.addedAt()));
    }

    /** An analyst's indicator read back; null when the indicator does not carry the extension. */
    static StoredIndicator indicatorOf(JsonNode indicator) {
        JsonNode x = indicator.path("extensions").path(INDICATOR_ID);
        if (x.isMissingNode()) {
            return null;
        }
        JsonNode o = required(x, "observable");
        List<String> techniques = new ArrayList<>();
        x.path("techniques").forEach(t -> techniques.add(t.asText()));
        return new StoredIndicator(text(indicator, "id"), new Observable(text(o, "type"), text(o, "value")),
                x.hasNonNull("actor") ? x.get("actor").asText() : null, text(x, "confidence"), text(x, "source"),
                x.path("note").asText(""), techniques, Tlp.parse(text(x, "tlp")), Instant.parse(text(x, "added_at")), false);
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("Tocsin extension lacks '" + field + "'");
        }
        return v;
    }

    /**
     * A field the store keeps in a column of fixed width (V1: kinds and observable types 32, verdicts and confidences
     * 16, signal ids 64, techniques 16): what Tocsin writes is far shorter, so a longer value is not Tocsin's, and is
     * refused here as that object's problem rather than by the database.
     */
    private static String word(JsonNode n, String field, int max) {
        String v = text(n, field);
        if (v.length() > max) {
            throw new IllegalArgumentException("Tocsin extension: '" + field + "' is longer than " + max + " characters");
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = required(n, field);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("Tocsin extension: '" + field + "' is not a string");
        }
        return v.asText();
    }
}
