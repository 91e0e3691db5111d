package org.tocsin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.server.TestServer.FINDINGS;
import static org.tocsin.server.TestServer.PARTNER_TOKEN;
import static org.tocsin.server.TestServer.bearer;
import static org.tocsin.server.TestServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.evidence.EvidenceRef;
import org.tocsin.reference.ReferenceData;
import org.tocsin.signal.Signal;
import org.tocsin.store.Finding;
import org.tocsin.store.Observable;
import org.tocsin.store.Store;
import org.tocsin.store.stix.StixBundle;

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
