/**
 * Coordinated behaviour in social-media posts: the canonical {@link org.tocsin.social.Post} and accounts, the
 * trace kinds, the settings and their command-line options ({@code CoordinationOptions}, a picocli mixin shared by
 * {@code tocsin posts coordination} and the Flink job). The traces ({@code trace}: what two accounts did alike within a sliding window)
 * and the network ({@code network}: edges, Leiden communities, explained clusters) depend on this package; the
 * embedded runner that wires them together lives above them in {@code coordination}. The Flink job in
 * {@code tocsin-flink} runs the same traces and network code.
 */
@NullMarked
package org.tocsin.social;

import org.jspecify.annotations.NullMarked;
