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
 * The lure phrase lists from {@code tocsin/email/lure-phrases.txt}, one compiled pattern per category
 * (all phrases of a category joined into one alternation, so a message is scanned once per category).
 */
public final class LurePhrases {
    private static volatile LurePhrases bundled;
    private final Map<String, Pattern> byCategory;

    private LurePhrases(Map<String, Pattern> byCategory) {
        this.byCategory = byCategory;
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
                if (tab < 0) {
                    throw new IllegalStateException(path + ": line without a category: " + line);
                }
                phrases.computeIfAbsent(line.substring(0, tab).strip(), k -> new ArrayList<>())
                        .add(line.substring(tab + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Pattern> compiled = new LinkedHashMap<>();
        // Text is folded before matching (lower case, no accents), so patterns need neither case-insensitive
        // matching nor Unicode classes, which keeps this hot path cheap.
        phrases.forEach((cat, list) -> compiled.put(cat, Pattern.compile("(?:" + String.join(")|(?:", list) + ")")));
        return new LurePhrases(compiled);
    }

    /** The first phrase of the category found in folded text ({@link org.tocsin.text.TextFold}), or {@code null}. */
    public String find(String category, String text) {
        Pattern p = byCategory.get(category);
        if (p == null) {
            throw new IllegalArgumentException("no lure category " + category);
        }
        Matcher m = p.matcher(text);
        return m.find() ? m.group() : null;
    }
}
