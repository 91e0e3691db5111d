package org.tocsin.social.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tocsin.social.PostKind;

/**
 * One X/Twitter API v2 tweet's fields, read off its tree before the response's includes are known: what
 * {@link TwitterV2Source} keeps while a tweet waits for its author's username and a retweet's full text.
 *
 * @param authorName the username a flattened tweet carries in its {@code author}, or null
 * @param retweetOf  the id of the retweeted tweet whose full text the includes may hold, or null
 */
record Tweet(String id, String authorId, @Nullable String authorName, Instant createdAt, PostKind kind, String text,
             List<String> urls, @Nullable String reshareOf, @Nullable String replyTo, @Nullable String lang, @Nullable String retweetOf) {

    /** A referenced tweet's full text and links, from the includes. */
    record Included(String text, List<String> urls) {
    }

    /** @throws IllegalArgumentException when the tweet lacks an id, an author or a readable created_at */
    static Tweet of(JsonNode t) {
        String id = JsonInput.text(t, "id");
        if (id == null) {
            throw new IllegalArgumentException("a tweet without id");
        }
        JsonNode author = t.get("author");
        String authorId = JsonInput.text(t, "author_id");
        if (authorId == null) {
            authorId = JsonInput.text(author, "id");
        }
        if (authorId == null) {
            throw new IllegalArgumentException("tweet " + CanonicalPosts.cut(id, 40) + " has no author_id");
        }
        String created = JsonInput.text(t, "created_at");
        if (created == null) {
            throw new IllegalArgumentException("tweet " + CanonicalPosts.cut(id, 40) + " has no created_at (ask for tweet.fields=created_at)");
        }
        String retweeted = null;
        String quoted = null;
        String repliedTo = null;
        Included flattened = null;
        JsonNode refs = t.get("referenced_tweets");
        if (refs != null && refs.isArray()) {
            for (JsonNode r : refs) {
                String refId = JsonInput.text(r, "id");
                String type = JsonInput.text(r, "type");
                if (refId == null || type == null) {
                    continue;
                }
                switch (type) {
                    case "retweeted" -> {
                        retweeted = refId;
                        flattened = r.has("text") ? included(r) : null; // twarc2's flattened tweets embed it
                    }
                    case "quoted" -> quoted = refId;
                    case "replied_to" -> repliedTo = refId;
                    default -> {
                    }
                }
            }
        }
        // a retweet is a reshare whatever else it references; a reply that quotes is a quote, and keeps its replyTo
        PostKind kind = retweeted != null ? PostKind.RESHARE : quoted != null ? PostKind.QUOTE
                : repliedTo != null ? PostKind.REPLY : PostKind.POST;
        Included own = flattened != null ? flattened : included(t);
        LinkedHashSet<String> urls = new LinkedHashSet<>(urls(t));
        own.urls().forEach(u -> JsonInput.addUrl(urls, u));
        return new Tweet(id, authorId, JsonInput.text(author, "username"), CanonicalPosts.instant(created), kind,
                own.text(), List.copyOf(urls), retweeted != null ? retweeted : quoted, repliedTo,
                JsonInput.text(t, "lang"), retweeted);
    }

    /** A tweet's full text (a long tweet's is in {@code note_tweet}) and the links of that text. */
    static Included included(JsonNode t) {
        JsonNode note = t.get("note_tweet");
        String noteText = JsonInput.text(note, "text");
        if (noteText != null) {
            LinkedHashSet<String> urls = new LinkedHashSet<>(urls(note));
            urls(t).forEach(u -> JsonInput.addUrl(urls, u));
            return new Included(JsonInput.postText(noteText), List.copyOf(urls));
        }
        JsonNode text = t.get("text");
        return new Included(JsonInput.postText(text == null || !text.isValueNode() ? "" : text.asText()), urls(t));
    }

    /** {@code entities.urls[].expanded_url}, or the t.co {@code url} where there is no expanded one. */
    private static List<String> urls(JsonNode t) {
        JsonNode entities = t == null ? null : t.get("entities");
        JsonNode list = entities == null ? null : entities.get("urls");
        if (list == null || !list.isArray()) {
            return List.of();
        }
        LinkedHashSet<String> urls = new LinkedHashSet<>();
        for (JsonNode u : list) {
            String expanded = JsonInput.text(u, "expanded_url");
            JsonInput.addUrl(urls, expanded != null ? expanded : JsonInput.text(u, "url"));
        }
        return List.copyOf(urls);
    }

    /** About how many characters the tweet holds, to bound what waits. */
    long chars() {
        long c = (long) id.length() + authorId.length() + text.length() + (authorName == null ? 0 : authorName.length());
        for (String u : urls) {
            c += u.length();
        }
        return c + 64;
    }
}
