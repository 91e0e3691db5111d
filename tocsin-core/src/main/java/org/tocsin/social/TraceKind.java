package org.tocsin.social;

import java.util.Locale;

/**
 * The coordination traces: what two accounts did alike within the time window. Each links a pair of accounts
 * with the posts as evidence, and indicates a DISARM technique.
 */
public enum TraceKind {
    CO_URL("the same link (normalised) shared", "T0049.005"),
    CO_RESHARE("the same post reshared (by id, or by identical text where the archive has no reshare ids)", "T0049.003"),
    CO_TEXT("identical text posted (case, whitespace, mentions and links removed)", "T0084.001"),
    NEAR_TEXT("near-identical text posted (word-pair shingles, MinHash LSH, Jaccard verified)", "T0049.004"),
    CO_HASHTAGS("the same sequence of two or more hashtags", "T0049.002"),
    ACCOUNT_BURST("accounts created close together with a name or description made from one template", "T0144.002");

    private final String meaning;
    private final String technique;

    TraceKind(String meaning, String technique) {
        this.meaning = meaning;
        this.technique = technique;
    }

    public String meaning() {
        return meaning;
    }

    /** The DISARM technique the trace indicates. */
    public String technique() {
        return technique;
    }

    /** The name in JSON and on the command line: {@code co-url}, {@code near-text}, … */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
