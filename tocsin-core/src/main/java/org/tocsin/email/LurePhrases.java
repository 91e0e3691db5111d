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

/**
 * The lure phrase lists from {@code tocsin/email/lure-phrases.txt}, matched against folded text.
 *
 * <p>A naive scan tries every phrase at every word of a message (a regular-expression alternation of a
 * couple of hundred branches), which made this the most expensive step of triage. Instead each phrase is
 * filed under the two-letter word starts it can begin with — found by asking the phrase's own pattern
 * whether a two-letter input could be the start of a match ({@link Matcher#hitEnd()}) — and at each word
 * of the text only the phrases filed under its first two letters are tried.
 *
 * <p>Only the first {@link #MAX_SCANNED} characters are scanned: lures are written to be read, so they
 * sit near the top, and a bound keeps a 1 MB newsletter from costing a thousand times a short lure.
 */
public final class LurePhrases {
    /** Characters of folded text scanned for lure phrases. */
    public static final int MAX_SCANNED = 32_768;
    private static volatile LurePhrases bundled;
    private static final String WORD_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
    private final List<String> categoryOf;
    private final List<Pattern> patterns;
    private final Map<Integer, int[]> byPrefix;
    private final Map<String, Pattern> byCategory;

    private record Phrase(String category, Pattern pattern) {
    }

    private LurePhrases(List<Phrase> phrases, Map<String, Pattern> byCategory) {
        this.categoryOf = phrases.stream().map(Phrase::category).toList();
        this.patterns = phrases.stream().map(Phrase::pattern).toList();
        this.byCategory = byCategory;
        Map<Integer, List<Integer>> index = new java.util.HashMap<>();
        for (int p = 0; p < patterns.size(); p++) {
            Pattern pattern = patterns.get(p);
            for (char c1 : WORD_CHARS.toCharArray()) {
                if (!couldStart(pattern, String.valueOf(c1))) {
                    continue;
                }
                for (char c2 : (WORD_CHARS + " '-.,$").toCharArray()) {
                    if (couldStart(pattern, "" + c1 + c2)) {
                        index.computeIfAbsent(key(c1, c2), k -> new ArrayList<>()).add(p);
                    }
                }
                if (couldStart(pattern, String.valueOf(c1) + '\u0000') || pattern.matcher(String.valueOf(c1)).lookingAt()) {
                    index.computeIfAbsent(key(c1, '\u0000'), k -> new ArrayList<>()).add(p);
                }
            }
        }
        this.byPrefix = new java.util.HashMap<>();
        index.forEach((k, v) -> byPrefix.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** True when {@code start} matches, or could be extended into a match, of the pattern. */
    private static boolean couldStart(Pattern p, String start) {
        Matcher m = p.matcher(start);
        return m.lookingAt() || m.hitEnd();
    }

    private static int key(char c1, char c2) {
        return (c1 << 16) | c2;
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
        Map<String, Pattern> byCategory = new LinkedHashMap<>();
        phrases.forEach((category, bodies) -> {
            for (String body : bodies) {
                list.add(new Phrase(category, Pattern.compile(body)));
            }
            byCategory.put(category, Pattern.compile("\\b(?:(?:" + String.join(")|(?:", bodies) + "))"));
        });
        return new LurePhrases(list, byCategory);
    }

    /** The first phrase of each category found in folded text ({@link org.tocsin.text.TextFold}). */
    public Map<String, String> findAll(String foldedText) {
        String text = foldedText.length() > MAX_SCANNED ? foldedText.substring(0, MAX_SCANNED) : foldedText;
        Map<String, String> found = new LinkedHashMap<>();
        Matcher[] matchers = new Matcher[patterns.size()];
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c1 = text.charAt(i);
            if (!isWordChar(c1) || (i > 0 && isWordChar(text.charAt(i - 1)))) {
                continue; // phrases start at the beginning of a word
            }
            int[] candidates = byPrefix.get(key(c1, i + 1 < n ? text.charAt(i + 1) : '\u0000'));
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
                }
                m.region(i, n);
                if (m.lookingAt()) {
                    found.put(category, m.group());
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

    /** The first phrase of one category found in folded text, or {@code null}; for short texts such as subjects. */
    public String find(String category, String foldedText) {
        Pattern p = byCategory.get(category);
        if (p == null) {
            throw new IllegalArgumentException("no lure category " + category);
        }
        Matcher m = p.matcher(foldedText.length() > MAX_SCANNED ? foldedText.substring(0, MAX_SCANNED) : foldedText);
        return m.find() ? m.group() : null;
    }
}
