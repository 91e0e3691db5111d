/**
 * The knowledge store itself: evidence (once, by SHA-256), findings with their signals, and observables (STIX
 * cyber-observables with deterministic ids, {@code StixIds}) linking findings that share infrastructure; known
 * indicators that analysts add or imports bring; attribution over what is stored. Embedded H2 by default,
 * PostgreSQL by JDBC URL; the schema is migrated by Flyway on open ({@code Migrations}), an H2 file as a copy moved
 * into place under a lock ({@code H2StoreFile}, {@code SetupLock}), shared between processes ({@code StoreLocation}),
 * and rebuilt from what can be read when it is damaged ({@code StoreRepair}, {@code Salvage}). Sharing lives below:
 * STIX 2.1 out, in and per TAXII collection in {@code stix}, the STIX pattern grammar in {@code stix.pattern}, MISP
 * in {@code misp}.
 */
package org.tocsin.store;
