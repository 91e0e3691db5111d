package org.tocsin.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The first stage of copy matching: text to words. A word is a run of letters, digits and combining marks;
 * apostrophes inside a word are dropped ("Scott's" → "scotts", so the curly and straight forms agree), any
 * other punctuation separates words, numbers are kept as words. Each word is folded with {@link TextFold}
 * (lower case, accents removed) and keeps its place in the original text, so a match can be shown verbatim.
 * Stop words stay in the list, flagged: shingles skip them, shared passages keep them (a person reads
 * "the count will be certified" more easily than "count certified").
 */
public final class MatchWords {
    private static final String STOP_WORDS = "/tocsin/text/stopwords-en.txt";
    private static final Set<String> STOP = load();

    /** One word: its folded form, whether it is a stop word, and where it stands in the original text. */
    public record Word(String folded, boolean stop, int start, int end) {
    }

    private MatchWords() {
    }

    public static List<Word> words(String text) {
        List<Word> out = new ArrayList<>(Math.max(16, text.length() / 6));
        StringBuilder raw = new StringBuilder();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (isWordChar(c)) {
                if (start < 0) {
                    start = i;
                }
                raw.append(c);
            } else if (start >= 0 && !(isApostrophe(c) && i + 1 < text.length() && isWordChar(text.charAt(i + 1)))) {
                // an apostrophe inside a word ("don't", "Scott's") does not end it
                String folded = TextFold.fold(raw.toString());
                out.add(new Word(folded, STOP.contains(folded), start, i));
                raw.setLength(0);
                start = -1;
            }
        }
        return out;
    }

    public static boolean isStopWord(String folded) {
        return STOP.contains(folded);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019';
    }

    private static Set<String> load() {
        try (InputStream in = MatchWords.class.getResourceAsStream(STOP_WORDS)) {
            if (in == null) {
                throw new IllegalStateException("stop-word list missing from the build: " + STOP_WORDS);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Set<String> words = new HashSet<>();
            for (String line; (line = r.readLine()) != null; ) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    words.add(t);
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + STOP_WORDS, e);
        }
    }
}
