package org.tocsin.server;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.tocsin.evidence.Sha256;

/**
 * How account secrets are kept in the config file: passwords as salted PBKDF2-HMAC-SHA256
 * ({@code pbkdf2-sha256$ITERATIONS$SALT$HASH}, base64), bearer tokens as SHA-256 (hex). A token is random and
 * long, so a fast hash is enough; a password may be guessable, so it costs 600,000 iterations (OWASP's figure
 * for PBKDF2-HMAC-SHA256). The JDK has both; no library needed.
 */
public final class Secrets {
    static final int ITERATIONS = 600_000;
    private static final String PREFIX = "pbkdf2-sha256";
    private static final Pattern PASSWORD_HASH = Pattern.compile(PREFIX + "\\$\\d{1,9}\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+");
    private static final Pattern TOKEN_HASH = Pattern.compile("[0-9a-f]{64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** A salted PBKDF2 hash of a password, for an account's {@code password_hash}. */
    public static String hashPassword(char[] password) {
        return hashPassword(password, ITERATIONS);
    }

    /** With fewer iterations only where speed matters more than strength: tests. */
    static String hashPassword(char[] password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(pbkdf2(password, salt, iterations));
    }

    /** Whether a password matches a hash made by {@link #hashPassword}; compared in constant time. */
    static boolean passwordMatches(char[] password, String hash) {
        String[] parts = hash.split("\\$");
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(parts[3]);
        return MessageDigest.isEqual(expected, pbkdf2(password, b64.decode(parts[2]), Integer.parseInt(parts[1])));
    }

    /** The SHA-256 of a bearer token, in hex, for an account's {@code token_hashes}. */
    public static String hashToken(String token) {
        return Sha256.of(token.getBytes(StandardCharsets.UTF_8));
    }

    /** A new bearer token: 32 random bytes, base64url. */
    public static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static boolean isPasswordHash(String text) {
        return PASSWORD_HASH.matcher(text).matches() && Integer.parseInt(text.split("\\$")[1]) > 0;
    }

    static boolean isTokenHash(String text) {
        return TOKEN_HASH.matcher(text).matches();
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    }
}
