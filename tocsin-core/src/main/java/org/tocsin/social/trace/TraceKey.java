package org.tocsin.social.trace;

import org.tocsin.social.TraceKind;

/**
 * What two actions must share to be paired: a trace and a 64-bit hash of the shared item (the normalised link,
 * the reshared post, the text, the hashtag sequence, or one LSH band of a text's MinHash signature).
 *
 * @param band the LSH band for {@link TraceKind#NEAR_TEXT}, else -1
 */
public record TraceKey(TraceKind kind, long hash, int band) {
}
