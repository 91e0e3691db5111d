package org.tocsin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.server.TestServer.FINDINGS;
import static org.tocsin.server.TestServer.ANALYST_TOKEN;
import static org.tocsin.server.TestServer.PARTNER_TOKEN;
import static org.tocsin.server.TestServer.SHARED;
import static org.tocsin.server.TestServer.bearer;
import static org.tocsin.server.TestServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.evidence.EvidenceRef;
import org.tocsin.reference.ReferenceData;
import org.tocsin.signal.Signal;
import org.tocsin.store.ExampleStore;
import org.tocsin.store.Finding;
import org.tocsin.store.Observable;
import org.tocsin.store.Store;
import org.tocsin.store.StoredIndicator;
import org.tocsin.store.Tlp;
import org.tocsin.store.stix.StixBundle;
import org.tocsin.store.stix.StixSchemas;

/** The store's findings, published into the collection marked for them and read back over TAXII. */
class PublishingTest {
    private static final String OBJECTS = "/tocsin/collections/" + FINDINGS + "/objects/";
    private static final String MANIFEST = "/tocsin/collections/" + FINDINGS + "/manifest/?match[version]=all";

    @Test
    void findingsInTheStoreAreServedAndRepublishingAddsOnlyWhatChanged(@TempDir Path dir) throws Exception {
        try (TestServer taxii = TestServer.start(dir, store -> {
            ingest(store, "a", "washingtonpost-news.com");
            return () -> {
                try {
                    return StixBundle.published(store, ReferenceData.bundled());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
        })) {
            HttpResponse<String> r = taxii.get(OBJECTS + "?match[type]=indicator", bearer(PARTNER_TOKEN));
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(json(r).get("objects")).extracting(o -> o.get("pattern").asText())
                    .contains("[domain-name:value = 'washingtonpost-news.com']");
            List<String> types = types(taxii.get(OBJECTS, bearer(PARTNER_TOKEN)));
            assertThat(types).contains("identity", "marking-definition", "domain-name", "indicator", "report");

            int published = manifestSize(taxii);
            taxii.server.publishNow(); // the store has not changed: nothing new
            assertThat(manifestSize(taxii)).isEqualTo(published);

            ingest(taxii.store, "b", "wapo-interviews.com");
            taxii.server.publishNow();
            assertThat(manifestSize(taxii)).isGreaterThan(published);
            assertThat(json(taxii.get(OBJECTS + "?match[type]=indicator", bearer(PARTNER_TOKEN))).get("objects"))
                    .extracting(o -> o.get("pattern").asText()).contains("[domain-name:value = 'wapo-interviews.com']");
        }
    }

    /**
     * Issue 13, fault 12: what the objects endpoint serves passes the OASIS STIX 2.1 schemas and holds no empty list —
     * an analyst's indicator without a technique included, and an object stored with one before that was refused.
     */
    @Test
    void everyServedObjectPassesTheStixSchemas(@TempDir Path dir) throws Exception {
        try (TestServer taxii = TestServer.start(dir, store -> {
            ExampleStore.fill(store);
            Observable o = new Observable("domain-name", "no-technique.example");
            store.addIndicator(new StoredIndicator(StoredIndicator.analystId(o, null, "analyst"), o, null, "moderate", "analyst",
                    "", List.of(), Tlp.AMBER, ExampleStore.T0, false));
            return () -> published(store);
        })) {
            JsonNode served = json(taxii.get(OBJECTS, bearer(ANALYST_TOKEN)));
            assertThat(served.get("objects")).hasSizeGreaterThan(30);
            assertThat(StixSchemas.problems(served)).isEmpty();

            ObjectNode sloppy = TestServer.indicator("sloppy.example", "2024-09-01T00:00:00.000Z");
            sloppy.putArray("labels");
            JsonNode status = taxii.add(SHARED, bearer(PARTNER_TOKEN), List.of(sloppy));
            assertThat(status.get("failure_count").asInt()).isEqualTo(1);
            assertThat(status.get("failures").get(0).get("message").asText()).contains("empty list");

            // 0.1.0 published an analyst's indicator with "techniques": [] and republishing the same version adds nothing
            String id = StoredIndicator.analystId(new Observable("domain-name", "no-technique.example"), null, "analyst");
            try (Connection c = taxii.db.lease(); PreparedStatement ps = c.prepareStatement("UPDATE stix_object SET body = ? WHERE id = ?")) {
                ObjectNode old = null;
                for (JsonNode b : served.get("objects")) {
                    old = b.get("id").asText().equals(id) ? b.deepCopy() : old;
                }
                ((ObjectNode) old.get("extensions").elements().next()).putArray("techniques");
                ps.setString(1, old.toString());
                ps.setString(2, id);
                assertThat(ps.executeUpdate()).isEqualTo(1);
                c.commit();
            }
            JsonNode again = json(taxii.get(OBJECTS + "?match[id]=" + id, bearer(ANALYST_TOKEN)));
            assertThat(again.get("objects")).hasSize(1);
            assertThat(StixSchemas.problems(again)).isEmpty();
        }
    }

    private static ObjectNode published(Store store) {
        try {
            return StixBundle.published(store, ReferenceData.bundled());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ingest(Store store, String hashLetter, String domain) throws SQLException {
        store.ingest(new EvidenceRef("mail/" + domain + ".eml", hashLetter.repeat(64), 2048), "email", List.of(
                new Finding("email", "Interview request", "malicious", 12, "high",
                        List.of(new Signal("EMAIL_SENDER_LOOKALIKE_DOMAIN", 4, "From: j.smith@" + domain, "T1566.002")),
                        List.of(new Observable("domain-name", domain), new Observable("email-addr", "j.smith@" + domain)))));
    }

    private static int manifestSize(TestServer taxii) throws Exception {
        return json(taxii.get(MANIFEST, bearer(PARTNER_TOKEN))).get("objects").size();
    }

    private static List<String> types(HttpResponse<String> r) throws Exception {
        List<String> types = new ArrayList<>();
        for (JsonNode o : json(r).get("objects")) {
            types.add(o.get("type").asText());
        }
        return types;
    }
}
