/**
 * The TAXII 2.1 server ({@code tocsin serve}): {@link org.tocsin.server.TaxiiServer} wires Javalin routes to the
 * store's {@code StixObjects}; accounts, collections and secrets come from a YAML file ({@link
 * org.tocsin.server.ServerConfig}); TLP:RED objects never reach a partner account.
 */
package org.tocsin.server;
