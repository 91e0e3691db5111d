package org.tocsin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.server.TestServer.ANALYST_TOKEN;
import static org.tocsin.server.TestServer.FINDINGS;
import static org.tocsin.server.TestServer.INTERNAL;
import static org.tocsin.server.TestServer.PARTNER_TOKEN;
import static org.tocsin.server.TestServer.READER_TOKEN;
import static org.tocsin.server.TestServer.SHARED;
import static org.tocsin.server.TestServer.TAXII;
import static org.tocsin.server.TestServer.WRITER_TOKEN;
import static org.tocsin.server.TestServer.basic;
import static org.tocsin.server.TestServer.bearer;
import static org.tocsin.server.TestServer.ids;
import static org.tocsin.server.TestServer.indicator;
import static org.tocsin.server.TestServer.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TAXII 2.1 server as a client sees it, over HTTP on an ephemeral port. */
class TaxiiServerTest {
    private static final String ANALYST = bearer(ANALYST_TOKEN);
    private static final String PARTNER = bearer(PARTNER_TOKEN);
    private static final String OBJECTS = "/tocsin/collections/" + SHARED + "/objects/";
    private static final String TLP1_RED = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed";
    private static final String TLP2_RED = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";
    private static final String TLP2_GREEN = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
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

    @Test
    void discoveryApiRootAndCollectionsAnswerAsTaxiiSays() throws Exception {
        HttpResponse<String> discovery = taxii.get("/taxii2/", ANALYST);
        assertThat(discovery.statusCode()).isEqualTo(200);
        assertThat(discovery.headers().firstValue("Content-Type").orElseThrow()).startsWith(TAXII);
        String root = "http://127.0.0.1:" + taxii.server.port() + "/tocsin/";
        assertThat(json(discovery).get("default").asText()).isEqualTo(root);
        assertThat(json(discovery).get("api_roots").get(0).asText()).isEqualTo(root);
        assertThat(json(discovery).get("title").asText()).isEqualTo("Tocsin TAXII (test)");

        JsonNode apiRoot = json(taxii.get("/tocsin/", ANALYST));
        assertThat(apiRoot.get("versions").get(0).asText()).isEqualTo(TAXII);
        assertThat(apiRoot.get("max_content_length").asLong()).isEqualTo(TestServer.MAX_CONTENT);

        // the partner sees only the collections it has rights on, each with its own rights
        JsonNode partnerCollections = json(taxii.get("/tocsin/collections/", PARTNER)).get("collections");
        assertThat(partnerCollections).extracting(c -> c.get("alias").asText()).containsExactly("findings", "shared");
        assertThat(partnerCollections.get(0).get("can_read").asBoolean()).isTrue();
        assertThat(partnerCollections.get(0).get("can_write").asBoolean()).isFalse();
        assertThat(partnerCollections.get(1).get("can_write").asBoolean()).isTrue();
        assertThat(partnerCollections.get(1).get("media_types").get(0).asText()).isEqualTo("application/stix+json;version=2.1");
        assertThat(json(taxii.get("/tocsin/collections/", ANALYST)).get("collections")).hasSize(3);

        JsonNode shared = json(taxii.get("/tocsin/collections/" + SHARED + "/", bearer(READER_TOKEN)));
        assertThat(shared.get("id").asText()).isEqualTo(SHARED);
        assertThat(shared.get("can_read").asBoolean()).isTrue();
        assertThat(shared.get("can_write").asBoolean()).isFalse();
        assertThat(json(taxii.get("/tocsin/collections/" + SHARED + "/", bearer(WRITER_TOKEN))).get("can_read").asBoolean()).isFalse();
    }

