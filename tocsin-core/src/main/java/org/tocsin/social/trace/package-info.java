/**
 * The coordination traces, each written once for both runners: {@link org.tocsin.social.trace.PostTraces} turns a
 * post into keyed actions, {@link org.tocsin.social.trace.WindowPairer} pairs actions under one key within the
 * sliding window, {@link org.tocsin.social.trace.AccountTraces} finds creation bursts and
 * {@link org.tocsin.social.trace.PersonaCheck} accounts imitating the profile's names.
 */
@NullMarked
package org.tocsin.social.trace;

import org.jspecify.annotations.NullMarked;
