package org.tocsin.server;

import java.time.Duration;

/**
 * A sign-in refused before any password was checked, because its client address or account name has failed too
 * often ({@link SignInThrottle}): 429, with how long to wait in Retry-After (whole seconds, rounded up).
 */
final class SignInRefused extends TaxiiError {
    private final long retryAfterSeconds;

    SignInRefused(Duration wait) {
        super(429, "Too many failed sign-ins", "Too many wrong passwords from this address or for this account name;"
                + " no password is checked for " + seconds(wait) + " s. Machines should use a bearer token.");
        this.retryAfterSeconds = seconds(wait);
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
