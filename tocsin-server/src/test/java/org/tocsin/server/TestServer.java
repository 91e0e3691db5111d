package org.tocsin.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.tocsin.store.Findings;
import org.tocsin.store.Store;

/**
 * A running server on an H2 file and an ephemeral port, with the accounts and collections the tests use, and a
 * java.net.http client speaking to it as a TAXII client would.
 */
final class TestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TAXII = "application/taxii+json;version=2.1";
    static final String FINDINGS = "4b1e8c2a-5d6f-4a7b-8c9d-0e1f2a3b4c5d";
    static final String SHARED = "7c2d9e3f-6a7b-4c8d-9e0f-1a2b3c4d5e6f";
    static final String INTERNAL = "a1b2c3d4-e5f6-4789-8abc-def012345678";
    static final String ANALYST_TOKEN = "analyst-token-" + UUID.randomUUID();
    static final String PARTNER_TOKEN = "partner-token-" + UUID.randomUUID();
    static final String READER_TOKEN = "reader-token-" + UUID.randomUUID();
    static final String WRITER_TOKEN = "writer-token-" + UUID.randomUUID();
    /** Few PBKDF2 iterations: the tests check the scheme, not its cost. */
    private static final int ITERATIONS = 1_000;
    static final long MAX_CONTENT = 256 * 1024;

    final Store store;
    final TaxiiServer server;
    final Connections db;
    final List<JsonNode> hooked = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    /** The findings to publish: a bundle made from the test's store, which it may fill first. */
    interface Findings {
        Supplier<ObjectNode> of(Store store) throws SQLException;
    }

    private TestServer(Path dir, Findings findings, SignInThrottle throttle, SlowRefusals refusals) throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("store-" + UUID.randomUUID());
        store = Store.open(url, "sa", "");
        db = new Connections(url, "sa", "", 4);
        server = TaxiiServer.start(config(), "127.0.0.1", 0, db, findings.of(store), hooked::addAll, throttle, refusals);
        base = "http://127.0.0.1:" + server.port();
    }

    static TestServer start(Path dir) throws SQLException {
        return start(dir, store -> TestServer::emptyBundle);
    }

    static TestServer start(Path dir, Findings findings) throws SQLException {
        return new TestServer(dir, findings, new SignInThrottle(), new SlowRefusals(SlowRefusals.PAUSE, 1_000));
    }

    /** With sign-in limits of the test's: a clock it moves, a short pause before each refusal. */
    static TestServer start(Path dir, SignInThrottle throttle, SlowRefusals refusals) throws SQLException {
        return new TestServer(dir, store -> TestServer::emptyBundle, throttle, refusals);
    }

    private static ObjectNode emptyBundle() {
        ObjectNode b = JSON.createObjectNode().put("type", "bundle").put("id", "bundle--" + UUID.randomUUID());
        b.putArray("objects");
        return b;
    }

    static ServerConfig config() {
        List<CollectionConfig> collections = List.of(
                new CollectionConfig(FINDINGS, "findings", "Tocsin findings", "What Tocsin found", true),
                new CollectionConfig(SHARED, "shared", "Shared with partners", null, false),
                new CollectionConfig(INTERNAL, "internal", "Analysts only", null, false));
        List<Account> accounts = List.of(
                account("analyst", "internal", "analyst-pw", ANALYST_TOKEN, List.of("findings", "shared", "internal"),
                        List.of("shared", "internal")),
                account("partner", "partner", "partner-pw", PARTNER_TOKEN, List.of("findings", "shared"), List.of("shared")),
                account("reader", "partner", null, READER_TOKEN, List.of("shared"), List.of()),
                account("writer", "partner", null, WRITER_TOKEN, List.of(), List.of("shared")));
        return new ServerConfig("Tocsin TAXII (test)", "a test server", null, null, MAX_CONTENT, 1000, 3600, collections, accounts);
    }

    private static Account account(String name, String kind, String password, String token, List<String> read, List<String> write) {
        return new Account(name, kind, password == null ? null : Secrets.hashPassword(password.toCharArray(), ITERATIONS),
                List.of(Secrets.hashToken(token)), read, write);
    }

    static String basic(String name, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    /** A GET as a TAXII client sends it. */
    HttpResponse<String> get(String path, String authorization) throws Exception {
        return get(path, authorization, TAXII);
    }

    HttpResponse<String> get(String path, String authorization, String accept) throws Exception {
        return send(request(path, authorization, accept).GET());
    }

    HttpResponse<String> delete(String path, String authorization) throws Exception {
        return send(request(path, authorization, TAXII).DELETE());
    }

    HttpResponse<String> post(String path, String authorization, String contentType, String body) throws Exception {
        return send(request(path, authorization, TAXII).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** POSTs objects to a collection as an envelope; returns the status resource. */
    JsonNode add(String collection, String authorization, List<? extends JsonNode> objects) throws Exception {
        HttpResponse<String> r = post("/tocsin/collections/" + collection + "/objects/", authorization, TAXII, envelope(objects));
        if (r.statusCode() != 202) {
            throw new AssertionError("POST answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    static String envelope(List<? extends JsonNode> objects) {
        ObjectNode e = JSON.createObjectNode();
        ArrayNode list = e.putArray("objects");
        objects.forEach(list::add);
        return e.toString();
    }

    private HttpRequest.Builder request(String path, String authorization, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        return b;
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    /** The ids of an envelope's or manifest's objects, in order. */
    static List<String> ids(HttpResponse<String> r) throws Exception {
        List<String> ids = new ArrayList<>();
        json(r).path("objects").forEach(o -> ids.add(o.get("id").asText()));
        return ids;
    }

    /** An indicator with a fixed id per name, at a version, with object markings. */
    static ObjectNode indicator(String name, String modified, String... markings) {
        ObjectNode o = JSON.createObjectNode().put("type", "indicator").put("spec_version", "2.1")
                .put("id", "indicator--" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)))
                .put("created", "2024-01-01T00:00:00.000Z").put("modified", modified).put("name", name)
                .put("pattern", "[domain-name:value = '" + name + "']").put("pattern_type", "stix")
                .put("valid_from", "2024-01-01T00:00:00Z");
        ArrayNode refs = o.putArray("object_marking_refs");
        for (String m : markings) {
            refs.add(m);
        }
        if (markings.length == 0) {
            o.remove("object_marking_refs");
        }
        return o;
    }

    @Override
    public void close() throws SQLException {
        server.close();
        db.close();
        store.close();
    }
}
