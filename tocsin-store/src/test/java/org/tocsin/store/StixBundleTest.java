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
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
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

    @Test
    void everyIndicatorPatternParsesStrictlyAndNamesAnObservableOfTheBundle(@TempDir Path dir) throws Exception {
        JsonNode bundle = StixBundle.of(exampleFindings(dir), StixBundle.Tlp.GREEN, ReferenceData.bundled());
        Set<String> observed = new HashSet<>();
        for (JsonNode o : bundle.get("objects")) {
            JsonNode value = o.has("hashes") ? o.get("hashes").get("SHA-256") : o.get("value");
            if (value != null) {
                observed.add(o.get("type").asText() + " " + value.asText());
            }
        }
        int indicators = 0;
        for (JsonNode o : bundle.get("objects")) {
            if (o.get("type").asText().equals("indicator")) {
                StixPattern p = StixPattern.parse(o.get("pattern").asText());
                assertThat(p.isSimpleIndicator()).as(p.toString()).isTrue();
                assertThat(p.comparisons()).hasSize(1);
                StixPattern.Comparison c = p.comparisons().get(0);
                assertThat(c.path()).isEqualTo(c.objectType().equals("file") ? "hashes.'SHA-256'" : "value");
                assertThat(observed).contains(c.objectType() + " " + ((StixPattern.StringValue) c.value()).value());
                indicators++;
            }
        }
        assertThat(indicators).as("five observables of the malicious lure, one of the suspicious domain").isEqualTo(6);
    }

    @Test
    void patternRoundTripsAwkwardValues() throws StixPatternException {
        List<String> values = new ArrayList<>(List.of("", "'", "\\", "\\'", "''", "\\\\", "o'brien", "ends in a backslash\\",
                "'] OR [file:name = 'x", "' AND domain-name:value = '", "/* not a comment */", "// nor this", "t'2020-01-01T00:00:00Z'",
                "tab\there", "new\nline", "\r\n", "\u0000", "\u007f", "\u0085\u2028\u2029\u00a0", "ünïcödé", "日本語.jp", "مثال.إختبار",
                "\uD83D\uDDF3\uFE0F vote", "e\u0301", "\uFEFFbom", "lone \uD800 surrogate", "x'\\".repeat(100_000)));
        Random random = new Random(20261121); // fixed: a failure must reproduce
        String awkward = "'\\\\ []()=:./*%_-\"\t\n\r\u0000";
        for (int i = 0; i < 3000; i++) {
            StringBuilder v = new StringBuilder();
            for (int n = random.nextInt(40); n > 0; n--) {
                switch (random.nextInt(3)) {
                    case 0 -> v.append(awkward.charAt(random.nextInt(awkward.length())));
                    case 1 -> v.append((char) (' ' + random.nextInt(95)));
                    default -> v.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
                }
            }
            values.add(v.toString());
        }
        for (String type : List.of("domain-name", "url", "email-addr", "ipv4-addr", "ipv6-addr")) {
            for (String value : values) {
                Observable o = new Observable(type, value);
                StixPattern p = StixPattern.parse(StixBundle.pattern(o));
                assertThat(p.isSimpleIndicator()).isTrue();
                assertThat(p.comparisons()).singleElement().satisfies(c -> {
                    assertThat(c.objectType()).isEqualTo(type);
                    assertThat(c.path()).isEqualTo("value");
                    assertThat(c.value()).isEqualTo(new StixPattern.StringValue(o.value()));
                });
            }
        }
        for (int i = 0; i < 200; i++) {
            byte[] digest = new byte[32];
            random.nextBytes(digest);
            String sha256 = i % 2 == 0 ? HexFormat.of().formatHex(digest) : HexFormat.of().withUpperCase().formatHex(digest);
            StixPattern p = StixPattern.parse(StixBundle.pattern(new Observable("file", sha256)));
            assertThat(p.comparisons()).singleElement().satisfies(c -> {
                assertThat(c.path()).isEqualTo("hashes.'SHA-256'");
                assertThat(c.value()).isEqualTo(new StixPattern.StringValue(sha256.toLowerCase(java.util.Locale.ROOT)));
            });
        }
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
