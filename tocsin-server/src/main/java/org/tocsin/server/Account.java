package org.tocsin.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Someone the server lets in, and what they may do.
 *
 * @param kind         {@code partner} (never served a TLP:RED object) or {@code internal}
 * @param passwordHash for HTTP Basic: {@link Secrets#hashPassword}'s output, or null for token-only accounts
 * @param tokenHashes  for bearer tokens: {@link Secrets#hashToken} of each token the account holds
 * @param read         collections (ids or aliases; ids once loaded) whose objects the account may get
 * @param write        collections it may add objects to and delete them from
 */
public record Account(
        @JsonProperty("name") String name,
        @JsonProperty("kind") String kind,
        @JsonProperty("password_hash") String passwordHash,
        @JsonProperty("token_hashes") List<String> tokenHashes,
        @JsonProperty("read") List<String> read,
        @JsonProperty("write") List<String> write) {
    public Account {
        if (name == null || name.isBlank() || name.contains(":")) {
            throw new IllegalArgumentException("an account needs a name without ':' (HTTP Basic splits on it)");
        }
        if (!"partner".equals(kind) && !"internal".equals(kind)) {
            throw new IllegalArgumentException("account " + name + ": kind is partner or internal, not " + kind);
        }
        tokenHashes = tokenHashes == null ? List.of() : List.copyOf(tokenHashes);
        read = read == null ? List.of() : List.copyOf(read);
        write = write == null ? List.of() : List.copyOf(write);
        if (passwordHash != null && !Secrets.isPasswordHash(passwordHash)) {
            throw new IllegalArgumentException("account " + name + ": password_hash is not what `tocsin serve hash-secret` makes");
        }
        for (String t : tokenHashes) {
            if (!Secrets.isTokenHash(t)) {
                throw new IllegalArgumentException("account " + name + ": a token hash is 64 lower-case hex digits"
                        + " (`tocsin serve hash-secret --token`), not " + t);
            }
        }
        if (passwordHash == null && tokenHashes.isEmpty()) {
            throw new IllegalArgumentException("account " + name + " has neither a password_hash nor token_hashes: no one could use it");
        }
    }

    /** Partners are never served TLP:RED objects. */
    public boolean partner() {
        return kind.equals("partner");
    }

    public boolean canRead(String collectionId) {
        return read.contains(collectionId);
    }

    public boolean canWrite(String collectionId) {
        return write.contains(collectionId);
    }

    Account withRights(List<String> readIds, List<String> writeIds) {
        return new Account(name, kind, passwordHash, tokenHashes, readIds, writeIds);
    }
}
