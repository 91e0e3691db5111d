package org.tocsin.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deterministic identifiers for STIX cyber-observables (STIX 2.1 §2.9): a UUIDv5 in the STIX namespace over
 * the canonical JSON of the object's id-contributing properties, so that every producer names the same
 * domain, address or file hash with the same id, and ingesting it twice finds it already there.
 */
public final class StixIds {
    /** The namespace STIX 2.1 fixes for SCO ids. */
    static final UUID NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");
    /** Tocsin's own namespace: ids of the objects Tocsin writes (indicators, extensions, MISP uuids) over what they say. */
    public static final UUID TOCSIN = UUID.fromString("2a7c6f1e-4d0b-5e8a-9f3c-1b2d3e4f5a6b");

    /**
     * A STIX identifier (§2.9): {@code type--UUID}, the type exactly as the object's {@code type} property (lower case
     * by definition), the UUID's hex digits in either case (RFC 4122: "case insensitive on input").
     */
    private static final Pattern IDENTIFIER = Pattern.compile(
            "([a-z0-9][a-z0-9-]*[a-z0-9])--([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");

    private StixIds() {
    }

    /**
     * A STIX identifier as Tocsin compares and keeps it: the UUID in lower case, as RFC 4122 says UUIDs are written,
     * so that {@code …--E828B379-…} and {@code …--e828b379-…}, one identifier to STIX, are one here too (a TLP:RED
     * marking spelt in capitals is red). Null for what is no identifier ({@code MARKING-DEFINITION--…}: STIX types
     * are lower case), so the caller refuses it rather than guess.
     */
    public static String canonical(String id) {
        if (id == null) {
            return null;
        }
        Matcher m = IDENTIFIER.matcher(id);
        return m.matches() ? m.group(1) + "--" + m.group(2).toLowerCase(Locale.ROOT) : null;
    }

    /** {@link #canonical}, or the text as it is when it is no identifier (for lookups, which then find nothing). */
    public static String canonicalOrSelf(String id) {
        String c = canonical(id);
        return c != null ? c : id;
    }

    /** {@code type--uuid5} for an SCO whose only id-contributing property is {@code value} (domain-name, ipv4-addr, url, email-addr …). */
    public static String forValue(String type, String value) {
        return type + "--" + uuid5(NAMESPACE, "{\"value\":" + jsonString(value) + "}");
    }

    /** {@code file--uuid5} for a file known by its SHA-256 (the id contributes {@code hashes}). */
    public static String forFileSha256(String sha256) {
        return "file--" + uuid5(NAMESPACE, "{\"hashes\":{\"SHA-256\":" + jsonString(sha256) + "}}");
    }

    public static UUID uuid5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16);
        ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
        sha1.update(ns.array());
        byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        h[6] = (byte) ((h[6] & 0x0f) | 0x50); // version 5
        h[8] = (byte) ((h[8] & 0x3f) | 0x80); // RFC 4122 variant
        ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }

    /** RFC 8785 string form for the characters identifiers carry: quotes, backslashes and controls escaped. */
    private static String jsonString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
