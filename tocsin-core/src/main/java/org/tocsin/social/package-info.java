/**
 * Coordinated behaviour in social-media posts: the canonical {@link org.tocsin.social.Post}, the traces
 * ({@code trace}: what two accounts did alike within a sliding window), the network ({@code network}: edges,
 * Leiden communities, explained clusters) and the embedded runner {@link org.tocsin.social.CoordinationRun}. The
 * Flink job in {@code tocsin-flink} runs the same traces and network code.
 */
package org.tocsin.social;
