package org.tocsin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.server.TestServer.PARTNER_TOKEN;
import static org.tocsin.server.TestServer.SHARED;
import static org.tocsin.server.TestServer.TAXII;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Jetty refuses before any route runs (a %00 in the path, a URI or headers too long, a request line it cannot
 * read) is answered as a TAXII error like every other error, never as an HTML page. Sent over a plain socket: an
 * HTTP client library will not send these.
 */
class JettyErrorsTest {
    private static final String AUTH = "Authorization: Bearer " + PARTNER_TOKEN;
    private static final String OBJECTS = "/tocsin/collections/" + SHARED + "/objects/";
    @TempDir
    static Path dir;
    static TestServer taxii; // one server for all: none of these requests changes anything

    @BeforeAll
    static void start() throws Exception {
        taxii = TestServer.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        taxii.close();
    }

    @Test
    void aNulInThePathIsATaxiiBadRequest() throws Exception {
        assertTaxiiError(RawHttp.get(port(), "/taxii2/%00/", AUTH), 400);
        assertTaxiiError(RawHttp.get(port(), OBJECTS + "indicator--%00/", AUTH), 400);
        assertTaxiiError(RawHttp.get(port(), "/tocsin/%00", AUTH), 400);
    }

    @Test
    void aUriTooLongIsATaxiiError() throws Exception {
        assertTaxiiError(RawHttp.get(port(), OBJECTS + "?match[id]=" + "a".repeat(20_000), AUTH), 414);
        assertTaxiiError(RawHttp.get(port(), "/tocsin/collections/" + "x".repeat(20_000) + "/", AUTH), 414);
    }

    @Test
    void whatElseJettyRefusesIsATaxiiErrorToo() throws Exception {
        assertTaxiiError(RawHttp.get(port(), OBJECTS, AUTH, "X-Padding: " + "p".repeat(20_000)), 431);
        assertTaxiiError(RawHttp.get(port(), OBJECTS + "%zz/", AUTH), 400);
        assertTaxiiError(RawHttp.send(port(), "127.0.0.1", "GET /taxii2/ HTTP/1.1", AUTH, "Content-Length: nope"), 400);
        assertTaxiiError(RawHttp.send(port(), "127.0.0.1", "GET /taxii2/ HTTP/1.1", AUTH, "Transfer-Encoding: gzip, zip"), 400);
        assertTaxiiError(RawHttp.get(port(), "/taxii2/%2e%2e/%2e%2e/etc/passwd", AUTH), 400);
        // and what no route matches, outside the TAXII paths
        assertTaxiiError(RawHttp.get(port(), "/favicon.ico", AUTH), 404);
    }

    private static int port() {
        return taxii.server.port();
    }

    private static void assertTaxiiError(RawHttp.Response r, int status) throws Exception {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as(r.toString()).isEqualToIgnoringWhitespace(TAXII);
        assertThat(r.body()).doesNotContainIgnoringCase("<html");
        JsonNode error = TestServer.JSON.readTree(r.body());
        assertThat(error.get("http_status").asText()).isEqualTo(String.valueOf(status));
        assertThat(error.get("title").asText()).isNotBlank();
        assertThat(error.get("description").asText()).isNotBlank();
    }
}
