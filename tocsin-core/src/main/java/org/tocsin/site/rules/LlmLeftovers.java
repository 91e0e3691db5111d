package org.tocsin.site.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Text a language model writes about itself, left in published articles: the phrases of
 * {@code tocsin/site/llm-leftovers.txt} in English, Russian, Persian, Spanish, Chinese and Arabic.
 */
public final class LlmLeftovers {
    private static final String RESOURCE = "/tocsin/site/llm-leftovers.txt";
    private static volatile @Nullable LlmLeftovers bundled;
    private final List<String[]> phrases; // language, normalised phrase

    private LlmLeftovers(List<String[]> phrases) {
        this.phrases = List.copyOf(phrases);
    }

    public static LlmLeftovers bundled() {
        LlmLeftovers b = bundled;
        if (b == null) {
            List<String[]> list = new ArrayList<>();
            try (InputStream in = LlmLeftovers.class.getResourceAsStream(RESOURCE);
                 BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    int tab = line.indexOf('\t');
                    if (!line.startsWith("#") && tab > 0) {
                        list.add(new String[] {line.substring(0, tab), normalise(line.substring(tab + 1))});
                    }
                }
            } catch (IOException | NullPointerException e) {
                throw new UncheckedIOException(new IOException("cannot read " + RESOURCE, e));
            }
            bundled = b = new LlmLeftovers(list);
        }
        return b;
    }

    /** A leftover found: its language, and the sentence around it as the page has it. */
    public record Leftover(String language, String phrase, String excerpt) {
    }

    /** The first leftover in a text, if any. */
    public Optional<Leftover> find(String text) {
        String folded = normalise(text);
        for (String[] p : phrases) {
            int at = folded.indexOf(p[1]);
            if (at >= 0) {
                int from = Math.max(0, at - 60);
                int to = Math.min(folded.length(), at + p[1].length() + 80);
                return Optional.of(new Leftover(p[0], p[1], (from > 0 ? "…" : "") + folded.substring(from, to).strip() + (to < folded.length() ? "…" : "")));
            }
        }
        return Optional.empty();
    }

    /** Lower case, NFKC, zero-width non-joiners as spaces (Persian writes them or spaces), joiners dropped, straight apostrophes, one space. */
    static String normalise(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)
                .replace('\u200c', ' ').replace("\u200d", "").replace('\u2019', '\'').replace('\u02bc', '\'')
                .replace('\u064a', '\u06cc').replace('\u0643', '\u06a9'); // Arabic yeh/kaf as Persian writes them
        return n.replaceAll("\\s+", " ");
    }
}
