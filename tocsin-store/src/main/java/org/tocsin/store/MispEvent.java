package org.tocsin.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tocsin.signal.Signal;

/**
 * Writes the store's malicious and suspicious findings as one MISP event (the JSON a MISP instance imports
 * with "Add event from JSON"): one attribute per distinct observable, flagged for detection ({@code to_ids}),
 * its comment naming the findings behind it; the TLP and the ATT&amp;CK/DISARM techniques as tags. UUIDs are
 * deterministic, so a re-export updates rather than duplicates.
 */
public final class MispEvent {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID TOCSIN = UUID.fromString("2a7c6f1e-4d0b-5e8a-9f3c-1b2d3e4f5a6b");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private MispEvent() {
    }

    public static ObjectNode of(List<ExportedFinding> findings, StixBundle.Tlp tlp, String info) {
        Map<String, Attribute> attributes = new LinkedHashMap<>();
        Set<String> techniques = new LinkedHashSet<>();
        Instant newest = Instant.EPOCH;
        boolean malicious = false;
        for (ExportedFinding ef : findings) {
            StoredFinding f = ef.finding();
            if (f.verdict().equals("clean")) {
                continue;
            }
            malicious |= f.verdict().equals("malicious");
            newest = ef.ingestedAt().isAfter(newest) ? ef.ingestedAt() : newest;
            for (Signal s : ef.signals()) {
                techniques.add(s.technique());
            }
            for (Observable o : ef.observables()) {
                attributes.computeIfAbsent(o.stixId(), id -> new Attribute(o, new LinkedHashSet<>()))
                        .seenIn().add(f.kind() + " " + f.verdict() + ": " + f.subject());
            }
        }
        ObjectNode event = JSON.createObjectNode();
        ObjectNode e = event.putObject("Event");
        e.put("uuid", StixIds.uuid5(TOCSIN, "misp-event:" + info).toString());
        e.put("info", info);
        e.put("date", DATE.format(newest.equals(Instant.EPOCH) ? Instant.now() : newest));
        e.put("threat_level_id", malicious ? "1" : "2"); // high / medium
        e.put("analysis", "1"); // ongoing
        e.put("distribution", tlp == StixBundle.Tlp.RED ? "0" : "1"); // your organisation only / this community
        e.put("published", false);
        e.putObject("Orgc").put("name", "Tocsin");
        ArrayNode tags = e.putArray("Tag");
        tags.addObject().put("name", "tlp:" + tlp.name().toLowerCase(Locale.ROOT));
        for (String t : techniques) {
            tags.addObject().put("name", t.startsWith("T0")
                    ? "disarm:technique=\"" + t + "\"" : "mitre-attack:attack-pattern=\"" + t + "\"");
        }
        ArrayNode attrs = e.putArray("Attribute");
        for (Attribute a : attributes.values()) {
            ObjectNode n = attrs.addObject();
            n.put("uuid", StixIds.uuid5(TOCSIN, "misp-attribute:" + a.observable().stixId()).toString());
            n.put("type", mispType(a.observable()));
            n.put("category", category(a.observable()));
            n.put("value", a.observable().value());
            n.put("to_ids", true);
            n.put("comment", "Tocsin: seen in " + String.join("; ", a.seenIn()));
        }
        return event;
    }

    private record Attribute(Observable observable, Set<String> seenIn) {
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
