package org.tocsin.store.stix;

import java.time.Instant;

/**
 * One stored version of one STIX object, without its body: a TAXII manifest record plus what the store knows of
 * it (its TLP level and whether Tocsin made it or received it).
 *
 * @param version   the object's {@code modified}, else {@code created}, as written; for an object with neither
 *                  (most SCOs), the date this content was first added (see {@link StixObjects})
 * @param tlp       none, clear, green, amber, amber+strict or red ({@link StixObjects#tlpOf})
 * @param origin    {@code tocsin} or {@code foreign}
 */
public record ManifestEntry(String id, String type, String specVersion, String version, String tlp, String origin,
                            Instant dateAdded) {
}
