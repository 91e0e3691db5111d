package org.tocsin.store.stix;

import com.fasterxml.jackson.databind.JsonNode;

/** One stored version of one STIX object: what is known of it and the object itself, as received. */
public record StoredObject(ManifestEntry entry, JsonNode body) {
}
