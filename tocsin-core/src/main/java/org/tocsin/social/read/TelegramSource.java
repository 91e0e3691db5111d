package org.tocsin.social.read;

import static com.fasterxml.jackson.core.JsonToken.END_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.END_OBJECT;
import static com.fasterxml.jackson.core.JsonToken.START_ARRAY;
import static com.fasterxml.jackson.core.JsonToken.START_OBJECT;
import static com.fasterxml.jackson.core.JsonToken.VALUE_NULL;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.tocsin.social.Post;
import org.tocsin.social.PostKind;

/**
 * Telegram Desktop's JSON export ({@code result.json}): one chat ({@code {"name", "type", "id", "messages"}}) or a
 * whole account's ({@code {"chats": {"list": [chats]}, "left_chats": {"list": [...]}, ...}}). Exports of large
 * channels run to gigabytes, so the parser walks the structure and holds one message's tree at a time; the
 * walk's own state is a stack at most four frames deep.
 *
 * <p>A message's post id is its chat's id, a colon and its own id, since message ids repeat across chats. A forward
 * is a reshare of {@code "forwarded:" + forwarded_from}: an export names where a message was forwarded from but
 * carries no id of the original. Service messages (joins, pins, calls) are no posts and are skipped. A chat whose
 * id comes after its messages (Telegram writes it before) gets {@code "chat" + n}, its place in the file.
 *
 * <p>A JSON syntax error ends the input with one problem item after the posts read before it.
 */
final class TelegramSource implements PostSource {
    private static final int MAX_NAME = 256;

    private enum Kind { CHAT, SECTION, CHAT_LIST, MESSAGES }

    /** A chat's fields as far as read; the top-level object is a chat too (a one-chat export). */
    private static final class Chat {
        final int ordinal;
        @Nullable String id;
        @Nullable String name;

        Chat(int ordinal) {
            this.ordinal = ordinal;
        }

        String id() {
            return id != null ? id : "chat" + ordinal;
        }
    }

    private record Frame(Kind kind, @Nullable Chat chat) {
    }

    private final JsonParser p;
    private final String source;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private boolean done;
    private long n;
    private int chats;

    TelegramSource(InputStream in, String source) throws IOException {
        this.p = JsonInput.parser(in);
        this.source = source;
    }

    @Override
    public @Nullable PostItem next() throws IOException {
        while (!done) {
            try {
                PostItem item = step();
                if (item != null) {
                    return item;
                }
            } catch (JsonProcessingException e) {
                done = true;
                return PostItem.problem(source + "#" + (n + 1), JsonInput.problem(e));
            }
        }
        return null;
    }

    /** One token's worth of the walk: a post, a problem, or null when it gave neither. */
    private @Nullable PostItem step() throws IOException {
        Frame f = stack.peek();
        JsonToken t = p.nextToken();
        if (f == null) {
            if (t == null) {
                done = true;
            } else if (t == START_OBJECT) {
                stack.push(new Frame(Kind.CHAT, new Chat(++chats)));
            } else {
                p.skipChildren();
                return PostItem.problem(source + "#" + (n + 1), "not a Telegram export: a top-level " + t);
            }
            return null;
        }
        if (t == END_OBJECT || t == END_ARRAY || t == null) {
            stack.pop();
            return null;
        }
        switch (f.kind) {
            case CHAT -> {
                return chatField(Objects.requireNonNull(f.chat), p.currentName(), p.nextToken()); // a chat's frame has its chat
            }
            case SECTION -> {
                boolean list = "list".equals(p.currentName());
                if (p.nextToken() == START_ARRAY && list) {
                    stack.push(new Frame(Kind.CHAT_LIST, null));
                } else {
                    p.skipChildren();
                }
            }
            case CHAT_LIST -> {
                if (t == START_OBJECT) {
                    stack.push(new Frame(Kind.CHAT, new Chat(++chats)));
                } else {
                    p.skipChildren();
                    return PostItem.problem(source + "#" + (n + 1), "a chat that is not a JSON object but " + t);
                }
            }
            case MESSAGES -> {
                if (t != START_OBJECT) {
                    n++;
                    p.skipChildren();
                    return PostItem.problem(source + "#" + n, "a message that is not a JSON object but " + t);
                }
                JsonNode m = p.readValueAsTree(); // counted once read: a break inside it is at n + 1
                n++;
                return message(Objects.requireNonNull(f.chat), m); // pushed with the chat whose "messages" these are
            }
        }
        return null;
    }