    @Test
    void noOneGetsInWithoutRightCredentials() throws Exception {
        HttpResponse<String> none = taxii.get("/taxii2/", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().allValues("WWW-Authenticate")).anyMatch(h -> h.startsWith("Basic"))
                .anyMatch(h -> h.startsWith("Bearer"));
        assertThat(json(none).get("http_status").asText()).isEqualTo("401");
        assertThat(json(none).get("title").asText()).isNotBlank();
        assertThat(taxii.get(OBJECTS, basic("partner", "wrong")).statusCode()).isEqualTo(401);
        assertThat(taxii.get(OBJECTS, basic("nobody", "partner-pw")).statusCode()).isEqualTo(401);
        assertThat(taxii.get(OBJECTS, bearer("not-a-token")).statusCode()).isEqualTo(401);
        assertThat(taxii.get(OBJECTS, "Digest username=partner").statusCode()).isEqualTo(401);
        assertThat(taxii.get(OBJECTS, "Basic %%%").statusCode()).isEqualTo(401);
        // an unknown collection is not found only for someone who got in
        assertThat(taxii.get("/tocsin/collections/" + java.util.UUID.randomUUID() + "/objects/", null).statusCode()).isEqualTo(401);

        assertThat(taxii.get(OBJECTS, basic("partner", "partner-pw")).statusCode()).isEqualTo(200);
        assertThat(taxii.get(OBJECTS, basic("partner", "partner-pw")).statusCode()).isEqualTo(200); // remembered
        assertThat(taxii.get(OBJECTS, basic("analyst", "analyst-pw")).statusCode()).isEqualTo(200);
        assertThat(taxii.get(OBJECTS, PARTNER).statusCode()).isEqualTo(200);
    }

