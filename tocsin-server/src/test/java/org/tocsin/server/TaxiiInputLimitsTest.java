package org.tocsin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.server.TestServer.ANALYST_TOKEN;
import static org.tocsin.server.TestServer.SHARED;
import static org.tocsin.server.TestServer.TAXII;
import static org.tocsin.server.TestServer.bearer;
import static org.tocsin.server.TestServer.indicator;
import static org.tocsin.server.TestServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.input.JsonLimits;
import org.tocsin.intel.ThreatActors;
import org.tocsin.reference.ReferenceData;
import org.tocsin.store.ImportSummary;
import org.tocsin.store.Store;
import org.tocsin.store.stix.StixBundle;
import org.tocsin.store.stix.StixImport;
import org.tocsin.store.stix.StixObjects;

/** What a partner may POST is what the store's own export carries and {@code tocsin import} reads back: one set of limits. */
class TaxiiInputLimitsTest {
    private static final String ANALYST = bearer(ANALYST_TOKEN);
    private static final String OBJECTS = "/tocsin/collections/" + SHARED + "/objects/";
    @TempDir
    Path dir;
    TestServer taxii;

    @BeforeEach
    void start() throws Exception {
        taxii = TestServer.start(dir);
    }

    @AfterEach
    void stop() throws Exception {
        taxii.close();
    }

    /** An indicator whose x_nested property holds arrays that many deep: in an envelope, the body nests arrays + 3 levels. */
    private static ObjectNode nested(String name, int arrays) {
        ObjectNode o = indicator(name, "2024-05-01T10:00:00.000Z");
        ArrayNode a = o.putArray("x_nested");
        for (int i = 1; i < arrays; i++) {
            a = a.addArray();
        }
        a.add("bottom");
        return o;
    }

    @Test
    void aPostNestedDeeperThanImportReadsIsRefusedWithATaxiiError() throws Exception {
        String tooDeep = TestServer.envelope(List.of(nested("too-deep.example", JsonLimits.MAX_DEPTH - 2)));
        HttpResponse<String> r = taxii.post(OBJECTS, ANALYST, TAXII, tooDeep);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith(TAXII);
        assertThat(json(r).get("http_status").asText()).isEqualTo("400");
        assertThat(json(r).get("description").asText()).contains("nesting");
        assertThat(taxii.store.count(Store.Table.STIX_OBJECT)).isZero();

        // the old server's limit: far past it
        HttpResponse<String> thousand = taxii.post(OBJECTS, ANALYST, TAXII, TestServer.envelope(List.of(nested("deeper.example", 990))));
        assertThat(thousand.statusCode()).isEqualTo(400);
    }

    @Test
    void anObjectAtTheLimitOncePostedExportsAndImportsBack() throws Exception {
        ObjectNode atLimit = nested("at-limit.example", JsonLimits.MAX_DEPTH - 3);
        // numbers a double cannot hold: exported as read, they must read back
        atLimit.put("x_score", new java.math.BigDecimal("1e400")).put("x_precise", new java.math.BigDecimal("0.100000000000000000001"));
        JsonNode status = taxii.add(SHARED, ANALYST, List.of(atLimit));
        assertThat(status.get("success_count").asInt()).isEqualTo(1);

        String exported = StixBundle.write(StixBundle.of(taxii.store, null, ReferenceData.bundled()));
        JsonNode read = JsonLimits.mapper().readTree(exported); // what tocsin import reads with
        try (Store fresh = Store.open("jdbc:h2:file:" + dir.resolve("fresh-" + UUID.randomUUID()), "sa", "")) {
            ImportSummary s = new StixImport(ThreatActors.bundled()).into(fresh, read);
            assertThat(s.problems()).isEmpty();
            List<JsonNode> kept = new StixObjects(fresh.connection()).latestForeign();
            assertThat(kept).singleElement().satisfies(o -> {
                assertThat(o.get("id").asText()).isEqualTo(atLimit.get("id").asText());
                assertThat(JsonLimits.depth(o)).isEqualTo(JsonLimits.MAX_OBJECT_DEPTH);
                assertThat(o.get("x_score").decimalValue()).isEqualByComparingTo("1e400");
                assertThat(o.get("x_precise").decimalValue()).isEqualByComparingTo("0.100000000000000000001");
            });
        }
    }
}
