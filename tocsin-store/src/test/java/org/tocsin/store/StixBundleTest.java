package org.tocsin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.evidence.EvidenceRef;
import org.tocsin.reference.ReferenceData;
import org.tocsin.signal.Signal;

/** Exports are checked against the OASIS STIX 2.1 JSON schemas (../shared/data/stix2-json-schemas), object by object. */
class StixBundleTest {
    private static final Path SCHEMAS = Path.of(System.getProperty("tocsin.shared", "../shared/data"))
            .resolve("stix2-json-schemas/schemas");
    private static final String ONLINE = "http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/";

    private static List<ExportedFinding> exampleFindings(Path dir) throws SQLException {
        try (Store store = Store.open("jdbc:h2:file:" + dir.resolve("s"), "sa", "")) {
            store.ingest(new EvidenceRef("mail/lure.eml", "a".repeat(64), 2048), "email", List.of(new Finding("email",
                    "Interview request", "malicious", 14.5, "high",
                    List.of(new Signal("EMAIL_SENDER_LOOKALIKE_DOMAIN", 4, "From: j.smith@washingtonpost.pm — it's a lookalike", "T1566.002"),
                            new Signal("EMAIL_ATTACHMENT_HTML", 3, "invite.html", "T1566.001")),
                    List.of(new Observable("domain-name", "washingtonpost.pm"), new Observable("email-addr", "j.smith@washingtonpost.pm"),
                            new Observable("url", "https://sites.google.com/view/o'brien"), new Observable("ipv4-addr", "198.51.100.7"),
                            new Observable("file", "c".repeat(64))))));
            store.ingest(new EvidenceRef("ct.json", "b".repeat(64), 900), "domain-feed", List.of(new Finding("domain",
                    "washingtonpost.pm", "suspicious", 0.9, "high",
                    List.of(new Signal("DOMAIN_LOOKALIKE_TLD_SWAP", 0.9, "washingtonpost.pm imitates washingtonpost.com", "T0149.003")),
                    List.of(new Observable("domain-name", "washingtonpost.pm")))));
            store.ingest(new EvidenceRef("mail/newsletter.eml", "d".repeat(64), 500), "email", List.of(new Finding("email",
                    "Newsletter", "clean", 0, "low", List.of(), List.of())));
            return store.exportAll();
        }
    }

    @Test
    void everyObjectValidatesAgainstTheStixSchemas(@TempDir Path dir) throws SQLException {
        assumeTrue(Files.isDirectory(SCHEMAS), "STIX schemas absent: " + SCHEMAS);
        JsonNode bundle = StixBundle.of(exampleFindings(dir), StixBundle.Tlp.AMBER, ReferenceData.bundled());
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                b -> b.schemaMappers(m -> m.mapPrefix(ONLINE, SCHEMAS.toUri().toString())));
        List<String> errors = new ArrayList<>();
        errors.addAll(messages(factory, "common/bundle.json", bundle));
        Set<String> types = new java.util.TreeSet<>();
        for (JsonNode o : bundle.get("objects")) {
            String type = o.get("type").asText();
            types.add(type);
            String schema = switch (type) {
                case "relationship", "sighting" -> "sros/" + type + ".json";
                case "marking-definition" -> "common/marking-definition.json";
                case "domain-name", "email-addr", "url", "ipv4-addr", "ipv6-addr", "file" -> "observables/" + type + ".json";
                default -> "sdos/" + type + ".json";
            };
            for (String e : messages(factory, schema, o)) {
                errors.add(o.get("id").asText() + ": " + e);
            }
        }
        assertThat(errors).isEmpty();
        assertThat(types).contains("identity", "marking-definition", "domain-name", "email-addr", "url", "ipv4-addr", "file",
                "indicator", "attack-pattern", "relationship", "report");
    }

    @Test
    void indicatorsCarryStixPatternsAndIdsAreStable(@TempDir Path dir) throws SQLException {
        List<ExportedFinding> findings = exampleFindings(dir);
        JsonNode one = StixBundle.of(findings, StixBundle.Tlp.GREEN, ReferenceData.bundled());
        JsonNode two = StixBundle.of(findings, StixBundle.Tlp.GREEN, ReferenceData.bundled());
        assertThat(two.get("objects")).isEqualTo(one.get("objects"));
        List<String> patterns = new ArrayList<>();
        for (JsonNode o : one.get("objects")) {
            if (o.get("type").asText().equals("indicator")) {
                patterns.add(o.get("pattern").asText());
                assertThat(o.get("object_marking_refs").get(0).asText()).isEqualTo("marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da");
            }
        }
        assertThat(patterns).contains("[domain-name:value = 'washingtonpost.pm']", "[url:value = 'https://sites.google.com/view/o\\'brien']",
                "[file:hashes.'SHA-256' = '" + "c".repeat(64) + "']");
        // the clean newsletter observed nothing: no report, no indicator
        assertThat(one.toString()).doesNotContain("Newsletter");
    }

    private static List<String> messages(JsonSchemaFactory factory, String schema, JsonNode node) {
        JsonSchema s = factory.getSchema(SchemaLocation.of(ONLINE + schema));
        List<String> out = new ArrayList<>();
        for (ValidationMessage m : s.validate(node)) {
            out.add(schema + " " + m.getMessage());
        }
        return out;
    }
}