    @Test
    void rightsArePerAccountAndCollection() throws Exception {
        String body = TestServer.envelope(List.of(indicator("a.example", "2024-05-01T10:00:00Z")));
        // read without write
        assertThat(taxii.get(OBJECTS, bearer(READER_TOKEN)).statusCode()).isEqualTo(200);
        HttpResponse<String> readerPost = taxii.post(OBJECTS, bearer(READER_TOKEN), TAXII, body);
        assertThat(readerPost.statusCode()).isEqualTo(403);
        assertThat(json(readerPost).get("http_status").asText()).isEqualTo("403");
        // write without read
        assertThat(taxii.post(OBJECTS, bearer(WRITER_TOKEN), TAXII, body).statusCode()).isEqualTo(202);
        assertThat(taxii.get(OBJECTS, bearer(WRITER_TOKEN)).statusCode()).isEqualTo(403);
        assertThat(taxii.get("/tocsin/collections/" + SHARED + "/manifest/", bearer(WRITER_TOKEN)).statusCode()).isEqualTo(403);
        String objectPath = OBJECTS + indicator("a.example", "2024-05-01T10:00:00Z").get("id").asText() + "/";
        assertThat(taxii.get(objectPath, bearer(WRITER_TOKEN)).statusCode()).isEqualTo(403);
        assertThat(taxii.delete(objectPath, bearer(WRITER_TOKEN)).statusCode()).isEqualTo(403);
        assertThat(taxii.delete(objectPath, bearer(READER_TOKEN)).statusCode()).isEqualTo(403);
        // no rights at all
        assertThat(taxii.get("/tocsin/collections/" + INTERNAL + "/", PARTNER).statusCode()).isEqualTo(403);
        assertThat(taxii.get("/tocsin/collections/" + INTERNAL + "/objects/", PARTNER).statusCode()).isEqualTo(403);
        assertThat(taxii.get("/tocsin/collections/" + INTERNAL + "/objects/", ANALYST).statusCode()).isEqualTo(200);
        // findings are published by the server, not posted
        assertThat(taxii.post("/tocsin/collections/" + FINDINGS + "/objects/", ANALYST, TAXII, body).statusCode()).isEqualTo(403);
        HttpResponse<String> unknown = taxii.get("/tocsin/collections/" + java.util.UUID.randomUUID() + "/objects/", ANALYST);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("http_status").asText()).isEqualTo("404");
        assertThat(taxii.get(OBJECTS + "indicator--" + java.util.UUID.randomUUID() + "/", ANALYST).statusCode()).isEqualTo(404);
        assertThat(taxii.get("/tocsin/status/" + java.util.UUID.randomUUID() + "/", ANALYST).statusCode()).isEqualTo(404);
        assertThat(taxii.get("/tocsin/nothing-here/", ANALYST).statusCode()).isEqualTo(404);
    }

    @Test
    void mediaTypesAreChecked() throws Exception {
        assertThat(taxii.get(OBJECTS, PARTNER, "application/json").statusCode()).isEqualTo(406);
        assertThat(taxii.get(OBJECTS, PARTNER, "application/taxii+json;version=2.0").statusCode()).isEqualTo(406);
        assertThat(json(taxii.get("/taxii2/", PARTNER, "text/html")).get("http_status").asText()).isEqualTo("406");
        assertThat(taxii.get(OBJECTS, PARTNER, "application/taxii+json").statusCode()).isEqualTo(200);
        assertThat(taxii.get(OBJECTS, PARTNER, "application/json, application/taxii+json; version=2.1; q=0.5").statusCode())
                .isEqualTo(200);
        assertThat(taxii.get(OBJECTS, PARTNER, "*/*").statusCode()).isEqualTo(200);
        assertThat(taxii.get(OBJECTS, PARTNER, "application/taxii+json;version=2.1;q=0").statusCode()).isEqualTo(406);

        String body = TestServer.envelope(List.of(indicator("a.example", "2024-05-01T10:00:00Z")));
        assertThat(taxii.post(OBJECTS, PARTNER, "application/json", body).statusCode()).isEqualTo(415);
        assertThat(taxii.post(OBJECTS, PARTNER, "application/stix+json;version=2.1", body).statusCode()).isEqualTo(415);
        assertThat(taxii.post(OBJECTS, PARTNER, "application/taxii+json;version=2.0", body).statusCode()).isEqualTo(415);
        assertThat(taxii.post(OBJECTS, PARTNER, "application/taxii+json; version=2.1; charset=utf-8", body).statusCode()).isEqualTo(202);

        String big = TestServer.envelope(List.of(indicator("x".repeat((int) TestServer.MAX_CONTENT), "2024-05-01T10:00:00Z")));
        HttpResponse<String> tooBig = taxii.post(OBJECTS, PARTNER, TAXII, big);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(json(tooBig).get("http_status").asText()).isEqualTo("413");
        // a body sent without a length is cut off at the limit too
        HttpResponse<String> chunked = taxii.send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:"
                        + taxii.server.port() + OBJECTS)).header("Authorization", PARTNER).header("Content-Type", TAXII)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)))));
        assertThat(chunked.statusCode()).isEqualTo(413);

        assertThat(taxii.post(OBJECTS, PARTNER, TAXII, "{not json").statusCode()).isEqualTo(400);
        assertThat(taxii.post(OBJECTS, PARTNER, TAXII, "{\"objects\": []}").statusCode()).isEqualTo(400);
        assertThat(taxii.send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + taxii.server.port() + OBJECTS))
                .header("Authorization", PARTNER).PUT(HttpRequest.BodyPublishers.ofString(body))).statusCode()).isEqualTo(405);
    }

    @Test
    void aPostIsStoredAndItsStatusKept() throws Exception {
        ObjectNode good = indicator("a.example", "2024-05-01T10:00:00Z", TLP2_GREEN);
        ObjectNode other = indicator("b.example", "2024-05-01T10:00:00Z");
        ObjectNode bad = indicator("c.example", "2024-05-01T10:00:00Z").put("id", "malware--1");
        JsonNode status = taxii.add(SHARED, PARTNER, List.of(good, other, bad, good));
        assertThat(status.get("status").asText()).isEqualTo("complete");
        assertThat(status.get("total_count").asInt()).isEqualTo(4);
        assertThat(status.get("success_count").asInt()).isEqualTo(3); // the repeated object is there: a success
        assertThat(status.get("failure_count").asInt()).isEqualTo(1);
        assertThat(status.get("pending_count").asInt()).isZero();
        assertThat(status.get("failures").get(0).get("id").asText()).isEqualTo("malware--1");
        assertThat(status.get("failures").get(0).get("message").asText()).contains("indicator--<UUID>");
        assertThat(status.get("successes")).extracting(s -> s.get("version").asText()).containsOnly("2024-05-01T10:00:00Z");

        String statusPath = "/tocsin/status/" + status.get("id").asText() + "/";
        assertThat(json(taxii.get(statusPath, PARTNER))).isEqualTo(status);
        assertThat(json(taxii.get(statusPath, ANALYST))).isEqualTo(status); // an internal account may look
        assertThat(taxii.get(statusPath, bearer(READER_TOKEN)).statusCode()).isEqualTo(404); // another partner may not

        // the importer's hook was given what was newly stored, once each
        assertThat(taxii.hooked).containsExactly(good, other);
        JsonNode again = taxii.add(SHARED, PARTNER, List.of(good));
        assertThat(again.get("successes").get(0).get("message").asText()).contains("already");
        assertThat(taxii.hooked).hasSize(2);

        assertThat(ids(taxii.get(OBJECTS, bearer(READER_TOKEN)))).containsExactlyInAnyOrder(good.get("id").asText(), other.get("id").asText());
        assertThat(json(taxii.get(OBJECTS + good.get("id").asText() + "/", bearer(READER_TOKEN))).get("objects").get(0)).isEqualTo(good);
    }

    @Test
    void everyFilterSelectsWhatTaxiiSays() throws Exception {
        ObjectNode a1 = indicator("a.example", "2024-05-01T10:00:00.000Z");
        ObjectNode a2 = indicator("a.example", "2024-05-02T10:00:00.000Z");
        ObjectNode b = indicator("b.example", "2024-05-01T10:00:00.000Z");
        ObjectNode domain = TestServer.JSON.createObjectNode().put("type", "domain-name").put("spec_version", "2.1")
                .put("id", "domain-name--" + java.util.UUID.nameUUIDFromBytes("a".getBytes(StandardCharsets.UTF_8))).put("value", "a.example");
        taxii.add(SHARED, ANALYST, List.of(a1, b));
        taxii.add(SHARED, ANALYST, List.of(a2, domain));
        String a = a1.get("id").asText();

        HttpResponse<String> all = taxii.get(OBJECTS, PARTNER);
        assertThat(ids(all)).containsExactly(b.get("id").asText(), a, domain.get("id").asText()); // latest versions, in order added
        assertThat(json(all).get("more").asBoolean()).isFalse();
        assertThat(json(all).has("next")).isFalse();
        JsonNode manifest = json(taxii.get("/tocsin/collections/" + SHARED + "/manifest/?match[version]=all", PARTNER));
        List<String> dates = new ArrayList<>();
        manifest.get("objects").forEach(m -> dates.add(m.get("date_added").asText()));
        assertThat(dates).hasSize(4).isSorted();
        assertThat(all.headers().firstValue("X-TAXII-Date-Added-First").orElseThrow()).isEqualTo(dates.get(1));
        assertThat(all.headers().firstValue("X-TAXII-Date-Added-Last").orElseThrow()).isEqualTo(dates.get(3));

        assertThat(ids(taxii.get(OBJECTS + "?added_after=" + dates.get(1), PARTNER))).containsExactly(a, domain.get("id").asText());
        assertThat(ids(taxii.get(OBJECTS + "?match[id]=" + a + "," + b.get("id").asText(), PARTNER))).hasSize(2);
        assertThat(ids(taxii.get(OBJECTS + "?match[type]=domain-name", PARTNER))).containsExactly(domain.get("id").asText());
        assertThat(ids(taxii.get(OBJECTS + "?match[type]=indicator&match[type]=domain-name", PARTNER))).hasSize(3);
        assertThat(versions(taxii.get(OBJECTS + "?match[id]=" + a + "&match[version]=first", PARTNER))).containsExactly("2024-05-01T10:00:00.000Z");
        assertThat(versions(taxii.get(OBJECTS + "?match[id]=" + a + "&match[version]=all", PARTNER))).hasSize(2);
        assertThat(versions(taxii.get(OBJECTS + "?match[id]=" + a + "&match[version]=2024-05-02T10:00:00Z", PARTNER)))
                .containsExactly("2024-05-02T10:00:00.000Z");
        assertThat(ids(taxii.get(OBJECTS + "?match[spec_version]=2.1", PARTNER))).hasSize(3);
        assertThat(json(taxii.get(OBJECTS + "?match[spec_version]=2.0", PARTNER)).has("objects")).isFalse();

        HttpResponse<String> first = taxii.get(OBJECTS + "?limit=2", PARTNER);
        assertThat(ids(first)).hasSize(2);
        assertThat(json(first).get("more").asBoolean()).isTrue();
        HttpResponse<String> rest = taxii.get(OBJECTS + "?limit=2&next=" + json(first).get("next").asText(), PARTNER);
        assertThat(ids(rest)).containsExactly(domain.get("id").asText());
        assertThat(json(rest).get("more").asBoolean()).isFalse();

        for (String bad : List.of("limit=0", "limit=many", "added_after=yesterday", "match[version]=newest", "next=bm9wZQ")) {
            HttpResponse<String> r = taxii.get(OBJECTS + "?" + bad, PARTNER);
            assertThat(r.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(r).get("http_status").asText()).isEqualTo("400");
        }
    }

    @Test
    void singleObjectVersionsManifestAndDelete() throws Exception {
        ObjectNode a1 = indicator("a.example", "2024-05-01T10:00:00.000Z");
        ObjectNode a2 = indicator("a.example", "2024-05-02T10:00:00.000Z");
        ObjectNode a3 = indicator("a.example", "2024-05-03T10:00:00.000Z");
        taxii.add(SHARED, PARTNER, List.of(a1, a2, a3));
        String path = OBJECTS + a1.get("id").asText() + "/";

        assertThat(versions(taxii.get(path, PARTNER))).containsExactly("2024-05-03T10:00:00.000Z");
        assertThat(versions(taxii.get(path + "?match[version]=all&limit=2", PARTNER))).hasSize(2);
        HttpResponse<String> versions = taxii.get(path + "versions/", PARTNER);
        assertThat(json(versions).get("versions")).extracting(JsonNode::asText)
                .containsExactly("2024-05-01T10:00:00.000Z", "2024-05-02T10:00:00.000Z", "2024-05-03T10:00:00.000Z");
        assertThat(versions.headers().firstValue("X-TAXII-Date-Added-First")).isPresent();
        HttpResponse<String> page = taxii.get(path + "versions/?limit=2", PARTNER);
        assertThat(json(page).get("versions")).hasSize(2);
        assertThat(json(taxii.get(path + "versions/?limit=2&next=" + json(page).get("next").asText(), PARTNER)).get("versions"))
                .extracting(JsonNode::asText).containsExactly("2024-05-03T10:00:00.000Z");

        JsonNode manifest = json(taxii.get("/tocsin/collections/" + SHARED + "/manifest/", PARTNER)).get("objects");
        assertThat(manifest).singleElement().satisfies(m -> {
            assertThat(m.get("id").asText()).isEqualTo(a1.get("id").asText());
            assertThat(m.get("version").asText()).isEqualTo("2024-05-03T10:00:00.000Z");
            assertThat(m.get("media_type").asText()).isEqualTo("application/stix+json;version=2.1");
            assertThat(m.get("date_added").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        });

        assertThat(taxii.delete(path + "?match[version]=first", PARTNER).statusCode()).isEqualTo(200);
        assertThat(json(taxii.get(path + "versions/", PARTNER)).get("versions")).hasSize(2);
        assertThat(taxii.delete(path, PARTNER).statusCode()).isEqualTo(200);
        assertThat(taxii.get(path, PARTNER).statusCode()).isEqualTo(404);
        assertThat(taxii.get(path + "versions/", PARTNER).statusCode()).isEqualTo(404);
        assertThat(taxii.delete(path, PARTNER).statusCode()).isEqualTo(404);
    }

    @Test
    void aPartnerNeverSeesARedObjectThroughAnyEndpoint() throws Exception {
        ObjectNode red1 = indicator("red1.example", "2024-05-01T10:00:00Z", TLP1_RED);
        ObjectNode red2 = indicator("red2.example", "2024-05-01T10:00:00Z", TLP2_RED, TLP2_GREEN);
        ObjectNode granular = indicator("granular.example", "2024-05-01T10:00:00Z", TLP2_GREEN);
        granular.putArray("granular_markings").addObject().put("marking_ref", TLP1_RED).putArray("selectors").add("name");
        ObjectNode greenThenRed1 = indicator("turned.example", "2024-05-01T10:00:00.000Z", TLP2_GREEN);
        ObjectNode greenThenRed2 = indicator("turned.example", "2024-05-02T10:00:00.000Z", TLP2_RED);
        ObjectNode green = indicator("green.example", "2024-05-01T10:00:00Z", TLP2_GREEN);
        JsonNode status = taxii.add(SHARED, ANALYST, List.of(red1, red2, granular, greenThenRed1, greenThenRed2, green));
        assertThat(status.get("success_count").asInt()).isEqualTo(6);
        List<String> redIds = List.of(red1.get("id").asText(), red2.get("id").asText(), granular.get("id").asText());

        for (String who : List.of(PARTNER, bearer(READER_TOKEN))) {
            String everything = "?match[version]=all";
            assertThat(ids(taxii.get(OBJECTS + everything, who))).containsExactly(greenThenRed1.get("id").asText(), green.get("id").asText());
            assertThat(versions(taxii.get(OBJECTS + "?match[id]=" + greenThenRed1.get("id").asText(), who)))
                    .containsExactly("2024-05-01T10:00:00.000Z"); // its last version for a partner is the last one not red
            assertThat(ids(taxii.get("/tocsin/collections/" + SHARED + "/manifest/" + everything, who))).doesNotContainAnyElementsOf(redIds)
                    .hasSize(2);
            assertThat(json(taxii.get(OBJECTS + greenThenRed1.get("id").asText() + "/versions/", who)).get("versions"))
                    .extracting(JsonNode::asText).containsExactly("2024-05-01T10:00:00.000Z");
            for (String id : redIds) {
                assertThat(ids(taxii.get(OBJECTS + "?match[id]=" + id, who))).isEmpty();
                HttpResponse<String> one = taxii.get(OBJECTS + id + "/", who);
                HttpResponse<String> unknown = taxii.get(OBJECTS + "indicator--" + java.util.UUID.randomUUID() + "/", who);
                assertThat(one.statusCode()).isEqualTo(404);
                // the same answer as for an object that does not exist, but for the id it repeats
                assertThat(json(one).get("title")).isEqualTo(json(unknown).get("title"));
                assertThat(taxii.get(OBJECTS + id + "/versions/", who).statusCode()).isEqualTo(404);
                assertThat(taxii.get(OBJECTS + id + "/?match[version]=all", who).statusCode()).isEqualTo(404);
            }
        }
        assertThat(taxii.delete(OBJECTS + red1.get("id").asText() + "/", PARTNER).statusCode()).isEqualTo(404);
        assertThat(taxii.delete(OBJECTS + greenThenRed1.get("id").asText() + "/", PARTNER).statusCode()).isEqualTo(200);

        // an internal account sees it all, the partner's delete having left the red version alone
        assertThat(ids(taxii.get(OBJECTS + "?match[version]=all", ANALYST))).containsAll(redIds).contains(greenThenRed2.get("id").asText());
        assertThat(versions(taxii.get(OBJECTS + greenThenRed1.get("id").asText() + "/", ANALYST))).containsExactly("2024-05-02T10:00:00.000Z");
        assertThat(taxii.get(OBJECTS + red1.get("id").asText() + "/", ANALYST).statusCode()).isEqualTo(200);
        assertThat(json(taxii.get(OBJECTS + red2.get("id").asText() + "/versions/", ANALYST)).get("versions")).hasSize(1);
    }

    @Test
    void pagesNeitherRepeatNorSkipObjectsWhileOthersAreAdded() throws Exception {
        Set<String> expected = new HashSet<>();
        List<ObjectNode> initial = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            initial.add(indicator("start-" + i + ".example", "2024-05-01T10:00:00Z"));
        }
        taxii.add(SHARED, ANALYST, initial);
        initial.forEach(o -> expected.add(o.get("id").asText()));

        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<List<String>> concurrent = writer.submit(() -> { // a partner keeps posting while the pages are read
                List<String> added = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    ObjectNode o = indicator("concurrent-" + i + ".example", "2024-05-01T10:00:00Z");
                    taxii.add(SHARED, PARTNER, List.of(o));
                    added.add(o.get("id").asText());
                }
                return added;
            });
            // a client reads every page (next), then, caught up, polls for what came since (added_after)
            List<String> seen = new ArrayList<>();
            String since = null;
            int pages = 0;
            for (boolean writerDone = false; ; writerDone = true) {
                String next = null;
                do {
                    String query = "?limit=10" + (since == null ? "" : "&added_after=" + since)
                            + (next == null ? "" : "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
                    HttpResponse<String> r = taxii.get(OBJECTS + query, bearer(READER_TOKEN));
                    assertThat(r.statusCode()).isEqualTo(200);
                    seen.addAll(ids(r));
                    since = r.headers().firstValue("X-TAXII-Date-Added-Last").orElse(since);
                    next = json(r).get("more").asBoolean() ? json(r).get("next").asText() : null;
                    if (pages++ < 2) { // others add between the pages too
                        ObjectNode o = indicator("between-" + pages + ".example", "2024-05-01T10:00:00Z");
                        taxii.add(SHARED, ANALYST, List.of(o));
                        expected.add(o.get("id").asText());
                    }
                } while (next != null);
                if (writerDone) {
                    break;
                }
                expected.addAll(concurrent.get());
            }
            assertThat(pages).isGreaterThan(4);
            assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        } finally {
            writer.shutdownNow();
        }
    }

    private static List<String> versions(HttpResponse<String> r) throws Exception {
        List<String> v = new ArrayList<>();
        json(r).path("objects").forEach(o -> v.add(o.get("modified").asText()));
        return v;
    }
}
