package org.tocsin.social.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tocsin.text.TextFold;

/**
 * A post's text made comparable: the retweet prefix, links and mentions removed, case and accents folded,
 * white space collapsed. "RT @a: Vote NOW https://t.co/x" and "vote now" are the same text.
 */
public final class PostText {
    private static final Pattern RT_PREFIX = Pattern.compile("^\\s*RT\\s+@\\w{1,50}:?\\s*");
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@\\w{1,50}");
    private static final Pattern HASHTAG = Pattern.compile("(?<![\\w#&])[#＃](\\p{L}[\\p{L}\\p{N}_]{0,99})");
    /** Below this many words a text is a phrase anyone may post ("good morning"), not coordination. */
    public static final int MIN_WORDS = 4;

    private PostText() {
    }

    /** The comparable form of a text. */
    public static String normalise(String text) {
        String t = RT_PREFIX.matcher(text).replaceFirst("");
        t = LINK.matcher(t).replaceAll(" ");
        t = MENTION.matcher(t).replaceAll(" ");
        return TextFold.fold(t).strip();
    }

    /** The words of a normalised text: runs of letters, digits, {@code #} and {@code '}. */
    public static List<String> words(String normalised) {
        List<String> out = new ArrayList<>();
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

    /** The hashtags of a text, lower case, in the order written. */
    public static List<String> hashtags(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = HASHTAG.matcher(text);
        while (m.find()) {
            out.add("#" + m.group(1).toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
