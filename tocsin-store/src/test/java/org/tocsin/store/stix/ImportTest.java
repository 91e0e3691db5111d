package org.tocsin.store.stix;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.intel.ThreatActors;
import org.tocsin.store.ExampleStore;
import org.tocsin.store.ImportSummary;
import org.tocsin.store.Store.Table;
import org.tocsin.store.Store;
import org.tocsin.store.StoredIndicator;
import org.tocsin.store.Tlp;
import org.tocsin.store.misp.MispImport;

/** Imports of other people's STIX and MISP: what becomes knowledge, what is kept as received, what is a problem. */
class ImportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Store fresh(Path dir) throws Exception {
        return Store.open("jdbc:h2:file:" + dir.resolve("s"), "sa", "");
    }

    @Test
    void aMispInstancesEventBecomesKnownIndicatorsWithActorConfidenceTlpAndTechniques(@TempDir Path dir) throws Exception {
        JsonNode event;
        try (InputStream in = getClass().getResourceAsStream("/misp/partner-event.json")) {
            event = JSON.readTree(in);
        }
        try (Store store = fresh(dir)) {
            ImportSummary s = new MispImport(ThreatActors.bundled()).into(store, event);
            Map<String, StoredIndicator> kept = store.indicators().stream()
                    .collect(Collectors.toMap(i -> i.observable().value(), Function.identity()));
            assertThat(kept).containsOnlyKeys("drive-docs-share.example", "press.office@aspen-forum.example", "203.0.113.44",
                    "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
            StoredIndicator domain = kept.get("drive-docs-share.example");
            assertThat(domain.actor()).isEqualTo("apt42"); // Charming Kitten is APT42 to Tocsin
            assertThat(domain.confidence()).isEqualTo("moderate");
            assertThat(domain.tlp()).isEqualTo(Tlp.AMBER);
            assertThat(domain.techniques()).containsExactly("T1566.002");
            assertThat(domain.source()).isEqualTo("MISP event 5f1b6c2e-0a3d-4c1e-9f2b-7a8c9d0e1f23: Phishing against campaign staff,"
                    + " September 2024 (Example State ISAC)");
            assertThat(domain.note()).isEqualTo("Hosted the credential page");
            StoredIndicator sender = kept.get("press.office@aspen-forum.example");
            assertThat(sender.confidence()).isEqualTo("high");
            assertThat(sender.tlp()).isEqualTo(Tlp.RED);
            assertThat(s.indicators()).isEqualTo(4);
            assertThat(s.ignored()).isEqualTo(3); // the text, the md5 (files are kept by SHA-256) and the filename
            assertThat(s.problems()).hasSize(2).anyMatch(p -> p.contains("not a domain name")).anyMatch(p -> p.contains("not-a-uuid"));
            // again: nothing new
            assertThat(new MispImport(ThreatActors.bundled()).into(store, event).indicators()).isZero();
        }
    }

    @Test
    void aPartnersBundleIsKeptAsReceivedAndItsSimpleIndicatorsBecomeKnown(@TempDir Path dir) throws Exception {
        try (Store store = fresh(dir)) {
            ImportSummary s = new StixImport(ThreatActors.bundled()).into(store, ExampleStore.partnerBundle());
            assertThat(s.problems()).isEmpty();
            assertThat(s.foreign()).isEqualTo(7);
            assertThat(store.count(Table.STIX_OBJECT)).isEqualTo(7);
            List<StoredIndicator> kept = store.indicators();
            assertThat(kept).extracting(i -> i.observable().type() + " " + i.observable().value()).containsExactlyInAnyOrder(
                    "domain-name chicago-chronicle.example", "url https://chicago-chronicle.example/politics/");
            assertThat(kept).allSatisfy(i -> {
                assertThat(i.actor()).isEqualTo("storm-1516"); // CopyCop is Storm-1516
                assertThat(i.confidence()).isEqualTo("high"); // 80 on the STIX scale
                assertThat(i.tlp()).isEqualTo(Tlp.GREEN);
                assertThat(i.techniques()).containsExactly("T0098.001");
                assertThat(i.stixOrigin()).isTrue();
            });
        }
    }

    @Test
    void hostileObjectsAreProblemsOneByOneAndTheRestIsKept(@TempDir Path dir) throws Exception {
        ArrayNode objects = JSON.createArrayNode();
        objects.add("a string");
        objects.addObject().put("type", "indicator"); // no id
        objects.addObject().put("type", "indicator").put("id", "malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"); // id of another type
        ObjectNode badPattern = objects.addObject();
        badPattern.put("type", "indicator").put("spec_version", "2.1").put("id", "indicator--11111111-1111-4111-8111-111111111111")
                .put("created", "2024-10-01T09:00:00Z").put("modified", "2024-10-01T09:00:00Z")
                .put("pattern", "[domain-name:value = 'x.example'").put("pattern_type", "stix").put("valid_from", "2024-10-01T09:00:00Z");
        ObjectNode good = objects.addObject();
        good.put("type", "indicator").put("spec_version", "2.1").put("id", "indicator--22222222-2222-4222-8222-222222222222")
                .put("created", "2024-10-01T09:00:00Z").put("modified", "2024-10-01T09:00:00Z")
                .put("pattern", "[ipv4-addr:value = '192.0.2.77']").put("pattern_type", "stix").put("valid_from", "2024-10-01T09:00:00Z");
        ObjectNode overconfident = objects.addObject(); // STIX confidence is 0-100
        overconfident.put("type", "indicator").put("spec_version", "2.1").put("id", "indicator--44444444-4444-4444-8444-444444444444")
                .put("created", "2024-10-01T09:00:00Z").put("modified", "2024-10-01T09:00:00Z").put("confidence", 250)
                .put("pattern", "[domain-name:value = 'sure.example']").put("pattern_type", "stix").put("valid_from", "2024-10-01T09:00:00Z");
        ObjectNode forged = objects.addObject(); // claims to be Tocsin's report but its extension is garbage
        forged.put("type", "report").put("spec_version", "2.1").put("id", "report--33333333-3333-4333-8333-333333333333")
                .put("created_by_ref", StixBundle.IDENTITY_ID).put("created", "2024-10-01T09:00:00Z").put("modified", "2024-10-01T09:00:00Z")
                .putObject("extensions").putObject(TocsinExtension.FINDING_ID).put("extension_type", "property-extension");
        try (Store store = fresh(dir)) {
            ImportSummary s = new StixImport(ThreatActors.bundled()).into(store, objects);
            assertThat(s.problems()).hasSize(6);
            assertThat(s.problems()).anyMatch(p -> p.startsWith("indicator--11111111-1111-4111-8111-111111111111: pattern:"))
                    .anyMatch(p -> p.startsWith("report--33333333-3333-4333-8333-333333333333: Tocsin extension lacks 'evidence'"))
                    .anyMatch(p -> p.startsWith("indicator--44444444-4444-4444-8444-444444444444: STIX confidence is 0-100, not 250"));
            assertThat(store.indicators()).singleElement().satisfies(i -> assertThat(i.observable().value()).isEqualTo("192.0.2.77"));
            assertThat(store.count(Table.EVIDENCE)).isZero();
        }
    }

    /** Fault 13 of issue 13 (STIX side): an indicator without created was dated 1970-01-01, a timestamp its source never gave. */
    @Test
    void aPartnerIndicatorWithoutADateIsNeverGivenAnInventedOne(@TempDir Path dir) throws Exception {
        JsonNode bundle = JSON.readTree("""
                {"type": "bundle", "id": "bundle--6f0c1b52-2f4e-4d8a-9d0e-0b9a1c2d3e4f", "objects": [
                  {"type": "indicator", "spec_version": "2.1", "id": "indicator--0a6e9b1c-1111-4c2d-8e3f-000000000001",
                   "modified": "2024-09-20T12:00:00Z", "pattern": "[domain-name:value = 'modified-only.example']",
                   "pattern_type": "stix", "valid_from": "2024-09-01T00:00:00Z"},
                  {"type": "indicator", "spec_version": "2.1", "id": "indicator--0a6e9b1c-2222-4c2d-8e3f-000000000002",
                   "pattern": "[domain-name:value = 'valid-from-only.example']", "pattern_type": "stix",
                   "valid_from": "2024-09-18T00:00:00Z"},
                  {"type": "indicator", "spec_version": "2.1", "id": "indicator--0a6e9b1c-3333-4c2d-8e3f-000000000003",
                   "pattern": "[domain-name:value = 'undated.example']", "pattern_type": "stix", "description": "seen once"}]}""");
        try (Store store = fresh(dir)) {
            java.time.Instant before = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            ImportSummary s = new StixImport(ThreatActors.bundled()).into(store, bundle);
            java.time.Instant after = java.time.Instant.now();
            Map<String, StoredIndicator> kept = store.indicators().stream()
                    .collect(Collectors.toMap(i -> i.observable().value(), Function.identity()));
            assertThat(kept.get("modified-only.example").addedAt()).isEqualTo("2024-09-20T12:00:00Z");
            assertThat(kept.get("valid-from-only.example").addedAt()).isEqualTo("2024-09-18T00:00:00Z");
            StoredIndicator undated = kept.get("undated.example");
            assertThat(undated.addedAt()).isBetween(before, after);
            assertThat(undated.note()).isEqualTo("seen once " + StoredIndicator.UNDATED);
            assertThat(s.problems()).singleElement().satisfies(p -> assertThat(p)
                    .contains("indicator--0a6e9b1c-3333-4c2d-8e3f-000000000003").contains("dated by its import"));
        }
    }
}
