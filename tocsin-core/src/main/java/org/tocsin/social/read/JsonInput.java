package org.tocsin.social.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import org.tocsin.input.JsonLimits;
import org.jspecify.annotations.Nullable;

/**
 * What the JSON readers (X/Twitter v2, Telegram, the accounts file) share: one parser under the limits every JSON
 * reader of Tocsin's has ({@link JsonLimits}: an archive is hostile input, and arrays nested 10,000 deep must end as a
 * problem item, not a StackOverflowError), and the reading of fields off one item's tree.
 */
final class JsonInput {
    private static final ObjectMapper JSON = new ObjectMapper(JsonLimits.factory());

    private JsonInput() {
    }

    /** A parser over UTF-8 with malformed bytes replaced, so a mis-encoded text costs its characters, not the file. */
    static JsonParser parser(InputStream in) throws IOException {
        return JSON.createParser(PostStreams.utf8(in));
    }

    /** One JSON text (a JSON Lines line) as a tree, under the same limits. */
    static JsonNode tree(String json) throws JsonProcessingException {
        return JSON.readTree(json);
    }

    /** Why the input could not be read on, with where. */
    static String problem(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return "JSON unreadable" + where + ": " + CanonicalPosts.cut(e.getOriginalMessage(), 200);
    }

    /** A scalar field's text, stripped; null when absent, null, blank or not a scalar. */
    static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || !v.isValueNode() || v.isNull() ? null : CanonicalPosts.blankToNull(v.asText());
    }

    /** {@link #text} cut to {@code max} characters: for names and ids that are kept beyond one item. */
    static @Nullable String text(JsonNode node, String field, int max) {
        String s = text(node, field);
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** Adds a URL unless blank, already there, or the post already has the most a post keeps. */
    static void addUrl(Collection<String> urls, @Nullable String url) {
        if (url != null && !url.isBlank() && urls.size() < CanonicalPosts.MAX_URLS) {
            urls.add(url.strip());
        }
    }

    /** Cuts a text to what a post keeps ({@link CanonicalPosts#MAX_TEXT}). */
    static String postText(String s) {
        return s == null ? "" : s.length() <= CanonicalPosts.MAX_TEXT ? s : s.substring(0, CanonicalPosts.MAX_TEXT);
    }
}
