/**
 * The knowledge store: evidence (once, by SHA-256), findings with their signals, and observables (STIX
 * cyber-observables with deterministic ids) linking findings that share infrastructure. Embedded H2 by
 * default, PostgreSQL by JDBC URL; the schema is migrated by Flyway on open. Findings leave as STIX 2.1 bundles
 * ({@code StixBundle}), and partners' STIX patterns are read strictly by {@code StixPattern}.
 */
package org.tocsin.store;
