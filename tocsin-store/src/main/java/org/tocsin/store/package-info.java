/**
 * The knowledge store: evidence (once, by SHA-256), findings with their signals, and observables (STIX
 * cyber-observables with deterministic ids) linking findings that share infrastructure; known indicators that
 * analysts add or imports bring; and STIX objects per TAXII collection, every version ({@code StixObjects}: what
 * the TAXII server serves and imports keep). Embedded H2 by default, PostgreSQL by JDBC URL; the schema is
 * migrated by Flyway on open ({@code Migrations}), an H2 file as a copy moved into place under a lock
 * ({@code H2StoreFile}, {@code SetupLock}), shared between processes ({@code StoreLocation}), and rebuilt from what can
 * be read when it is damaged ({@code StoreRepair}, {@code Salvage}). The store leaves as STIX 2.1 bundles ({@code StixBundle}) and MISP events
 * ({@code MispEvent}) and comes back through {@code StixImport} and {@code MispImport}; partners' STIX patterns
 * are read strictly by {@code StixPattern}.
 */
package org.tocsin.store;
