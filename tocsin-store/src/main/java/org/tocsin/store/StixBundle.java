package org.tocsin.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tocsin.reference.ReferenceData;
import org.tocsin.signal.Signal;

/**
 * Writes stored findings as a STIX 2.1 bundle: Tocsin's identity, a TLP marking, one SCO per observable,
 * an indicator (STIX pattern) per observable of every malicious or suspicious finding, the ATT&amp;CK and DISARM
 * attack-patterns its signals cite with "indicates" relationships, and a report per finding whose
 * description is the evidence. Ids are deterministic (UUIDv5), so exporting twice gives the same objects and
 * a partner's store deduplicates them.
 */
public final class StixBundle {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final UUID TOCSIN = UUID.fromString("2a7c6f1e-4d0b-5e8a-9f3c-1b2d3e4f5a6b");
    /** When Tocsin's identity object was first defined; fixed, so its id and timestamps never change. */
    private static final String IDENTITY_CREATED = "2026-01-01T00:00:00.000Z";
    static final String IDENTITY_ID = "identity--" + StixIds.uuid5(TOCSIN, "identity:Tocsin");

    /** The TLP 1.0 marking definitions STIX 2.1 predefines (§7.2.1.4), with their fixed ids. */
    public enum Tlp {
        WHITE("613f2e26-407d-48c7-9eca-b8e91df99dc9"), GREEN("34098fce-860f-48ae-8e50-ebd3cc5e41da"),
        AMBER("f88d31f6-486f-44da-b317-01333bde0b82"), RED("5e57c739-391a-4eb3-b6be-7d15ca92d5ed");

        private final String uuid;

        Tlp(String uuid) {
            this.uuid = uuid;
        }

        String id() {
            return "marking-definition--" + uuid;
        }
    }

    private StixBundle() {
    }

    public static ObjectNode of(List<ExportedFinding> findings, Tlp tlp, ReferenceData reference) {
        Map<String, ObjectNode> objects = new LinkedHashMap<>();
        ObjectNode identity = sdo("identity", IDENTITY_ID, IDENTITY_CREATED);
        identity.put("name", "Tocsin");
        identity.put("identity_class", "system");
        identity.put("description", "Tocsin election threat-intelligence platform: findings with the evidence behind them.");
        objects.put(IDENTITY_ID, identity);
        objects.put(tlp.id(), marking(tlp));
        for (ExportedFinding ef : findings) {
            addFinding(objects, ef, tlp, reference);
        }
        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + UUID.randomUUID());
        ArrayNode array = bundle.putArray("objects");
        objects.values().forEach(array::add);
        return bundle;
    }

    private static void addFinding(Map<String, ObjectNode> objects, ExportedFinding ef, Tlp tlp, ReferenceData reference) {
        StoredFinding f = ef.finding();
        String time = TIME.format(ef.ingestedAt().truncatedTo(ChronoUnit.MILLIS));
        Set<String> refs = new LinkedHashSet<>();
        for (Observable o : ef.observables()) {
            objects.computeIfAbsent(o.stixId(), id -> sco(o));
            refs.add(o.stixId());
        }
        Set<String> patterns = new LinkedHashSet<>();
        for (Signal s : ef.signals()) {
            String apId = "attack-pattern--" + StixIds.uuid5(TOCSIN, "technique:" + s.technique());
            objects.computeIfAbsent(apId, id -> attackPattern(id, s.technique(), reference));
            patterns.add(apId);
        }
        refs.addAll(patterns);
        boolean flagged = !f.verdict().equals("clean");
        if (flagged) {
            for (Observable o : ef.observables()) {
                String indicatorId = "indicator--" + StixIds.uuid5(TOCSIN, "indicator:" + f.id() + ":" + o.stixId());
                ObjectNode ind = sdo("indicator", indicatorId, time);
                marked(ind, tlp);
                ind.put("name", o.type() + " " + o.value() + " (" + f.kind() + " finding: " + f.verdict() + ")");
                ind.putArray("indicator_types").add(f.verdict().equals("malicious") ? "malicious-activity" : "anomalous-activity");
                ind.put("pattern", pattern(o));
                ind.put("pattern_type", "stix");
                ind.put("valid_from", time);
                ind.put("confidence", confidence(ef.confidence()));
                objects.put(indicatorId, ind);
                refs.add(indicatorId);
                for (String ap : patterns) {
                    String relId = "relationship--" + StixIds.uuid5(TOCSIN, "indicates:" + indicatorId + ":" + ap);
                    ObjectNode rel = sdo("relationship", relId, time);
                    marked(rel, tlp);
                    rel.put("relationship_type", "indicates");
                    rel.put("source_ref", indicatorId);
                    rel.put("target_ref", ap);
                    objects.put(relId, rel);
                }
            }
        }
        if (refs.isEmpty()) {
            return; // a clean message with nothing observed: nothing a partner could use
        }
        String reportId = "report--" + StixIds.uuid5(TOCSIN, "report:" + f.id());
        ObjectNode report = sdo("report", reportId, time);
        marked(report, tlp);
        report.put("name", f.kind() + ": " + f.subject());
        StringBuilder d = new StringBuilder(String.format(Locale.ROOT, "Verdict %s (score %s, %s confidence) on %s.",
                f.verdict(), f.score(), ef.confidence(), ef.evidenceSource()));
        for (Signal s : ef.signals()) {
            d.append("\n- ").append(s.id()).append(" (").append(s.technique()).append("): ").append(s.evidence());
        }
        report.put("description", d.toString());
        report.putArray("report_types").add(flagged ? "threat-report" : "observed-data");
        report.put("published", time);
        report.put("confidence", confidence(ef.confidence()));
        ArrayNode objectRefs = report.putArray("object_refs");
        refs.forEach(objectRefs::add);
        objects.put(reportId, report);
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
        o.putArray("object_marking_refs").add(tlp.id());
    }

    private static ObjectNode marking(Tlp tlp) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", "marking-definition");
        o.put("spec_version", "2.1");
        o.put("id", tlp.id());
        o.put("created", "2017-01-20T00:00:00.000Z");
        o.put("definition_type", "tlp");
        o.put("name", "TLP:" + tlp.name());
        o.putObject("definition").put("tlp", tlp.name().toLowerCase(Locale.ROOT));
        return o;
    }

    private static ObjectNode sco(Observable o) {
        ObjectNode n = JSON.createObjectNode();
        n.put("type", o.type());
        n.put("spec_version", "2.1");
        n.put("id", o.stixId());
        if (o.type().equals("file")) {
            n.putObject("hashes").put("SHA-256", o.value());
        } else {
            n.put("value", o.value());
        }
        return n;
    }

    private static ObjectNode attackPattern(String id, String technique, ReferenceData reference) {
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

    /** A STIX pattern matching the observable; quotes and backslashes escaped as the pattern grammar requires. */
    static String pattern(Observable o) {
        String v = o.value().replace("\\", "\\\\").replace("'", "\\'");
        return o.type().equals("file") ? "[file:hashes.'SHA-256' = '" + v + "']" : "[" + o.type() + ":value = '" + v + "']";
    }

    private static int confidence(String estimative) {
        return switch (estimative) {
            case "high" -> 85;
            case "moderate" -> 50;
            default -> 15;
        };
    }

    public static String write(ObjectNode bundle) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(bundle);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
