package org.tocsin.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The overlap a person can read: maximal runs of at least {@link #MIN_WORDS} words (stop words included,
 * compared folded) that a suspect text shares with a reference, quoted from the suspect, longest first.
 * Runs are seeded by the reference's six-word sequences and extended forward (the suspect is read from the
 * left, so a run is always met at its first word), so the cost grows with
 * the two lengths, not their product.
 */
final class SharedPassages {
    static final int MIN_WORDS = 6;
    static final int MAX_PASSAGES = 5;

    private SharedPassages() {
    }

    static List<String> between(String suspectText, List<MatchWords.Word> suspect, List<MatchWords.Word> reference) {
        if (suspect.size() < MIN_WORDS || reference.size() < MIN_WORDS) {
            return List.of();
        }
        Map<String, List<Integer>> seeds = new HashMap<>();
        for (int j = 0; j + MIN_WORDS <= reference.size(); j++) {
            seeds.computeIfAbsent(key(reference, j), k -> new ArrayList<>(1)).add(j);
        }
        record Run(int start, int length) {
        }
        List<Run> runs = new ArrayList<>();
        int i = 0;
        while (i + MIN_WORDS <= suspect.size()) {
            List<Integer> at = seeds.get(key(suspect, i));
            if (at == null) {
                i++;
                continue;
            }
            int best = 0;
            for (int j : at) {
                int n = MIN_WORDS;
                while (i + n < suspect.size() && j + n < reference.size()
                        && suspect.get(i + n).folded().equals(reference.get(j + n).folded())) {
                    n++;
                }
                best = Math.max(best, n);
            }
            runs.add(new Run(i, best));
            i += best; // runs do not overlap in the suspect
        }
        runs.sort(Comparator.comparingInt(Run::length).reversed().thenComparingInt(Run::start));
        List<String> out = new ArrayList<>();
        for (Run r : runs.subList(0, Math.min(MAX_PASSAGES, runs.size()))) {
            out.add(suspectText.substring(suspect.get(r.start()).start(), suspect.get(r.start() + r.length() - 1).end()));
        }
        return out;
    }

    private static String key(List<MatchWords.Word> words, int from) {
        StringBuilder b = new StringBuilder();
        for (int k = from; k < from + MIN_WORDS; k++) {
            b.append(words.get(k).folded()).append(' ');
        }
        return b.toString();
    }
}
