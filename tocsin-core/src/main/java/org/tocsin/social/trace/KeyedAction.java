package org.tocsin.social.trace;

/** An action under the key it is paired by: the unit both runners route (the Flink job keys its stream by {@code key}). */
public record KeyedAction(TraceKey key, Action action) {
}
