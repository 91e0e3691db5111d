package org.tocsin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.server.TestServer.PARTNER_TOKEN;
import static org.tocsin.server.TestServer.SHARED;
import static org.tocsin.server.TestServer.TAXII;
import static org.tocsin.server.TestServer.basic;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.testing.Needs;

/**
 * Failed sign-ins over HTTP, from several loopback addresses: after the limit a client is told to wait (429,
 * Retry-After, a TAXII error) and no password is hashed; others are not held up. The throttle's clock is the
 * test's, so nothing depends on how fast the machine is.
 */
class SignInBackoffTest {
    private static final String OBJECTS = "/tocsin/collections/" + SHARED + "/objects/";
    private static final String ATTACKER = "127.0.0.2";
    private static final String USER = "127.0.0.3";
    private final AtomicLong now = new AtomicLong();
    @TempDir
    Path dir;
    TestServer taxii;

    @BeforeEach
    void start() throws Exception {
        boolean twoClients = RawHttp.canComeFrom(ATTACKER) && RawHttp.canComeFrom(USER);
        String why = "this machine has no loopback addresses besides 127.0.0.1 (Linux has all of 127/8): no second client to test with";
        Needs.that(twoClients, why);
        taxii = TestServer.start(dir, new SignInThrottle(SignInThrottle.Limits.DEFAULT, now::get),
                new SlowRefusals(Duration.ofMillis(1), 1_000));
    }

    @AfterEach
    void stop() throws Exception {
        if (taxii != null) {
            taxii.close();
        }
    }

    @Test
    void anAddressThatKeepsGuessingIsToldToWaitAndOthersAreNot() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(get(ATTACKER, basic("partner", "guess-" + i)).status()).isEqualTo(401);
        }
        assertThat(taxii.server.passwordHashes()).isEqualTo(5);
        RawHttp.Response refused = get(ATTACKER, basic("partner", "guess-5"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).isEqualToIgnoringWhitespace(TAXII);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        JsonNode error = TestServer.JSON.readTree(refused.body());
        assertThat(error.get("http_status").asText()).isEqualTo("429");
        assertThat(error.get("title").asText()).isNotBlank();
        // an unknown name from there gets the same answer, and the right password too: the address waits
        assertThat(get(ATTACKER, basic("nobody", "guess")).status()).isEqualTo(429);
        assertThat(get(ATTACKER, basic("partner", "partner-pw")).status()).isEqualTo(429);
        assertThat(taxii.server.passwordHashes()).as("no hash while the address waits").isEqualTo(5);

        // the account's owner, elsewhere, signs in; a token works from the waiting address (it cannot be guessed)
        assertThat(get(USER, basic("partner", "partner-pw")).status()).isEqualTo(200);
        assertThat(get(ATTACKER, "Bearer " + PARTNER_TOKEN).status()).isEqualTo(200);
        assertThat(taxii.server.passwordHashes()).isEqualTo(6);

        // waiting as told buys one more check, after which the wait doubles
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(get(ATTACKER, basic("partner", "guess-6")).status()).isEqualTo(401);
        assertThat(get(ATTACKER, basic("partner", "guess-7")).header("Retry-After")).isEqualTo("2");
        assertThat(taxii.server.passwordHashes()).isEqualTo(7);
    }

    @Test
    void whenTooManyRefusalsWaitOneIsAnsweredAtOnceAndItsConnectionClosed(@TempDir Path other) throws Exception {
        try (TestServer full = TestServer.start(other, new SignInThrottle(SignInThrottle.Limits.DEFAULT, now::get),
                new SlowRefusals(Duration.ofMinutes(10), 0))) { // no room for a waiting answer: a 10-minute pause is never taken
            int port = full.server.port();
            for (int i = 0; i < 5; i++) {
                RawHttp.send(port, ATTACKER, "GET " + OBJECTS + " HTTP/1.1", "Authorization: " + basic("partner", "guess-" + i));
            }
            RawHttp.Response refused = RawHttp.send(port, ATTACKER, "GET " + OBJECTS + " HTTP/1.1",
                    "Authorization: " + basic("partner", "guess-5"), "Connection: keep-alive"); // read until the server closes
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(refused.header("Connection")).isEqualToIgnoringCase("close");
        }
    }

    private RawHttp.Response get(String from, String authorization) throws Exception {
        return RawHttp.send(taxii.server.port(), from, "GET " + OBJECTS + " HTTP/1.1", "Authorization: " + authorization,
                "Accept: " + TAXII);
    }
}
