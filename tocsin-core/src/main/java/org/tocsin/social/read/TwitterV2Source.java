package org.tocsin.social.read;

import static com.fasterxml.jackson.core.JsonToken.END_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.END_OBJECT;
import static com.fasterxml.jackson.core.JsonToken.FIELD_NAME;
import static com.fasterxml.jackson.core.JsonToken.START_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.START_OBJECT;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tocsin.social.Post;

/**
 * X/Twitter API v2 JSON: response objects ({@code {"data": [tweets], "includes": {"users", "tweets"}, "meta"}}),
 * one per file or one per line as {@code twarc2} writes them; also a bare array of tweets, or one tweet per line
 * (twarc2's flattened tweets, which carry their {@code author} and referenced tweets inside). Read with a
 * streaming parser, one tweet's tree at a time, because a collection runs to gigabytes.
 *
 * <p>An author's username and a retweet's full text are in the response's {@code includes}, which the API writes
 * after {@code data}. The tweets read before their response's includes wait until the includes come. A response
 * is one API page (100 tweets for search, at most 500 for the largest pages), so the wait is held to
 * {@link #MAX_PENDING} tweets and {@link #MAX_PENDING_CHARS} characters: past that, which only a merged or hostile
 * file reaches, the waiting tweets and the rest of that response go out with the author id as the name, in their
 * order. The includes kept for one response are bounded the same way, and dropped at the next response.
 *
 * <p>A JSON syntax error ends the input with one problem item after the posts read before it: JSON offers no
 * point to resume at.
 */
final class TwitterV2Source implements PostSource {
    static final int MAX_PENDING = 10_000;
    static final int MAX_PENDING_CHARS = 16 * 1024 * 1024;
    /** Users and referenced tweets kept from one response's includes (a page expands to a few hundred). */
    static final int MAX_INCLUDED = 10_000;
    private static final int MAX_NAME = 256;
    private static final Set<String> RESPONSE_FIELDS = Set.of("data", "includes", "meta", "errors", "__twarc");

    /** Where the parser is: between top-level values, in a response's fields, in its data, in a bare array. */
    private enum At { TOP, RESPONSE, DATA, ARRAY }

    private final JsonParser p;
    private final String source;
    private final Deque<PostItem> ready = new ArrayDeque<>();
    private final List<Pending> pending = new ArrayList<>();
    private final Map<String, String> usernames = new HashMap<>();
    private final Map<String, Tweet.Included> includedTweets = new HashMap<>();
    private At at = At.TOP;
    private boolean includesRead;
    private boolean overflowed;
    private boolean done;
    private long pendingChars;
    private long includedChars;
    private long n;

    /** A tweet read, or the reason it could not be, waiting for its response's includes. */
    private record Pending(String where, @Nullable Tweet tweet, @Nullable String error) {
    }

    TwitterV2Source(InputStream in, String source) throws IOException {
        this.p = JsonInput.parser(in);
        this.source = source;
    }

    @Override
    public PostItem next() throws IOException {
        while (ready.isEmpty() && !done) {
            try {
                step();
            } catch (JsonProcessingException e) {
                release(); // the tweets read before the break stay read
                ready.add(PostItem.problem(source + "#" + (n + 1), JsonInput.problem(e)));
                done = true;
            }
        }
        return ready.poll();
    }

    private void step() throws IOException {
        switch (at) {
            case TOP -> top();
            case RESPONSE -> {
                JsonToken t = p.nextToken();
                if (t == FIELD_NAME) {
                    responseValue(p.currentName());
                } else { // the response's end
                    release();
                    at = At.TOP;
                }
            }
            case DATA, ARRAY -> {
                JsonToken t = p.nextToken();
                if (t == END_ARRAY || t == null) {
                    at = at == At.DATA ? At.RESPONSE : At.TOP;
                } else {
                    element(t);
                }
            }
        }
    }

