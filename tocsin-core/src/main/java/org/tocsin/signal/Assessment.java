package org.tocsin.signal;

import java.util.List;

/** A verdict, the score behind it, how sure we are, and every signal that contributed. */
public record Assessment(Verdict verdict, double score, Confidence confidence, List<Signal> signals) {
    public Assessment {
        signals = List.copyOf(signals);
    }
}
