package org.tocsin.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.tocsin.evidence.Sha256;

/**
 * Who a request comes from: HTTP Basic (account name and password) or a bearer token, checked against the hashes
 * in the configuration. A password costs a PBKDF2 run (about half a second) to check, so a password once found
 * right is remembered, as its SHA-256, per account: a client sending Basic on every request pays for it once.
 *
 * <p>Failed password sign-ins are limited per client address and per account name ({@link SignInThrottle}): past
 * the limit a sign-in is refused ({@link SignInRefused}) before any password is compared, remembered or hashed, so a
 * guesser costs no PBKDF2 and learns nothing. An unknown name goes through the same steps as a known one (a decoy
 * hash, the same throttle), before and after the limit. Bearer tokens are 256 random bits checked with one SHA-256:
 * nothing to guess and nothing costly, so they are not throttled.
 */
final class Authenticator {
    /** What a 401 offers: either scheme. */
    static final List<String> CHALLENGES = List.of("Basic realm=\"TAXII\", charset=\"UTF-8\"", "Bearer realm=\"TAXII\"");
    /** Checked when no account has the name given, so that a wrong name costs what a wrong password does. */
    private static final class Decoy {
        static final String HASH = Secrets.hashPassword("decoy".toCharArray()); // made when first needed, not at every start
    }

    private final Map<String, Account> byName = new HashMap<>();
    private final Map<String, Account> byTokenHash = new HashMap<>();
    private final Map<String, byte[]> verified = new ConcurrentHashMap<>();
    private final SignInThrottle throttle;
    private final AtomicLong passwordHashes = new AtomicLong();

    Authenticator(List<Account> accounts) {
        this(accounts, new SignInThrottle());
    }

    Authenticator(List<Account> accounts, SignInThrottle throttle) {
        this.throttle = throttle;
        for (Account a : accounts) {
            byName.put(a.name(), a);
            a.tokenHashes().forEach(t -> byTokenHash.put(t, a));
        }
    }

    /**
     * The account an Authorization header proves, or a 401; a {@link SignInRefused} (429) when the client or the
     * name must wait.
     *
     * @param client the key the client is counted under ({@link ClientAddress})
     */
    Account authenticate(String authorization, String client) {
        if (authorization == null || authorization.isBlank()) {
            throw TaxiiError.unauthorized("This server needs HTTP Basic or a bearer token.");
        }
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        String credentials = space < 0 ? "" : authorization.substring(space + 1).trim();
        Account a = switch (scheme.toLowerCase(Locale.ROOT)) {
            case "basic" -> basic(credentials, client);
            case "bearer" -> byTokenHash.get(Secrets.hashToken(credentials));
            default -> null;
        };
        if (a == null) {
            throw TaxiiError.unauthorized("The credentials given are not those of an account here.");
        }
        return a;
    }

    private Account basic(String credentials, String client) {
        String pair;
        try {
            pair = new String(Base64.getDecoder().decode(credentials), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = pair.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String name = pair.substring(0, colon);
        refuseWhile(throttle.waitFor(client, name)); // before the remembered password: a waiting guesser learns nothing
        Account a = byName.get(name);
        byte[] digest = Sha256.of(pair.getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
        byte[] known = a == null ? null : verified.get(a.name());
        if (known != null && MessageDigest.isEqual(known, digest)) {
            throttle.succeeded(client, name, false);
            return a;
        }
        refuseWhile(throttle.claim(client, name)); // others from there may have claimed the last free check meanwhile
        char[] password = pair.substring(colon + 1).toCharArray();
        if (a == null || a.passwordHash() == null) {
            hashMatches(password, Decoy.HASH); // a wrong name costs what a wrong password does
            return null;
        }
        if (!hashMatches(password, a.passwordHash())) {
            return null;
        }
        throttle.succeeded(client, name, true);
        verified.put(a.name(), digest);
        return a;
    }

    private static void refuseWhile(Duration wait) {
        if (!wait.isZero()) {
            throw new SignInRefused(wait);
        }
    }

    private boolean hashMatches(char[] password, String hash) {
        passwordHashes.incrementAndGet();
        return Secrets.passwordMatches(password, hash);
    }

    /** How many PBKDF2 checks have run: what the throttle saves, counted (tests). */
    long passwordHashes() {
        return passwordHashes.get();
    }
}
