package org.tocsin.social.trace;

import org.tocsin.social.TraceKind;

/**
 * What two actions must share to be paired: a trace and a 64-bit hash of the shared item (the normalised link,
 * the reshared post, the text, the hashtag sequence, or one LSH band of a text's MinHash signature).
 *
 * @param band the LSH band for {@link TraceKind#NEAR_TEXT}, else -1
 */
public record TraceKey(TraceKind kind, long hash, int band) {
    /** One 64-bit id for kind, band and hash, for maps keyed by primitives (collisions are as unlikely as the hash's). */
    public long id() {
        return org.tocsin.text.WordShingles.mix(hash ^ ((long) kind.ordinal() << 56) ^ ((long) (band + 1) << 48));
    }
}
