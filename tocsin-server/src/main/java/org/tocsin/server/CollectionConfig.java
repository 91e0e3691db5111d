package org.tocsin.server;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/**
 * A TAXII collection the server offers.
 *
 * @param id              its UUID, as TAXII names it in URLs
 * @param alias           a short name accounts' read and write lists may use (optional)
 * @param publishFindings whether the server adds the store's findings to it, at start and then periodically
 */
public record CollectionConfig(
        @JsonProperty("id") String id,
        @JsonProperty("alias") String alias,
        @JsonProperty("title") String title,
        @JsonProperty("description") String description,
        @JsonProperty("publish_findings") boolean publishFindings) {
    public CollectionConfig {
        if (id == null) {
            throw new IllegalArgumentException("a collection needs an id (a UUID)");
        }
        try {
            id = UUID.fromString(id).toString(); // lower case, as TAXII clients will send it back
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("collection id " + id + " is not a UUID", e);
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("collection " + id + " needs a title");
        }
    }
}
