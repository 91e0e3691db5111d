package org.tocsin.social;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What a post is: the canonical schema's {@code kind} column. */
public enum PostKind {
    POST, RESHARE, REPLY, QUOTE;

    /** The canonical name ({@code post}, {@code reshare}, …), a post when absent, or null when {@code s} is none of them. */
    public static @Nullable PostKind parse(String s) {
        if (s == null) {
            return POST;
        }
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "post", "" -> POST;
            case "reshare", "retweet", "repost", "forward" -> RESHARE;
            case "reply" -> REPLY;
            case "quote" -> QUOTE;
            default -> null;
        };
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
