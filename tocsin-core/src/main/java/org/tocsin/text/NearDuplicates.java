package org.tocsin.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Finds which reference articles a suspect text copies or rewrites (the CopyCop / Storm-1516 and
 * Storm-2035 pattern: real outlets' articles rewritten by a language model). Written here rather than
 * taken from a library because the job is small and its parameters are the whole point; the approach is
 * the classic one (Broder's MinHash, banded LSH) that VIGINUM's D3lta also uses for its near-duplicates.
 *
 * <p>Pipeline: {@link MatchWords} (fold, split, flag stop words) → {@link WordShingles} (pairs of
 * neighbouring content words, 64-bit hashes) → {@link MinHash} (128 minima) → 64 bands of 2 rows →
 * candidates → verification → {@link CopyMatch}.
 *
 * <p><b>Why these numbers.</b> A rewrite that changes a fraction c of the words keeps a word pair with
 * probability (1-c)^2 and reordering sentences only breaks the pairs that straddle a sentence boundary, so
 * the Jaccard similarity of the pair sets is about (1-c)^2 / (2 - (1-c)^2): 0.68 at 10 % changed, 0.47 at
 * 20 %, 0.32 at 30 %, 0.22 at 40 %. Measured: a hand-written rewrite of a 444-word election story (sentences
 * reordered, synonyms, ~30 % of words changed) scores 0.37; the test generator ({@code Rewriter}), harsher
 * because it also deletes words and pushes filler words in, gives medians of 0.57 / 0.37 / 0.21 / 0.13 at
 * 10 / 20 / 30 / 40 % (5th percentile 0.16 at 30 %). Unrelated articles on the same topic share a few pairs
 * ("election office", "county clerk") and sit under 0.05; among 1,150 BBC and tweet pseudo-articles the
 * closest other document is at 0.03 (median) and 0.07 (99th percentile). With b bands of r rows, a pair of similarity J becomes a
 * candidate with probability 1 - (1 - J^r)^b. The 128 minima are cut into 64 two-row bands twice, two
 * different ways (see {@link #bandKey}), so b = 128, r = 2 (the two halves share minima, so the figures
 * below are a slight overestimate; the recall tests measure the real thing):
 * <pre>
 *   J = 0.32 (30 % rewrite)   1 - (1 - 0.1024)^128 = 1.000     (64 bands: 0.999)
 *   J = 0.21 (generator, 30%) 1 - (1 - 0.0441)^128 = 0.997     (64 bands: 0.945)
 *   J = 0.15                  1 - (1 - 0.0225)^128 = 0.946     (64 bands: 0.767)
 *   J = 0.12 (threshold)      1 - (1 - 0.0144)^128 = 0.844     (64 bands: 0.605)
 *   J = 0.05 (same topic)     1 - (1 - 0.0025)^128 = 0.274     (64 bands: 0.148)
 *   J = 0.01 (unrelated)      1 - (1 - 0.0001)^128 = 0.013
 * </pre>
 * r = 3 (42 bands) would give only 0.76 at J = 0.32, so two rows it is; 64 bands alone found 89 % of the
 * generator's 30 % rewrites, 128 find 99 %. Being a candidate is cheap: each is
 * checked against the thresholds, first on the signatures (agreeing positions estimate J; with the stored
 * pair counts they estimate containment too) and, for those within reach, exactly on the pair sets
 * recomputed from the stored reference text. A match needs similarity ≥ {@link #DEFAULT_MIN_SIMILARITY}
 * (under the 0.16 that 95 % of the generator's 30 % rewrites reach; over the 0.07 that 99 % of unrelated
 * documents stay below) or containment ≥ {@link #DEFAULT_MIN_CONTAINMENT} (a suspect that copies half of its pairs
 * from one longer article, whatever it adds around them).
 *
 * <p><b>Memory.</b> Per reference article: the signature as int[128] (512 bytes, in one flat array), one
 * sorted long per band (128 × 8 = 1 KB; band key in the high half, article number in the low half, so
 * a lookup is a binary search), the pair count, id, url and title, and — unless {@link
 * Builder#keepText(boolean)} is off — the text, cut at {@link #MAX_TEXT_CHARS}. Without text, a 100,000-
 * article corpus needs about 160 MB (docs/performance.md); matches then carry estimated measures and no shared passages.
 *
 * <p>Built once by {@link Builder}; an index is immutable and {@link #find} may be called from many threads.
 */
public final class NearDuplicates {
    public static final int BANDS = 128;
    public static final int ROWS = 2;
    public static final double DEFAULT_MIN_SIMILARITY = 0.12;
    public static final double DEFAULT_MIN_CONTAINMENT = 0.5;
    /** Texts are read up to here, references and suspects alike: a news article is far shorter. */
    public static final int MAX_TEXT_CHARS = 100_000;
    /** Fewer content-word pairs than this and there is too little text to call anything a copy. */
    public static final int MIN_SHINGLES = 8;

    private final String[] ids;
    private final String[] urls;
    private final String[] titles;
    private final String @Nullable [] texts; // null when not kept
    private final int[] shingleCounts;
    private final int[] signatures;
    private final long[][] bands;
    private final double minSimilarity;
    private final double minContainment;

    private NearDuplicates(Builder b) {
        int n = b.ids.size();
        this.ids = b.ids.toArray(String[]::new);
        this.urls = b.urls.toArray(String[]::new);
        this.titles = b.titles.toArray(String[]::new);
        this.texts = b.keepText ? b.texts.toArray(String[]::new) : null;
        this.shingleCounts = Arrays.copyOf(b.shingleCounts, n);
        this.signatures = Arrays.copyOf(b.signatures, n * MinHash.HASHES);
        this.minSimilarity = b.minSimilarity;
        this.minContainment = b.minContainment;
        this.bands = new long[BANDS][];
        for (int band = 0; band < BANDS; band++) {
            long[] entries = new long[n];
            for (int doc = 0; doc < n; doc++) {
                entries[doc] = ((long) bandKey(signatures, doc * MinHash.HASHES, band) << 32) | doc;
            }
            Arrays.sort(entries);
            bands[band] = entries;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How many reference articles are indexed (those with too little text to match are left out). */
    public int size() {
        return ids.length;
    }

    /** The reference articles that {@code text} copies or rewrites, most similar first. */
    public List<CopyMatch> find(String text) {
        String suspectText = cut(text);
        List<MatchWords.Word> words = MatchWords.words(suspectText);
        long[] shingles = WordShingles.of(words);
        if (shingles.length < MIN_SHINGLES) {
            return List.of();
        }
        int[] sig = MinHash.signature(shingles);
        List<CopyMatch> out = new ArrayList<>();
        for (int doc : candidates(sig)) {
            CopyMatch m = verify(suspectText, words, shingles, sig, doc);
            if (m != null) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparingDouble(CopyMatch::similarity).reversed()
                .thenComparing(Comparator.comparingDouble(CopyMatch::containment).reversed())
                .thenComparing(CopyMatch::referenceId));
        return out;
    }

    private int[] candidates(int[] sig) {
        int[] found = new int[16];
        int n = 0;
        for (int band = 0; band < BANDS; band++) {
            long key = (long) bandKey(sig, 0, band) << 32;
            long[] entries = bands[band];
            int i = lowerBound(entries, key);
            for (; i < entries.length && (entries[i] & 0xFFFF_FFFF_0000_0000L) == key; i++) {
                if (n == found.length) {
                    found = Arrays.copyOf(found, n * 2);
                }
                found[n++] = (int) entries[i];
            }
        }
        int[] sorted = Arrays.copyOf(found, n);
        Arrays.sort(sorted);
        return Arrays.stream(sorted).distinct().toArray();
    }

    private @Nullable CopyMatch verify(String suspectText, List<MatchWords.Word> words, long[] shingles, int[] sig, int doc) {
        double estSimilarity = MinHash.similarity(sig, signatures, doc * MinHash.HASHES);
        double estContainment = containmentFrom(estSimilarity, shingles.length, shingleCounts[doc]);
        if (texts == null) {
            return accept(estSimilarity, estContainment)
                    ? new CopyMatch(ids[doc], urls[doc], titles[doc], estSimilarity, estContainment, List.of())
                    : null;
        }
        // The estimate only decides whether the exact check is worth making; half the thresholds is more
        // than four standard errors of slack.
        if (estSimilarity < minSimilarity / 2 && estContainment < minContainment / 2) {
            return null;
        }
        List<MatchWords.Word> refWords = MatchWords.words(texts[doc]);
        long[] refShingles = WordShingles.of(refWords);
        int shared = WordShingles.shared(shingles, refShingles);
        double similarity = shared / (double) (shingles.length + refShingles.length - shared);
        double containment = shared / (double) shingles.length;
        if (!accept(similarity, containment)) {
            return null;
        }
        return new CopyMatch(ids[doc], urls[doc], titles[doc], similarity, containment,
                SharedPassages.between(suspectText, words, refWords));
    }

    private boolean accept(double similarity, double containment) {
        return similarity >= minSimilarity || containment >= minContainment;
    }

    /** |A∩B| = J(|A|+|B|)/(1+J), as a share of the suspect's |A|. */
    private static double containmentFrom(double jaccard, int suspectCount, int referenceCount) {
        double shared = jaccard * (suspectCount + referenceCount) / (1 + jaccard);
        return Math.min(1.0, shared / suspectCount);
    }

    /**
     * Bands 0-63 pair minima (2i, 2i+1), bands 64-127 pair (i, i+64): two ways of cutting the same 128 minima
     * into 64 independent two-row bands, so twice the chances at no extra hashing.
     */
    private static int bandKey(int[] sig, int offset, int band) {
        int half = MinHash.HASHES / 2;
        int first = band < half ? 2 * band : band - half;
        int second = band < half ? 2 * band + 1 : band;
        long rows = ((long) sig[offset + first] << 32) | (sig[offset + second] & 0xFFFF_FFFFL);
        return (int) (WordShingles.mix(rows ^ band) >>> 32);
    }

    private static int lowerBound(long[] a, long key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT_CHARS ? text : text.substring(0, MAX_TEXT_CHARS);
    }

    /** Collects reference articles; {@link #build()} makes the index. Not thread-safe. */
    public static final class Builder {
        private final List<String> ids = new ArrayList<>();
        private final List<String> urls = new ArrayList<>();
        private final List<String> titles = new ArrayList<>();
        private final List<String> texts = new ArrayList<>();
        private int[] shingleCounts = new int[1024];
        private int[] signatures = new int[1024 * MinHash.HASHES];
        private boolean keepText = true;
        private double minSimilarity = DEFAULT_MIN_SIMILARITY;
        private double minContainment = DEFAULT_MIN_CONTAINMENT;
        private int skipped;

        private Builder() {
        }

        /** Keep reference texts (the default) for exact measures and shared passages; off to save memory. */
        public Builder keepText(boolean keep) {
            if (!ids.isEmpty()) {
                throw new IllegalStateException("keepText is chosen before the first article is added");
            }
            this.keepText = keep;
            return this;
        }

        public Builder minSimilarity(double min) {
            this.minSimilarity = min;
            return this;
        }

        public Builder minContainment(double min) {
            this.minContainment = min;
            return this;
        }

        /** Adds an article; one with fewer than {@link #MIN_SHINGLES} content-word pairs is counted as skipped. */
        public Builder add(ReferenceArticle article) {
            String text = cut(article.text());
            long[] shingles = WordShingles.of(text);
            if (shingles.length < MIN_SHINGLES) {
                skipped++;
                return this;
            }
            int n = ids.size();
            if (n == shingleCounts.length) {
                shingleCounts = Arrays.copyOf(shingleCounts, n * 2);
                signatures = Arrays.copyOf(signatures, n * 2 * MinHash.HASHES);
            }
            System.arraycopy(MinHash.signature(shingles), 0, signatures, n * MinHash.HASHES, MinHash.HASHES);
            shingleCounts[n] = shingles.length;
            ids.add(article.id());
            urls.add(article.url());
            titles.add(article.title());
            if (keepText) {
                texts.add(text);
            }
            return this;
        }

        public Builder addAll(Iterable<ReferenceArticle> articles) {
            for (ReferenceArticle a : articles) {
                add(a);
            }
            return this;
        }

        /** Articles left out for having too little text to match. */
        public int skipped() {
            return skipped;
        }

        public NearDuplicates build() {
            return new NearDuplicates(this);
        }
    }
}
