package org.tocsin.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tocsin.testing.Needs;

/**
 * Texts for copy-detection tests and the benchmark: the hand-written election articles in
 * {@code src/test/resources/text/copy}, the BBC (XSum) articles with their machine continuations from
 * {@code ../shared/data/aitext}, and pseudo-articles made of IRA tweets from {@code ../shared/data/posts}.
 */
final class CopyFixtures {
    static final Path SHARED = Needs.sharedRoot();
    static final Path AITEXT = SHARED.resolve("aitext");
    /** Under the shared data: one of the XSum files (all three come together), and the IRA tweets. */
    static final String XSUM = "aitext/xsum_gpt-4.raw_data.json";
    static final String TWEETS_FILE = "posts/posts_2016-10_en.csv";
    static final Path TWEETS = SHARED.resolve(TWEETS_FILE);
    static final String[] MODELS = {"davinci", "gpt-3.5-turbo", "gpt-4"};

    /** A machine continuation of a BBC article: it starts with the article's first ~30 words, then invents. */
    record Continuation(String model, String sourceId, String text) {
    }

    private CopyFixtures() {
    }

    static String resource(String name) {
        try (InputStream in = CopyFixtures.class.getResourceAsStream("/text/copy/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean haveXsum() {
        return Files.isRegularFile(SHARED.resolve(XSUM));
    }

    /**
     * The BBC articles, one per story: the three files hold the same stories cut at different lengths, so
     * stories are keyed by their first 60 characters (later ones differ in spacing) and the longest version kept. Ids are "xsum-N".
     */
    static List<ReferenceArticle> xsumArticles() {
        Map<String, String> longest = new LinkedHashMap<>();
        for (String model : MODELS) {
            for (JsonNode o : xsum(model).get("original")) {
                longest.merge(key(o.asText()), o.asText(), (a, b) -> a.length() >= b.length() ? a : b);
            }
        }
        List<ReferenceArticle> out = new ArrayList<>();
        int i = 0;
        for (String text : longest.values()) {
            String id = "xsum-" + i++;
            out.add(new ReferenceArticle(id, "https://www.bbc.co.uk/news/" + id, "", text));
        }
        return out;
    }

    static List<Continuation> xsumContinuations() {
        Map<String, String> idByKey = new LinkedHashMap<>();
        for (ReferenceArticle a : xsumArticles()) {
            idByKey.put(key(a.text()), a.id());
        }
        List<Continuation> out = new ArrayList<>();
        for (String model : MODELS) {
            JsonNode d = xsum(model);
            for (int i = 0; i < d.get("original").size(); i++) {
                out.add(new Continuation(model, idByKey.get(key(d.get("original").get(i).asText())),
                        d.get("sampled").get(i).asText()));
            }
        }
        return out;
    }

    private static String key(String text) {
        return text.substring(0, Math.min(60, text.length()));
    }

    private static JsonNode xsum(String model) {
        try {
            return new ObjectMapper().readTree(AITEXT.resolve("xsum_" + model + ".raw_data.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean haveTweets() {
        return Files.isRegularFile(TWEETS);
    }

    /** The text column of the tweets CSV, links removed (a t.co link is unique to its tweet, not prose). */
    static List<String> tweets() {
        try {
            List<String> out = new ArrayList<>();
            List<List<String>> rows = csv(Files.readString(TWEETS, StandardCharsets.UTF_8));
            for (List<String> row : rows.subList(1, rows.size())) {
                if (row.size() > 5) {
                    String t = row.get(5).replaceAll("https?://\\S+", "").strip();
                    if (!t.isEmpty()) {
                        out.add(t);
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Pseudo-article {@code n}: tweets drawn at random (seeded by n) from the whole month and joined until
     * the text reaches 300 words. 92,684 tweets are too few to fill 100,000 articles without reuse, so two
     * pseudo-articles share a tweet now and then — as two articles on the same story share a quote.
     */
    static ReferenceArticle pseudoArticle(List<String> tweets, int n) {
        Random random = new Random(0xA57L * 1_000_003L + n);
        StringBuilder b = new StringBuilder();
        int words = 0;
        while (words < 300) {
            String t = tweets.get(random.nextInt(tweets.size()));
            b.append(t).append(t.endsWith(".") ? " " : ". ");
            words += t.split("\\s+").length;
        }
        return new ReferenceArticle("tweets-" + n, "", "", b.toString().strip());
    }

    /** Minimal RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> csv(String s) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
