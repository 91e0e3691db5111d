package org.tocsin.social.trace;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tocsin.social.Post;
import org.tocsin.social.PostKind;
import org.tocsin.social.TraceKind;
import org.tocsin.text.MinHash;
import org.tocsin.text.WordShingles;

/**
 * The keyed actions of one post, one per trace it can take part in: each distinct normalised link; the post it
 * reshares or quotes (for a reshare without an id, its text: archives such as the IRA tweets keep no reshare ids);
 * its normalised text and the LSH bands of its MinHash signature (original posts, replies and quotes of at
 * least {@value PostText#MIN_WORDS} words); its hashtag sequence when it has two or more. A reshare counts only as a reshare: its links, text
 * and hashtags are the original's, and counting them again would weigh one act several times. Pure: the same post
 * gives the same actions in the embedded runner and in the Flink job.
 */
public final class PostTraces {
    /** Signature length and banding for near-identical text: 8 bands of 4 rows find pairs at J = 0.8 with p ≈ 0.985. */
    public static final int BANDS = 8;
    public static final int ROWS = 4;
    /** Near-text needs this many words: shorter texts have too few shingles for a similarity to mean anything. */
    static final int NEAR_MIN_WORDS = 6;
    private static final int ITEM_CHARS = 200;
    private static final Pattern LINK_IN_TEXT = Pattern.compile("(?i)\\bhttps?://\\S+");

    private PostTraces() {
    }

    public static List<KeyedAction> of(Post p) {
        List<KeyedAction> out = new ArrayList<>(4 + BANDS);
        long second = p.createdAt().getEpochSecond();
        boolean reshare = p.kind() == PostKind.RESHARE;
        if (!reshare) {
            for (String link : links(p)) {
                out.add(new KeyedAction(key(TraceKind.CO_URL, link), Action.of(p.accountId(), p.postId(), second, link)));
            }
        }
        PostText.Parsed parsed = PostText.parse(p.text());
        String text = parsed.text();
        List<String> words = PostText.words(text);
        if ((reshare || p.kind() == PostKind.QUOTE) && p.reshareOf() != null) {
            out.add(new KeyedAction(key(TraceKind.CO_RESHARE, "id:" + p.reshareOf()),
                    Action.of(p.accountId(), p.postId(), second, "post " + p.reshareOf())));
        } else if (reshare && words.size() >= PostText.MIN_WORDS) {
            out.add(new KeyedAction(key(TraceKind.CO_RESHARE, "text:" + text), Action.of(p.accountId(), p.postId(), second, cut(text))));
        }
        if (!reshare && words.size() >= PostText.MIN_WORDS) {
            out.add(new KeyedAction(key(TraceKind.CO_TEXT, text), Action.of(p.accountId(), p.postId(), second, cut(text))));
            if (words.size() >= NEAR_MIN_WORDS) {
                long[] shingles = shingles(words);
                int[] sig = MinHash.signature(shingles, BANDS * ROWS);
                Action a = new Action(p.accountId(), p.postId(), second, cut(text), shingles, sig);
                for (int b = 0; b < BANDS; b++) {
                    out.add(new KeyedAction(new TraceKey(TraceKind.NEAR_TEXT, bandHash(sig, b), b), a));
                }
            }
        }
        List<String> tags = parsed.hashtags();
        if (!reshare && tags.size() >= 2) {
            String seq = String.join(" ", tags);
            out.add(new KeyedAction(key(TraceKind.CO_HASHTAGS, seq), Action.of(p.accountId(), p.postId(), second, seq)));
        }
        return out;
    }

    private static Set<String> links(Post p) {
        Set<String> out = new LinkedHashSet<>();
        List<String> urls = p.urls();
        if (urls.isEmpty()) {
            Matcher m = LINK_IN_TEXT.matcher(p.text());
            urls = new ArrayList<>();
            while (m.find()) {
                urls.add(m.group());
            }
        }
        for (String u : urls) {
            String k = LinkKey.of(u);
            if (k != null) {
                out.add(k);
            }
        }
        return out;
    }

    static TraceKey key(TraceKind kind, String item) {
        return new TraceKey(kind, WordShingles.mix(WordShingles.wordHash(item) + kind.ordinal()), -1);
    }

    /** Sorted distinct hashes of neighbouring word pairs (every word counts: in a short post, "not" matters). */
    public static long[] shingles(List<String> words) {
        long[] out = new long[words.size() - 1];
        long previous = WordShingles.wordHash(words.get(0));
        for (int i = 1; i < words.size(); i++) {
            long h = WordShingles.wordHash(words.get(i));
            out[i - 1] = WordShingles.mix(previous * 0x9E3779B97F4A7C15L + h);
            previous = h;
        }
        return java.util.Arrays.stream(out).sorted().distinct().toArray();
    }

    static long bandHash(int[] sig, int band) {
        long h = 0x5EED_0000L + band;
        for (int r = 0; r < ROWS; r++) {
            h = WordShingles.mix(h * 31 + sig[band * ROWS + r]);
        }
        return h;
    }

    private static String cut(String s) {
        return s.length() <= ITEM_CHARS ? s : s.substring(0, ITEM_CHARS) + "…";
    }
}
