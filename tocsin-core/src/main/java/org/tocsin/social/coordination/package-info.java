/**
 * The embedded coordination run ({@code CoordinationRun}): posts put in time order within the lateness, through the
 * trace pairers, edges merged per account pair, then the network; {@code CoordinationSummary}, what a run read, lost
 * and found (both runners report it). Above {@code trace} and {@code network}, which never depend on it.
 */
@NullMarked
package org.tocsin.social.coordination;

import org.jspecify.annotations.NullMarked;
