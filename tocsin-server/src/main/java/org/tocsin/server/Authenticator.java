package org.tocsin.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tocsin.evidence.Sha256;

/**
 * Who a request comes from: HTTP Basic (account name and password) or a bearer token, checked against the hashes
 * in the configuration. A password costs a PBKDF2 run (about half a second) to check, so a password once found
 * right is remembered, as its SHA-256, per account: a client sending Basic on every request pays for it once.
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

    Authenticator(List<Account> accounts) {
        for (Account a : accounts) {
            byName.put(a.name(), a);
            a.tokenHashes().forEach(t -> byTokenHash.put(t, a));
        }
    }

    /** The account an Authorization header proves, or a 401. */
    Account authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw TaxiiError.unauthorized("This server needs HTTP Basic or a bearer token.");
        }
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        String credentials = space < 0 ? "" : authorization.substring(space + 1).trim();
        Account a = switch (scheme.toLowerCase(Locale.ROOT)) {
            case "basic" -> basic(credentials);
            case "bearer" -> byTokenHash.get(Secrets.hashToken(credentials));
            default -> null;
        };
        if (a == null) {
            throw TaxiiError.unauthorized("The credentials given are not those of an account here.");
        }
        return a;
    }

    private Account basic(String credentials) {
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
        Account a = byName.get(pair.substring(0, colon));
        char[] password = pair.substring(colon + 1).toCharArray();
        if (a == null || a.passwordHash() == null) {
            Secrets.passwordMatches(password, Decoy.HASH);
            return null;
        }
        byte[] digest = Sha256.of(pair.getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
        byte[] known = verified.get(a.name());
        if (known != null && MessageDigest.isEqual(known, digest)) {
            return a;
        }
        if (!Secrets.passwordMatches(password, a.passwordHash())) {
            return null;
        }
        verified.put(a.name(), digest);
        return a;
    }
}
