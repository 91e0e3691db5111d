/**
 * The knowledge store: evidence (once, by SHA-256), findings with their signals, and observables (STIX
 * cyber-observables with deterministic ids) linking findings that share infrastructure, and STIX objects per TAXII
 * collection, every version ({@code StixObjects}: what the TAXII server serves and imports keep). Embedded H2 by
 * default, PostgreSQL by JDBC URL; the schema is migrated by Flyway on open.
 */
package org.tocsin.store;
