package org.tocsin.social.read;

import java.nio.charset.StandardCharsets;

/** The posts formats Tocsin reads, told apart by their first bytes, never by the file name. */
public enum PostFormat {
    /** the canonical CSV: header {@code post_id,account_id,account_name,created_at,kind,text,urls,reshare_of,reply_to,lang} */
    CANONICAL_CSV,
    /** the canonical schema as JSON Lines, one post per line */
    CANONICAL_JSONL,
    /** X/Twitter API v2 responses: {@code {"data": [tweets], "includes": {"users": [...]}}}, one per file or per line */
    TWITTER_V2,
    /** Telegram Desktop's JSON export ({@code result.json}): a chat, or all chats, with their {@code messages} */
    TELEGRAM,
    UNKNOWN;

    /** Reads the format from the first few kilobytes of an input. */
    public static PostFormat sniff(byte[] head, int length) {
        String s = new String(head, 0, length, StandardCharsets.UTF_8);
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1);
        }
        String t = s.stripLeading();
        if (t.startsWith("post_id,") || t.startsWith("\"post_id\",")) {
            return CANONICAL_CSV;
        }
        String compact = t.replaceAll("\\s+", "");
        if (compact.startsWith("[{")) { // a bare array of tweets
            return compact.contains("\"author_id\":") ? TWITTER_V2 : UNKNOWN;
        }
        if (!t.startsWith("{")) {
            return UNKNOWN;
        }
        if (compact.startsWith("{\"post_id\"") || (compact.contains("\"post_id\":") && compact.contains("\"account_id\":"))) {
            return CANONICAL_JSONL;
        }
        if (compact.contains("\"messages\":") || compact.contains("\"chats\":") || compact.contains("\"personal_information\":")) {
            return TELEGRAM;
        }
        if (compact.contains("\"data\":") || compact.contains("\"author_id\":")) {
            return TWITTER_V2;
        }
        return UNKNOWN;
    }
}
