package org.tocsin.social;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One post of a social-media archive in Tocsin's canonical form (the posts CSV's columns). Every reader — the
 * canonical CSV and JSON Lines, X/Twitter API v2 JSON, Telegram exports — produces these.
 *
 * @param postId      the platform's id, unique within the archive
 * @param accountId   the author's stable id
 * @param accountName the author's handle or display name as shown
 * @param createdAt   when it was posted
 * @param kind        post, reshare, reply or quote
 * @param text        the text (for a reshare, the reshared text)
 * @param urls        the links it carries, as given (expanded where the source expands them)
 * @param reshareOf   the id of the post reshared or quoted, or null
 * @param replyTo     the id of the post replied to, or null
 * @param lang        the language tag the source gives, or null
 */
public record Post(String postId, String accountId, String accountName, Instant createdAt, PostKind kind, String text,
                   List<String> urls, @Nullable String reshareOf, @Nullable String replyTo, @Nullable String lang) {
    public Post {
        urls = List.copyOf(urls);
        text = text == null ? "" : text;
    }
}
