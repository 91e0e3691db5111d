/**
 * The embedded coordination run ({@code CoordinationRun}): posts in time order through the trace pairers, edges
 * merged per account pair, then the network. Above {@code trace} and {@code network}, which never depend on it.
 */
package org.tocsin.social.coordination;
