package org.tocsin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.server.TestServer.basic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The sign-in rules ({@link SignInThrottle} through {@link Authenticator}), on a clock the test moves: what is
 * answered, and how many PBKDF2 checks it cost (counted by the authenticator, never timed).
 */
class AuthenticatorTest {
    private final AtomicLong now = new AtomicLong();
    private final Authenticator auth = new Authenticator(TestServer.config().accounts(),
            new SignInThrottle(SignInThrottle.Limits.DEFAULT, now::get));

    @Test
    void anUnknownNameIsAnsweredAsAWrongPasswordIsBeforeAndAfterTheLimit() {
        List<String> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<Long> knownHashes = new ArrayList<>();
        List<Long> unknownHashes = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long before = auth.passwordHashes();
            known.add(outcome(basic("partner", "wrong-" + i), "10.0.0.1"));
            knownHashes.add(auth.passwordHashes() - before);
            before = auth.passwordHashes();
            unknown.add(outcome(basic("no-such-account", "wrong-" + i), "10.0.0.2"));
            unknownHashes.add(auth.passwordHashes() - before);
            now.addAndGet(Duration.ofMillis(700).toNanos());
        }
        assertThat(unknown).isEqualTo(known);
        assertThat(unknownHashes).isEqualTo(knownHashes);
        assertThat(known).startsWith("401", "401", "401", "401", "401").contains("429 retry after 1 s", "429 retry after 2 s");
        assertThat(knownHashes).contains(0L).contains(1L).containsOnly(0L, 1L); // one hash per check, none when refused
    }

    @Test
    void aWaitingAddressIsRefusedWithoutAHashWhateverItSends() {
        for (int i = 0; i < 5; i++) {
            assertThat(outcome(basic("partner", "wrong-" + i), "10.0.0.1")).isEqualTo("401");
        }
        long hashes = auth.passwordHashes();
        for (String authorization : List.of(basic("partner", "wrong"), basic("analyst", "analyst-pw"), basic("nobody", "x"),
                basic("partner", "partner-pw"))) {
            assertThat(outcome(authorization, "10.0.0.1")).startsWith("429");
        }
        assertThat(auth.passwordHashes()).isEqualTo(hashes);
        // a remembered right password is no way round the wait: it is not even compared while the address waits
        assertThat(outcome(basic("partner", "partner-pw"), "10.0.0.9")).isEqualTo("partner");
        assertThat(outcome(basic("partner", "partner-pw"), "10.0.0.1")).startsWith("429");
        // bearer tokens are not throttled: nothing to guess, nothing costly
        assertThat(outcome("Bearer " + TestServer.PARTNER_TOKEN, "10.0.0.1")).isEqualTo("partner");
    }

    @Test
    void signingInToOneAccountDoesNotWipeTheFailuresOfAnAddress() {
        for (int i = 0; i < 5; i++) {
            assertThat(outcome(basic("analyst", "wrong-" + i), "10.0.0.1")).isEqualTo("401");
            if (i < 4) {
                assertThat(outcome(basic("partner", "partner-pw"), "10.0.0.1")).isEqualTo("partner");
            }
        }
        assertThat(outcome(basic("analyst", "wrong-5"), "10.0.0.1")).startsWith("429");
    }

    @Test
    void aGuesserOnManyAddressesDelaysAnAccountOnlyForAddressesItsOwnerHasNotUsed() {
        assertThat(outcome(basic("partner", "partner-pw"), "10.0.0.1")).isEqualTo("partner"); // the owner's usual address
        for (int i = 0; i < 200; i++) { // 100 addresses, two guesses each: under every address's limit
            assertThat(outcome(basic("partner", "guess-" + i), "10.1." + i / 2 / 250 + "." + i / 2 % 250)).startsWith("4");
            now.addAndGet(Duration.ofMillis(100).toNanos());
        }
        long hashes = auth.passwordHashes();
        assertThat(retryAfter(outcome(basic("partner", "partner-pw"), "10.2.0.1"))).isBetween(1, 60); // a delay on the name
        assertThat(auth.passwordHashes()).isEqualTo(hashes);
        // the usual address is not held up, whether its password is remembered or must be checked
        assertThat(outcome(basic("partner", "partner-pw"), "10.0.0.1")).isEqualTo("partner");
        assertThat(outcome(basic("partner", "typo"), "10.0.0.1")).isEqualTo("401");
        assertThat(auth.passwordHashes()).isEqualTo(hashes + 1);
        // other accounts are not delayed at all
        assertThat(outcome(basic("analyst", "analyst-pw"), "10.2.0.1")).isEqualTo("analyst");
        // and the new address gets its check once the delay has passed
        now.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThat(outcome(basic("partner", "partner-pw"), "10.2.0.1")).isEqualTo("partner");
    }

    @Test
    void theDelayOnANameNeverGrowsPastAMinute() {
        List<Integer> waits = new ArrayList<>();
        for (int i = 0; i < 40; i++) { // each guess from an address of its own, each waiting as told
            String answer = outcome(basic("partner", "guess-" + i), "10.3.0." + i);
            if (answer.startsWith("429")) {
                waits.add(retryAfter(answer));
                now.addAndGet(Duration.ofSeconds(retryAfter(answer)).toNanos());
            }
        }
        assertThat(waits).hasSizeGreaterThan(10).allMatch(w -> w <= 60).contains(60);
    }

    @Test
    void failuresAreForgottenAfterAQuietHour() {
        for (int i = 0; i < 6; i++) {
            outcome(basic("partner", "wrong-" + i), "10.0.0.1");
        }
        assertThat(outcome(basic("partner", "wrong"), "10.0.0.1")).startsWith("429");
        now.addAndGet(Duration.ofMinutes(61).toNanos());
        for (int i = 0; i < 5; i++) {
            assertThat(outcome(basic("partner", "wrong-" + i), "10.0.0.1")).isEqualTo("401");
        }
    }

    @Test
    void theTablesStayBoundedWhateverAddressesAndNamesArrive() {
        SignInThrottle small = new SignInThrottle(new SignInThrottle.Limits(5, Duration.ofMinutes(15), 10, Duration.ofMinutes(1),
                Duration.ofHours(1), 100, 50), now::get);
        for (int i = 0; i < 10_000; i++) {
            String address = "10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255);
            small.claim(address, "name-" + i + "x".repeat(i % 300));
            small.succeeded(address, "name-" + i, false);
        }
        assertThat(small.sizes()).containsExactly(100, 100, 50);
    }

    /** "401", "429 retry after N s" or the account's name. */
    private String outcome(String authorization, String client) {
        try {
            return auth.authenticate(authorization, client).name();
        } catch (SignInRefused r) {
            return "429 retry after " + r.retryAfterSeconds() + " s";
        } catch (TaxiiError e) {
            return String.valueOf(e.status());
        }
    }

    private static int retryAfter(String outcome) {
        assertThat(outcome).startsWith("429 retry after ");
        return Integer.parseInt(outcome.split(" ")[3]);
    }
}