    private void top() throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            done = true;
        } else if (t == START_ARRAY) {
            at = At.ARRAY;
        } else if (t != START_OBJECT) {
            n++;
            queue(new Pending(where(), null, "not a tweet or an API response but " + t));
            p.skipChildren();
        } else if (p.nextToken() == FIELD_NAME) { // an empty object is nothing
            if (RESPONSE_FIELDS.contains(p.currentName())) {
                at = At.RESPONSE;
                usernames.clear();
                includedTweets.clear();
                includedChars = 0;
                includesRead = false;
                overflowed = false;
                responseValue(p.currentName());
            } else { // a bare tweet: its tree is read from its first field on
                JsonNode node = p.readValueAsTree();
                n++;
                tweet(node);
            }
        }
    }

    private void responseValue(String name) throws IOException {
        JsonToken v = p.nextToken();
        if (name.equals("data") && v == START_ARRAY) {
            at = At.DATA;
        } else if (name.equals("data")) { // a lookup of one tweet gives the tweet itself
            element(v);
        } else if (name.equals("includes")) {
            if (v == START_OBJECT) {
                includes();
            } else {
                p.skipChildren();
            }
            includesRead = true;
            release();
        } else {
            p.skipChildren();
        }
    }

    /** One element where a tweet is expected. */
    private void element(JsonToken t) throws IOException {
        if (t == START_OBJECT) {
            JsonNode node = p.readValueAsTree(); // counted once read: a break inside it is at n + 1
            n++;
            tweet(node);
        } else {
            n++;
            queue(new Pending(where(), null, "a tweet that is not a JSON object but " + t));
            p.skipChildren();
        }
    }

    private void tweet(JsonNode node) {
        Pending item;
        try {
            item = new Pending(where(), Tweet.of(node), null);
        } catch (IllegalArgumentException | DateTimeException e) {
            item = new Pending(where(), null, e.getMessage());
        }
        queue(item);
    }

    /** Out at once, unless the tweet's response has not given its includes yet. */
    private void queue(Pending item) {
        boolean waiting = (at == At.RESPONSE || at == At.DATA) && !includesRead && !overflowed;
        if (!waiting) {
            ready.add(resolve(item));
            return;
        }
        pending.add(item);
        pendingChars += item.tweet == null ? 0 : item.tweet.chars();
        if (pending.size() >= MAX_PENDING || pendingChars >= MAX_PENDING_CHARS) {
            overflowed = true;
            release();
        }
    }

    private void release() {
        pending.forEach(item -> ready.add(resolve(item)));
        pending.clear();
        pendingChars = 0;
    }

    private PostItem resolve(Pending item) {
        if (item.tweet == null) {
            return PostItem.problem(item.where, item.error);
        }
        Tweet t = item.tweet;
        String name = usernames.getOrDefault(t.authorId(), t.authorName() != null ? t.authorName() : t.authorId());
        String text = t.text();
        LinkedHashSet<String> urls = new LinkedHashSet<>(t.urls());
        Tweet.Included original = t.retweetOf() == null ? null : includedTweets.get(t.retweetOf());
        if (original != null) { // the retweet's own text is cut short: "RT @user: …"
            text = original.text();
            original.urls().forEach(u -> JsonInput.addUrl(urls, u));
        }
        return PostItem.of(item.where, new Post(t.id(), t.authorId(), name, t.createdAt(), t.kind(), text,
                List.copyOf(urls), t.reshareOf(), t.replyTo(), t.lang()));
    }

    /** The includes object: usernames by user id and the referenced tweets' texts, one element's tree at a time. */
    private void includes() throws IOException {
        while (p.nextToken() == FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v != START_ARRAY || !(name.equals("users") || name.equals("tweets"))) {
                p.skipChildren();
                continue;
            }
            for (JsonToken t = p.nextToken(); t != END_ARRAY && t != null; t = p.nextToken()) {
                if (t != START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                JsonNode x = p.readValueAsTree();
                String id = JsonInput.text(x, "id", MAX_NAME);
                if (id == null) {
                    continue;
                }
                if (name.equals("users")) {
                    String username = JsonInput.text(x, "username", MAX_NAME);
                    if (username != null && usernames.size() < MAX_INCLUDED) {
                        usernames.put(id, username);
                    }
                } else if (includedTweets.size() < MAX_INCLUDED && includedChars < MAX_PENDING_CHARS) {
                    Tweet.Included original = Tweet.included(x);
                    includedChars += original.text().length();
                    includedTweets.put(id, original);
                }
            }
        }
    }

    private String where() {
        return source + "#" + n;
    }

    @Override
    public void close() throws IOException {
        p.close();
    }
}
