package org.tocsin.social.trace;

import java.util.ArrayList;
import java.util.List;
import org.tocsin.text.TextFold;

/**
 * A post's text made comparable: the retweet prefix, links and mentions removed, case and accents folded,
 * white space collapsed ("RT @a: Vote NOW https://t.co/x" and "vote now" are the same text), with its hashtags
 * collected on the way. One pass over the characters, no regular expressions: this runs for every post of
 * archives of tens of millions.
 */
public final class PostText {
    /** Below this many words a text is a phrase anyone may post ("good morning"), not coordination. */
    public static final int MIN_WORDS = 4;
    private static final int MAX_HANDLE = 50;
    private static final int MAX_TAG = 100;

    /** The comparable text and the hashtags, lower case, in the order written. */
    public record Parsed(String text, List<String> hashtags) {
    }

    private PostText() {
    }

    /** The comparable form of a text. */
    public static String normalise(String text) {
        return parse(text).text();
    }

    /** The hashtags of a text, lower case, in the order written. */
    public static List<String> hashtags(String text) {
        return parse(text).hashtags();
    }

    public static Parsed parse(String raw) {
        int n = raw.length();
        int i = skipRetweetPrefix(raw);
        StringBuilder out = new StringBuilder(n);
        List<String> tags = List.of();
        boolean space = false;
        boolean ascii = true;
        while (i < n) {
            char c = raw.charAt(i);
            boolean boundary = i == 0 || !isWordChar(raw.charAt(i - 1));
            if (boundary && isLinkStart(raw, i)) {
                while (i < n && !Character.isWhitespace(raw.charAt(i))) {
                    i++;
                }
                space = true;
                continue;
            }
            if (c == '@' && boundary && (i == 0 || raw.charAt(i - 1) != '@') && i + 1 < n && isHandleChar(raw.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && end - i <= MAX_HANDLE && isHandleChar(raw.charAt(end))) {
                    end++;
                }
                i = end;
                space = true;
                continue;
            }
            if ((c == '#' || c == '＃') && (i == 0 || !(isWordChar(raw.charAt(i - 1)) || raw.charAt(i - 1) == '&'))
                    && i + 1 < n && Character.isLetter(raw.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && end - i <= MAX_TAG && (Character.isLetterOrDigit(raw.charAt(end)) || raw.charAt(end) == '_')) {
                    end++;
                }
                if (tags.isEmpty()) {
                    tags = new ArrayList<>(4);
                }
                tags.add("#" + raw.substring(i + 1, end).toLowerCase(java.util.Locale.ROOT));
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
            } else {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                space = false;
                if (c >= 128) {
                    ascii = false;
                    out.append(c);
                } else {
                    out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
                }
            }
            i++;
        }
        String text = out.toString();
        return new Parsed(ascii ? text : TextFold.fold(text), tags);
    }

    /** "RT @user: " at the start, as retweets carried it. */
    private static int skipRetweetPrefix(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (!s.startsWith("RT @", i)) {
            return 0;
        }
        int j = i + 4;
        while (j < s.length() && j - i <= MAX_HANDLE + 4 && isHandleChar(s.charAt(j))) {
            j++;
        }
        if (j < s.length() && s.charAt(j) == ':') {
            j++;
        }
        return j;
    }

    private static boolean isLinkStart(String s, int i) {
        return s.regionMatches(true, i, "http://", 0, 7) || s.regionMatches(true, i, "https://", 0, 8)
                || s.regionMatches(true, i, "www.", 0, 4);
    }

    private static boolean isHandleChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
    }

    /** The words of a normalised text: runs of letters, digits, {@code #}, {@code _} and apostrophes. */
    public static List<String> words(String normalised) {
        List<String> out = new ArrayList<>(24);
        int start = -1;
        for (int i = 0; i <= normalised.length(); i++) {
            boolean word = i < normalised.length() && isWordChar(normalised.charAt(i));
            if (word && start < 0) {
                start = i;
            } else if (!word && start >= 0) {
                out.add(normalised.substring(start, i));
                start = -1;
            }
        }
        return out;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '#' || c == '\'' || c == '’' || c == '_';
    }
}
