package org.tocsin.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes a machine-style rewrite of an article, deterministically from a seed, for tests and the benchmark.
 *
 * <p>Procedure: (1) split the text into sentences (after . ! ? followed by white space) and shuffle their
 * order; (2) walk the words and change each with probability {@code change}: half the changes swap the
 * word for a synonym from the table below, or, when it has none, for a word from a neutral filler list;
 * a quarter delete the word; a quarter keep it and insert a filler word after it. Punctuation stays where
 * it was. So "30 % changed" means about 30 % of the original's words were replaced, dropped or had a word
 * pushed in after them — harsher than most language-model rewrites, which keep names, numbers and quotes.
 */
final class Rewriter {
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("said", "stated"), Map.entry("says", "states"), Map.entry("told", "informed"),
            Map.entry("after", "following"), Map.entry("before", "prior to"), Map.entry("about", "around"),
            Map.entry("voters", "electors"), Map.entry("office", "department"), Map.entry("open", "launch"),
            Map.entry("new", "fresh"), Map.entry("first", "initial"), Map.entry("long", "lengthy"),
            Map.entry("people", "residents"), Map.entry("county", "district"), Map.entry("week", "seven days"),
            Map.entry("big", "large"), Map.entry("small", "minor"), Map.entry("help", "assist"),
            Map.entry("show", "reveal"), Map.entry("start", "begin"), Map.entry("end", "close"),
            Map.entry("buy", "purchase"), Map.entry("get", "obtain"), Map.entry("make", "create"),
            Map.entry("use", "employ"), Map.entry("need", "require"), Map.entry("went", "headed"),
            Map.entry("found", "discovered"), Map.entry("called", "named"), Map.entry("police", "officers"),
            Map.entry("government", "administration"), Map.entry("year", "twelve months"), Map.entry("man", "individual"),
            Map.entry("woman", "individual"), Map.entry("killed", "slain"), Map.entry("died", "passed away"),
            Map.entry("attack", "assault"), Map.entry("court", "tribunal"), Map.entry("accused", "charged"),
            Map.entry("also", "additionally"), Map.entry("but", "however"), Map.entry("many", "numerous"),
            Map.entry("increase", "rise"), Map.entry("decision", "ruling"), Map.entry("plan", "proposal"),
            Map.entry("money", "funds"), Map.entry("cost", "price"), Map.entry("workers", "staff"),
            Map.entry("approved", "backed"), Map.entry("ballots", "votes"), Map.entry("site", "location"));
    private static final String[] FILLER = {
            "notably", "reportedly", "indeed", "clearly", "recently", "officially", "apparently", "largely",
            "particular", "overall", "certain", "various", "several", "further", "actual", "significant",
            "moreover", "meanwhile", "however", "instead", "therefore", "specifically", "especially", "directly",
            "local", "broader", "key", "major", "critical", "ongoing", "latest", "current"};
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"”’']?)\\s+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’]*");

    private Rewriter() {
    }

    static String rewrite(String text, double change, long seed) {
        Random random = new Random(seed);
        List<String> sentences = new ArrayList<>(List.of(SENTENCE_END.split(text.strip())));
        Collections.shuffle(sentences, random);
        StringBuilder out = new StringBuilder();
        for (String sentence : sentences) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            Matcher m = WORD.matcher(sentence);
            int last = 0;
            while (m.find()) {
                out.append(sentence, last, m.start());
                last = m.end();
                String word = m.group();
                if (random.nextDouble() >= change) {
                    out.append(word);
                    continue;
                }
                double kind = random.nextDouble();
                if (kind < 0.5) {
                    String synonym = SYNONYMS.get(word.toLowerCase(Locale.ROOT));
                    out.append(synonym != null ? synonym : FILLER[random.nextInt(FILLER.length)]);
                } else if (kind < 0.75) {
                    // deleted: nothing written
                } else {
                    out.append(word).append(' ').append(FILLER[random.nextInt(FILLER.length)]);
                }
            }
            out.append(sentence, last, sentence.length());
        }
        return out.toString();
    }
}
