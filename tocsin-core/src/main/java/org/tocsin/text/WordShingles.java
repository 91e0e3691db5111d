package org.tocsin.text;

import java.util.Arrays;
import java.util.List;

/**
 * The second stage of copy matching: words to shingles. A shingle is a pair of neighbouring content words
 * (stop words skipped), hashed to 64 bits; the result is the sorted set of distinct shingle hashes.
 *
 * <p>Why pairs and not longer shingles: a rewrite that changes a fraction c of the words keeps a k-word
 * shingle only when all k words survive, (1-c)^k of them. At c = 0.3 that is 49 % of pairs but 34 % of
 * triples, and the Jaccard similarity of the two sets falls from about 0.32 to about 0.21. Single words
 * would survive better still but are shared by any two articles on the same topic ("county", "ballots",
 * "election"); a pair such as "ballots counted" is already specific enough. At 2^64 distinct hashes,
 * collisions between different pairs are negligible for any corpus this tool sees.
 */
public final class WordShingles {
    private WordShingles() {
    }

    public static long[] of(String text) {
        return of(MatchWords.words(text));
    }

    public static long[] of(List<MatchWords.Word> words) {
        long[] out = new long[Math.max(0, words.size() - 1)];
        int n = 0;
        long previous = 0;
        boolean havePrevious = false;
        for (MatchWords.Word w : words) {
            if (w.stop()) {
                continue;
            }
            long h = wordHash(w.folded());
            if (havePrevious) {
                out[n++] = mix(previous * 0x9E3779B97F4A7C15L + h);
            }
            previous = h;
            havePrevious = true;
        }
        long[] set = Arrays.copyOf(out, n);
        Arrays.sort(set);
        int distinct = 0;
        for (int i = 0; i < set.length; i++) {
            if (i == 0 || set[i] != set[i - 1]) {
                set[distinct++] = set[i];
            }
        }
        return Arrays.copyOf(set, distinct);
    }

    /** How many hashes two sorted sets share. */
    public static int shared(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                shared++;
                i++;
                j++;
            }
        }
        return shared;
    }

    /** FNV-1a over the UTF-16 units, then finalised: fast, and stable across runs and JVMs. */
    public static long wordHash(String word) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < word.length(); i++) {
            h ^= word.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** MurmurHash3's 64-bit finaliser: every input bit reaches every output bit. */
    public static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
