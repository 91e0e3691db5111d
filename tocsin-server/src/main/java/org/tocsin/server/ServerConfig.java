package org.tocsin.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.tocsin.input.JsonLimits;

/**
 * The server's YAML configuration (docs/taxii.md): the API root, its collections and the accounts. Loading checks
 * it whole, so a typo stops the server at start instead of silently opening or closing a collection: unknown keys,
 * duplicate ids, aliases or names, and read or write lists naming no collection are errors.
 *
 * @param apiRoot             the API root's path segment ({@code /tocsin/} by default)
 * @param publicUrl           the URL clients reach the server at (behind a TLS proxy, say); by default the one
 *                            each request came to
 * @param maxContentLength    the largest request body accepted, in bytes (10 MiB by default)
 * @param pageLimit           the most objects one response holds (1,000 by default)
 * @param publishEverySeconds how often findings are published to the collections marked for them (300 by default)
 * @param trustedProxies      addresses of the reverse proxies in front of the server, whose X-Forwarded-For says
 *                            which client a request comes from ({@link ClientAddress}); none by default
 */
public record ServerConfig(
        @JsonProperty("title") String title,
        @JsonProperty("description") String description,
        @JsonProperty("api_root") String apiRoot,
        @JsonProperty("public_url") String publicUrl,
        @JsonProperty("max_content_length") Long maxContentLength,
        @JsonProperty("page_limit") Integer pageLimit,
        @JsonProperty("publish_every_seconds") Integer publishEverySeconds,
        @JsonProperty("collections") List<CollectionConfig> collections,
        @JsonProperty("accounts") List<Account> accounts,
        @JsonProperty("trusted_proxies") List<String> trustedProxies) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    /** A configuration is a few kilobytes; reading stops well before a wrong file (a log, /dev/zero) fills memory. */
    private static final int MAX_FILE = 1024 * 1024;
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~-]+");

    public ServerConfig {
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("title is required");
        }
        apiRoot = apiRoot == null ? "tocsin" : apiRoot;
        if (!SEGMENT.matcher(apiRoot).matches() || apiRoot.equals("taxii2")) {
            throw new IllegalArgumentException("api_root is one path segment other than taxii2, not " + apiRoot);
        }
        if (publicUrl != null) {
            publicUrl = publicUrl.replaceAll("/+$", "");
        }
        maxContentLength = maxContentLength == null ? 10L * 1024 * 1024 : maxContentLength;
        pageLimit = pageLimit == null ? 1000 : pageLimit;
        publishEverySeconds = publishEverySeconds == null ? 300 : publishEverySeconds;
        if (maxContentLength < 1 || pageLimit < 1 || publishEverySeconds < 1) {
            throw new IllegalArgumentException("max_content_length, page_limit and publish_every_seconds are positive");
        }
        if (maxContentLength > JsonLimits.MAX_DOCUMENT_BYTES) { // a POST the store keeps must fit an import too
            throw new IllegalArgumentException("max_content_length is at most " + JsonLimits.MAX_DOCUMENT_BYTES
                    + " bytes, the largest document tocsin import reads");
        }
        collections = collections == null ? List.of() : List.copyOf(collections);
        if (collections.isEmpty()) {
            throw new IllegalArgumentException("no collections: a TAXII server without one has nothing to serve");
        }
        Map<String, String> idsByName = collectionNames(collections);
        accounts = accounts == null ? List.of() : resolved(accounts, idsByName);
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        for (String p : trustedProxies) {
            if (!ClientAddress.isLiteral(p)) {
                throw new IllegalArgumentException("trusted_proxies holds IP addresses, not " + p);
            }
        }
    }

    /** Without trusted proxies: the server is reached directly. */
    public ServerConfig(String title, String description, String apiRoot, String publicUrl, Long maxContentLength,
                        Integer pageLimit, Integer publishEverySeconds, List<CollectionConfig> collections, List<Account> accounts) {
        this(title, description, apiRoot, publicUrl, maxContentLength, pageLimit, publishEverySeconds, collections, accounts, null);
    }

    /**
     * Reads and checks a configuration file. What is wrong is said in the IOException in words a user acts on:
     * "cannot read the server configuration FILE: no such file" (or: permission denied, it is a directory), or
     * "invalid TAXII configuration FILE: ..." with the key and line at fault.
     */
    public static ServerConfig load(Path file) throws IOException {
        if (Files.isDirectory(file)) {
            throw new IOException("cannot read the server configuration " + file + ": it is a directory");
        }
        byte[] yaml;
        try (InputStream in = Files.newInputStream(file)) {
            yaml = in.readNBytes(MAX_FILE + 1);
        } catch (NoSuchFileException e) {
            throw new IOException("cannot read the server configuration " + file + ": no such file", e);
        } catch (AccessDeniedException e) {
            throw new IOException("cannot read the server configuration " + file + ": permission denied", e);
        } catch (IOException e) {
            throw new IOException("cannot read the server configuration " + file + ": " + e.getMessage(), e);
        }
        if (yaml.length > MAX_FILE) {
            throw new IOException("invalid TAXII configuration " + file + ": over " + MAX_FILE / 1024 + " KiB, it is not one");
        }
        try {
            ServerConfig c = yaml.length == 0 ? null : YAML.readValue(yaml, ServerConfig.class);
            if (c == null) {
                throw new IOException("invalid TAXII configuration " + file + ": it is empty");
            }
            return c;
        } catch (JsonProcessingException e) {
            throw new IOException("invalid TAXII configuration " + file + ": " + ConfigProblems.describe(e), e);
        }
    }

    /** The collection with this id, or null. */
    public CollectionConfig collection(String id) {
        return collections.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }

    /** Ids and aliases, each naming one collection. */
    private static Map<String, String> collectionNames(List<CollectionConfig> collections) {
        Map<String, String> names = new HashMap<>();
        for (CollectionConfig c : collections) {
            for (String name : c.alias() == null ? List.of(c.id()) : List.of(c.id(), c.alias())) {
                if (names.putIfAbsent(name, c.id()) != null) {
                    throw new IllegalArgumentException("two collections are named " + name);
                }
            }
        }
        return names;
    }

    /** Accounts with read and write lists as collection ids, their names and tokens checked to be unique. */
    private static List<Account> resolved(List<Account> accounts, Map<String, String> idsByName) {
        Set<String> names = new HashSet<>();
        Set<String> tokens = new HashSet<>();
        List<Account> out = new ArrayList<>();
        for (Account a : accounts) {
            if (!names.add(a.name())) {
                throw new IllegalArgumentException("two accounts are named " + a.name());
            }
            for (String t : a.tokenHashes()) {
                if (!tokens.add(t)) {
                    throw new IllegalArgumentException("a token hash is given to two accounts (" + a.name() + " is one)");
                }
            }
            out.add(a.withRights(ids(a, a.read(), idsByName), ids(a, a.write(), idsByName)));
        }
        return List.copyOf(out);
    }

    private static List<String> ids(Account a, List<String> names, Map<String, String> idsByName) {
        List<String> ids = new ArrayList<>();
        for (String n : names) {
            String id = idsByName.get(n);
            if (id == null) {
                throw new IllegalArgumentException("account " + a.name() + " names no collection " + n);
            }
            ids.add(id);
        }
        return ids;
    }
}
