package org.tocsin.social.trace;

import org.jspecify.annotations.Nullable;

/**
 * One account's use of an item at one moment: what a trace pairs. Near-text actions carry their shingles and
 * signature so that a candidate pair is verified without the post.
 *
 * @param second    epoch second of the post (or of the account's creation, for creation bursts)
 * @param item      the shared item as an analyst reads it: the link, the text, the hashtags
 * @param shingles  sorted distinct word-pair shingle hashes, or null
 * @param signature MinHash signature of the shingles, or null
 */
@SuppressWarnings("ArrayRecordComponent") // actions are grouped by item, never compared or hashed
public record Action(String accountId, String postId, long second, String item, long @Nullable [] shingles, int @Nullable [] signature) {
    public static Action of(String accountId, String postId, long second, String item) {
        return new Action(accountId, postId, second, item, null, null);
    }
}
