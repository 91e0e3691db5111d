package org.tocsin.social.read;

import org.tocsin.social.Post;

/**
 * One item read from a posts archive: a post, or the reason the item at {@code source} could not be read.
 *
 * @param source where it came from: {@code path#line} for line-based formats, {@code path#n} for the n-th item
 */
public record PostItem(String source, Post post, String error) {
    public static PostItem of(String source, Post post) {
        return new PostItem(source, post, null);
    }

    public static PostItem problem(String source, String error) {
        return new PostItem(source, null, error);
    }

    public boolean ok() {
        return post != null;
    }
}
