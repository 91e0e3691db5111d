/**
 * STIX 2.1 in and out of the store: bundles of the store's findings ({@code StixBundle}, with Tocsin's extension
 * carrying findings whole), imports of bundles ({@code StixImport}), and STIX objects kept per TAXII collection,
 * every version ({@code StixObjects}), with their TLP markings.
 */
package org.tocsin.store.stix;
