package org.tocsin.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Scale run of {@link NearDuplicates}, a main rather than a test (figures are measured, never asserted):
 * builds a reference corpus of N articles (default 100,000) — the ~150 BBC (XSum) articles plus tweet
 * pseudo-articles of ~300 words (see {@link CopyFixtures#pseudoArticle}) — with and without kept texts,
 * and reports build time, retained heap, lookups/s for 30 %-changed rewrites of 1,000 random corpus
 * articles, their recall (right source ranked first), and matches for 1,000 fresh pseudo-articles that are
 * not in the corpus (false matches). Run from tocsin-core, see docs/performance.md.
 */
public final class NearDuplicatesBench {
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int queries = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        List<String> tweets = CopyFixtures.tweets();
        long empty = usedHeap();
        List<ReferenceArticle> corpus = new ArrayList<>(CopyFixtures.haveXsum() ? CopyFixtures.xsumArticles() : List.of());
        for (int i = 0; corpus.size() < n; i++) {
            corpus.add(CopyFixtures.pseudoArticle(tweets, i));
        }
        long words = corpus.stream().mapToLong(a -> a.text().split("\\s+").length).sum();
        System.out.printf("corpus: %,d articles, %,d words (%.0f a article), %,d tweets to draw from; the texts take %,d MB of heap%n",
                corpus.size(), words, words / (double) corpus.size(), tweets.size(), (usedHeap() - empty) >> 20);
        for (boolean keepText : new boolean[]{false, true}) {
            run(corpus, tweets, queries, keepText);
        }
    }

    private static void run(List<ReferenceArticle> corpus, List<String> tweets, int queries, boolean keepText) {
        long before = usedHeap();
        long t0 = System.nanoTime();
        NearDuplicates.Builder b = NearDuplicates.builder().keepText(keepText);
        corpus.forEach(b::add);
        long t1 = System.nanoTime();
        NearDuplicates index = b.build();
        long t2 = System.nanoTime();
        int skipped = b.skipped();
        b = null; // measure the index alone
        long heap = usedHeap() - before;
        System.out.printf("%nkeepText=%s: indexed %,d (skipped %d); signatures %.1f s, bands %.1f s; index heap %,d MB (%,d bytes a article; kept texts are shared with the corpus list, counted there)%n",
                keepText, index.size(), skipped, (t1 - t0) / 1e9, (t2 - t1) / 1e9, heap >> 20, heap / Math.max(1, index.size()));

        Random random = new Random(42);
        List<String> rewrites = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (int q = 0; q < queries; q++) {
            ReferenceArticle a = corpus.get(random.nextInt(corpus.size()));
            rewrites.add(Rewriter.rewrite(a.text(), 0.3, q));
            sources.add(a.id());
        }
        for (int warm = 0; warm < 200; warm++) {
            index.find(rewrites.get(warm % rewrites.size()));
        }
        int found = 0;
        long s0 = System.nanoTime();
        for (int q = 0; q < queries; q++) {
            List<CopyMatch> m = index.find(rewrites.get(q));
            if (!m.isEmpty() && m.get(0).referenceId().equals(sources.get(q))) {
                found++;
            }
        }
        long s1 = System.nanoTime();
        int falseMatches = 0;
        for (int q = 0; q < queries; q++) {
            falseMatches += index.find(CopyFixtures.pseudoArticle(tweets, 10_000_000 + q).text()).isEmpty() ? 0 : 1;
        }
        long s2 = System.nanoTime();
        System.out.printf("30%% rewrites: recall %.3f (%d of %d), %.0f lookups/s; fresh articles: %d of %d matched, %.0f lookups/s%n",
                found / (double) queries, found, queries, queries / ((s1 - s0) / 1e9),
                falseMatches, queries, queries / ((s2 - s1) / 1e9));
        if (index.size() == 0) {
            System.out.println("(empty)");
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
