/**
 * The TAXII 2.1 server ({@code tocsin serve}): {@link org.tocsin.server.TaxiiServer} wires Javalin routes to the
 * store's {@code StixObjects} over a HikariCP pool ({@link org.tocsin.server.Connections}); accounts, collections and
 * secrets come from a YAML file ({@link org.tocsin.server.ServerConfig}); failed password sign-ins are limited per
 * client address and account name ({@link org.tocsin.server.SignInThrottle}); every error, Jetty's own included, is a
 * TAXII error message; TLP:RED objects never reach a partner account.
 */
package org.tocsin.server;
