package org.tocsin.social.read;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.tocsin.social.Post;
import org.tocsin.social.PostKind;

/** A post from the canonical schema's fields, by name, checked: the part the CSV and JSON Lines readers share. */
final class CanonicalPosts {
    static final List<String> COLUMNS = List.of("post_id", "account_id", "account_name", "created_at", "kind", "text", "urls",
            "reshare_of", "reply_to", "lang");
    /** A text longer than any platform allows is cut here; the post is kept. */
    static final int MAX_TEXT = 64 * 1024;
    static final int MAX_URLS = 100;

    private CanonicalPosts() {
    }

    /** @param field a column's value by name, null or empty when absent */
    static Post post(Function<String, String> field) throws IllegalArgumentException {
        String id = blankToNull(field.apply("post_id"));
        String account = blankToNull(field.apply("account_id"));
        if (id == null) {
            throw new IllegalArgumentException("no post_id");
        }
        if (account == null) {
            throw new IllegalArgumentException("no account_id");
        }
        String created = blankToNull(field.apply("created_at"));
        if (created == null) {
            throw new IllegalArgumentException("no created_at");
        }
        String kindText = field.apply("kind");
        PostKind kind = PostKind.parse(kindText);
        if (kind == null) {
            throw new IllegalArgumentException("unknown kind \"" + cut(kindText, 40) + "\"");
        }
        String text = field.apply("text");
        if (text != null && text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        String urls = field.apply("urls");
        List<String> urlList = urls == null || urls.isBlank() ? List.of()
                : Arrays.stream(urls.strip().split("\\s+")).limit(MAX_URLS).toList();
        String name = blankToNull(field.apply("account_name"));
        return new Post(id, account, name == null ? account : name, instant(created), kind, text, urlList,
                blankToNull(field.apply("reshare_of")), blankToNull(field.apply("reply_to")), blankToNull(field.apply("lang")));
    }

    /** ISO-8601 with an offset, or without one (read as UTC), or a bare date; anything else is an error. */
    static Instant instant(String s) {
        String t = s.strip();
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException e3) {
                    throw new IllegalArgumentException("created_at \"" + cut(t, 40) + "\" is not an ISO-8601 time");
                }
            }
        }
    }

    static @Nullable String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String cut(@Nullable String s, int n) {
        return s == null ? "" : s.length() <= n ? s : s.substring(0, n) + "…";
    }
}
