package org.tocsin.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The lure phrase lists from {@code tocsin/email/lure-phrases.txt}, matched against folded text.
 *
 * <p>A naive scan tries every phrase at every word of a message (a regular-expression alternation of a
 * couple of hundred branches), which made this the most expensive step of triage. Instead each phrase is
 * filed under the three-character word starts it can begin with — found by asking the phrase's own pattern
 * whether such an input could be the start of a match ({@link Matcher#hitEnd()}) — and at each word
 * of the text only the phrases filed under its first three characters are tried.
 *
 * <p>Only the first {@link #MAX_SCANNED} characters are scanned: lures are written to be read, so they
 * sit near the top, and a bound keeps a 1 MB newsletter from costing a thousand times a short lure.
 */
public final class LurePhrases {
    /** Characters of folded text scanned for lure phrases. */
    public static final int MAX_SCANNED = 32_768;
    private static volatile @Nullable LurePhrases bundled;
    private static final String WORD_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** What may follow the first character of a phrase in folded text; {@link #END} is the end of the text. */
    private static final char END = '\u0000';
    private static final String SECOND_CHARS = WORD_CHARS + " '-.,$" + END;
    /** Matchers per thread, one per phrase: creating ~200 matchers per message showed up in profiles. */
    private final ThreadLocal<Matcher[]> matchersOfThread = ThreadLocal.withInitial(() -> new Matcher[0]);
    private final List<String> categoryOf;
    private final List<Pattern> patterns;
    /** Phrases by the index of their first two characters ({@link #slot}); {@code null} where none. */
    private final int[][] byPrefix;
    /**
     * The same by the first three characters ({@link #slot3}): a word start like "the" or "you" would otherwise
     * try every phrase that could begin "th" or "yo". Used whenever the third character is in the probed
     * alphabet; otherwise the two-character table (a superset) is.
     */
    private final int[][] byPrefix3;

    private record Phrase(String category, Pattern pattern) {
    }

    private LurePhrases(List<Phrase> phrases) {
        this.categoryOf = phrases.stream().map(Phrase::category).toList();
        this.patterns = phrases.stream().map(Phrase::pattern).toList();
        Map<Integer, List<Integer>> index = new java.util.HashMap<>();
        Map<Integer, List<Integer>> index3 = new java.util.HashMap<>();
        // (built once; the scan below uses the flat tables)
        for (int p = 0; p < patterns.size(); p++) {
            Pattern pattern = patterns.get(p);
            for (char c1 : WORD_CHARS.toCharArray()) {
                if (!couldStart(pattern, String.valueOf(c1))) {
                    continue;
                }
                for (char c2 : SECOND_CHARS.toCharArray()) {
                    if (c2 == END) {
                        if (pattern.matcher(String.valueOf(c1)).lookingAt()) {
                            index.computeIfAbsent(slot(c1, END), k -> new ArrayList<>()).add(p);
                            index3.computeIfAbsent(slot3(c1, END, END), k -> new ArrayList<>()).add(p);
                        }
                        continue;
                    }
                    String two = "" + c1 + c2;
                    if (!couldStart(pattern, two)) {
                        continue;
                    }
                    index.computeIfAbsent(slot(c1, c2), k -> new ArrayList<>()).add(p);
                    for (char c3 : SECOND_CHARS.toCharArray()) {
                        if (c3 == END ? pattern.matcher(two).lookingAt() : couldStart(pattern, two + c3)) {
                            index3.computeIfAbsent(slot3(c1, c2, c3), k -> new ArrayList<>()).add(p);
                        }
                    }
                }
            }
        }
        this.byPrefix = new int[WORD_CHARS.length() * SECOND_CHARS.length()][];
        index.forEach((k, v) -> byPrefix[k] = v.stream().mapToInt(Integer::intValue).toArray());
        this.byPrefix3 = new int[WORD_CHARS.length() * SECOND_CHARS.length() * SECOND_CHARS.length()][];
        index3.forEach((k, v) -> byPrefix3[k] = v.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The three-character table slot, or -1 when a character is outside the probed alphabet. */
    private static int slot3(char c1, char c2, char c3) {
        int s = slot(c1, c2);
        int i3 = c3 < 128 ? SECOND_INDEX[c3] : -1;
        return s < 0 || i3 < 0 ? -1 : s * SECOND_CHARS.length() + i3;
    }

    /** True when {@code start} matches, or could be extended into a match, of the pattern. */
    private static boolean couldStart(Pattern p, String start) {
        Matcher m = p.matcher(start);
        return m.lookingAt() || m.hitEnd();
    }

    /** The table slot of a two-character start, or -1 when no phrase can start so. */
    private static int slot(char c1, char c2) {
        int i1 = c1 < 128 ? FIRST_INDEX[c1] : -1;
        int i2 = c2 < 128 ? SECOND_INDEX[c2] : -1;
        return i1 < 0 || i2 < 0 ? -1 : i1 * SECOND_CHARS.length() + i2;
    }

    private static final int[] FIRST_INDEX = indexTable(WORD_CHARS);
    private static final int[] SECOND_INDEX = indexTable(SECOND_CHARS);

    private static int[] indexTable(String chars) {
        int[] t = new int[128];
        java.util.Arrays.fill(t, -1);
        for (int i = 0; i < chars.length(); i++) {
            t[chars.charAt(i)] = i;
        }
        return t;
    }

    public static LurePhrases bundled() {
        LurePhrases p = bundled;
        if (p == null) {
            synchronized (LurePhrases.class) {
                if (bundled == null) {
                    bundled = load();
                }
                p = bundled;
            }
        }
        return p;
    }

    private static LurePhrases load() {
        String path = "/tocsin/email/lure-phrases.txt";
        Map<String, List<String>> phrases = new LinkedHashMap<>();
        try (InputStream in = LurePhrases.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing from the build: " + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                String phrase = tab < 0 ? "" : line.substring(tab + 1).strip();
                if (!phrase.startsWith("\\b")) {
                    throw new IllegalStateException(path + ": expected 'category<TAB>\\b...', got: " + line);
                }
                phrases.computeIfAbsent(line.substring(0, tab).strip(), k -> new ArrayList<>()).add(phrase.substring(2));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Text is folded before matching (lower case, no accents), so patterns need neither case-insensitive
        // matching nor Unicode classes.
        List<Phrase> list = new ArrayList<>();
        phrases.forEach((category, bodies) -> {
            for (String body : bodies) {
                list.add(new Phrase(category, Pattern.compile(body)));
            }
        });
        return new LurePhrases(list);
    }

    /** The first phrase of each category found in folded text ({@link org.tocsin.text.TextFold}). */
    public Map<String, String> findAll(String foldedText) {
        String text = foldedText.length() > MAX_SCANNED ? foldedText.substring(0, MAX_SCANNED) : foldedText;
        Map<String, String> found = new LinkedHashMap<>();
        Matcher[] matchers = matchersOfThread.get();
        if (matchers.length != patterns.size()) {
            matchers = new Matcher[patterns.size()];
            matchersOfThread.set(matchers);
        }
        boolean[] fresh = new boolean[patterns.size()];
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c1 = text.charAt(i);
            if (!isWordChar(c1) || (i > 0 && isWordChar(text.charAt(i - 1)))) {
                continue; // phrases start at the beginning of a word
            }
            char c2 = i + 1 < n ? text.charAt(i + 1) : END;
            char c3 = c2 == END ? END : i + 2 < n ? text.charAt(i + 2) : END;
            int slot3 = slot3(c1, c2, c3);
            int slot = slot(c1, c2);
            int[] candidates = slot3 >= 0 ? byPrefix3[slot3] : slot < 0 ? null : byPrefix[slot];
            if (candidates == null) {
                continue;
            }
            for (int p : candidates) {
                String category = categoryOf.get(p);
                if (found.containsKey(category)) {
                    continue;
                }
                Matcher m = matchers[p];
                if (m == null) {
                    m = patterns.get(p).matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
                    matchers[p] = m;
                    fresh[p] = true;
                } else if (!fresh[p]) {
                    m.reset(text); // matchers are reused across messages on the same thread
                    fresh[p] = true;
                }
                m.region(i, n);
                if (m.lookingAt()) {
                    found.put(category, m.group());
                }
            }
        }
        return found;
    }

    /** The same answer without the prefix index: every phrase tried at every word start (for tests of the index). */
    Map<String, String> findAllUnindexed(String foldedText) {
        String text = foldedText.length() > MAX_SCANNED ? foldedText.substring(0, MAX_SCANNED) : foldedText;
        Map<String, String> found = new LinkedHashMap<>();
        for (int i = 0; i < text.length(); i++) {
            if (!isWordChar(text.charAt(i)) || (i > 0 && isWordChar(text.charAt(i - 1)))) {
                continue;
            }
            for (int p = 0; p < patterns.size(); p++) {
                if (found.containsKey(categoryOf.get(p))) {
                    continue;
                }
                Matcher m = patterns.get(p).matcher(text).useTransparentBounds(true).useAnchoringBounds(false).region(i, text.length());
                if (m.lookingAt()) {
                    found.put(categoryOf.get(p), m.group());
                }
            }
        }
        return found;
    }

    private static boolean isWordChar(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || (c >= 'A' && c <= 'Z');
        }
        return Character.isLetterOrDigit(c);
    }
}