    private @Nullable PostItem chatField(Chat chat, String name, JsonToken v) throws IOException {
        switch (name) {
            case "id" -> chat.id = scalar(v);
            case "name" -> chat.name = scalar(v);
            case "messages" -> {
                if (v == START_ARRAY) {
                    stack.push(new Frame(Kind.MESSAGES, chat));
                } else {
                    p.skipChildren();
                    return PostItem.problem(source + "#" + (n + 1), "\"messages\" of chat " + chat.id() + " is not an array but " + v);
                }
            }
            case "chats", "left_chats" -> {
                if (v == START_OBJECT && stack.size() == 1) {
                    stack.push(new Frame(Kind.SECTION, null));
                } else {
                    p.skipChildren();
                }
            }
            default -> p.skipChildren();
        }
        return null;
    }

    /** A scalar's text cut to a name's length; null for null or a structure (skipped). */
    private @Nullable String scalar(JsonToken v) throws IOException {
        if (v == VALUE_NULL || !v.isScalarValue()) {
            p.skipChildren();
            return null;
        }
        String s = CanonicalPosts.blankToNull(p.getText());
        return s == null || s.length() <= MAX_NAME ? s : s.substring(0, MAX_NAME);
    }

    private @Nullable PostItem message(Chat chat, JsonNode m) {
        if (!"message".equals(JsonInput.text(m, "type"))) {
            return null;
        }
        String where = source + "#" + n;
        try {
            return PostItem.of(where, post(chat, m));
        } catch (IllegalArgumentException | DateTimeException e) {
            return PostItem.problem(where, e.getMessage());
        }
    }

    private static Post post(Chat chat, JsonNode m) {
        String id = JsonInput.text(m, "id");
        if (id == null) {
            throw new IllegalArgumentException("a message without id in chat " + chat.id());
        }
        String chatId = chat.id();
        String from = JsonInput.text(m, "from");
        String fromId = JsonInput.text(m, "from_id");
        String account = fromId != null ? fromId : "channel" + chatId;
        String name = from != null ? from : fromId != null ? fromId : chat.name != null ? chat.name : account;
        StringBuilder text = new StringBuilder();
        LinkedHashSet<String> urls = new LinkedHashSet<>();
        JsonNode parts = m.get("text");
        if (parts != null && parts.isArray()) {
            for (JsonNode part : parts) {
                if (text.length() < CanonicalPosts.MAX_TEXT) {
                    text.append(part.isTextual() ? part.asText() : entityText(part));
                }
                entityUrl(part, urls);
            }
        } else if (parts != null && parts.isValueNode() && !parts.isNull()) {
            text.append(parts.asText());
        }
        JsonNode entities = m.get("text_entities");
        if (entities != null && entities.isArray()) {
            entities.forEach(e -> entityUrl(e, urls));
        }
        PostKind kind = PostKind.POST;
        String reshareOf = null;
        String replyTo = null;
        if (m.has("forwarded_from")) {
            kind = PostKind.RESHARE;
            String origin = JsonInput.text(m, "forwarded_from"); // null when the origin was a deleted account
            reshareOf = "forwarded:" + (origin != null ? origin : "unknown");
        }
        String replied = JsonInput.text(m, "reply_to_message_id");
        if (replied != null) {
            kind = kind == PostKind.POST ? PostKind.REPLY : kind;
            replyTo = chatId + ":" + replied;
        }
        return new Post(chatId + ":" + id, account, name, date(m), kind, JsonInput.postText(text.toString()),
                List.copyOf(urls), reshareOf, replyTo, null);
    }

    /** {@code date_unixtime} (seconds, a string in exports) when given, else {@code date}: local time, read as UTC. */
    private static Instant date(JsonNode m) {
        String unix = JsonInput.text(m, "date_unixtime");
        if (unix != null) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(unix));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("date_unixtime \"" + CanonicalPosts.cut(unix, 40) + "\" is not a number");
            }
        }
        String date = JsonInput.text(m, "date");
        if (date == null) {
            throw new IllegalArgumentException("message " + CanonicalPosts.cut(JsonInput.text(m, "id"), 40) + " has no date");
        }
        return CanonicalPosts.instant(date);
    }

    /** A link entity's URL is its text; a text link's is its href. */
    private static void entityUrl(JsonNode e, Set<String> urls) {
        String type = JsonInput.text(e, "type");
        if ("link".equals(type)) {
            JsonInput.addUrl(urls, JsonInput.text(e, "text"));
        } else if ("text_link".equals(type)) {
            JsonInput.addUrl(urls, JsonInput.text(e, "href"));
        }
    }

    /** An entity's text as written, spaces kept: the parts of a text are concatenated. */
    private static String entityText(JsonNode e) {
        JsonNode t = e.get("text");
        return t != null && t.isValueNode() && !t.isNull() ? t.asText() : "";
    }

    @Override
    public void close() throws IOException {
        p.close();
    }
}
