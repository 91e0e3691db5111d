package org.tocsin.social;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Organic-looking posts with coordinated groups planted among them, for measuring precision and recall and for
 * the scale benchmark. Organic accounts post at random moments about random things, share links and hashtags
 * drawn from popular pools (so popular items are co-shared by chance, as on a real platform), and reshare
 * popular posts. Each planted group acts in bursts: within half a window its members post one text (or, in
 * some bursts, half of them a one-word variant of it), share one link with one hashtag sequence, or reshare one post. Deterministic per seed;
 * posts come out in time order; nothing is held but the planted bursts.
 *
 * @param posts     organic posts
 * @param accounts  organic accounts
 * @param groups    planted groups
 * @param groupSize accounts per group
 * @param bursts    bursts per group
 * @param days      the span the posts cover
 */
public record SyntheticPosts(long posts, int accounts, int groups, int groupSize, int bursts, int days, long seed) {
    private static final Instant START = Instant.parse("2024-09-01T00:00:00Z");
    private static final int VOCABULARY = 5000;
    private static final int LINKS = 200_000;
    private static final int TAGS = 3000;
    private static final int POPULAR_POSTS = 50_000;

    /** The planted accounts' ids. */
    public Set<String> planted() {
        Set<String> out = new HashSet<>();
        for (int g = 0; g < groups; g++) {
            for (int m = 0; m < groupSize; m++) {
                out.add(plantedId(g, m));
            }
        }
        return out;
    }

    private String plantedId(int g, int m) {
        // ids drawn from the same space as organic ones: nothing in the id gives a group away
        return "u" + (accounts + g * groupSize + m) * 7919L % 100_000_000L;
    }

    public Iterator<Post> iterator() {
        return new Generator(this);
    }

    private static final class Generator implements Iterator<Post> {
        private final SyntheticPosts spec;
        private final SplittableRandom random;
        private final List<Post> planted;
        private final double meanGap;
        private final String[] words = new String[VOCABULARY];
        private int nextPlanted;
        private long organic;
        private double clock;

        Generator(SyntheticPosts spec) {
            this.spec = spec;
            this.random = new SplittableRandom(spec.seed());
            for (int i = 0; i < VOCABULARY; i++) {
                words[i] = word(i);
            }
            this.meanGap = spec.days() * 86_400.0 / Math.max(1, spec.posts());
            this.planted = plant(new SplittableRandom(spec.seed() * 31 + 7));
        }

        private static String word(int i) {
            String letters = "etaoinshrdlcumwfgypbvkjxqz";
            StringBuilder b = new StringBuilder();
            int n = i + 1;
            while (n > 0) {
                b.append(letters.charAt(n % 26));
                n /= 26;
            }
            return b.toString();
        }

        private List<Post> plant(SplittableRandom r) {
            List<Post> out = new ArrayList<>();
            long span = spec.days() * 86_400L;
            for (int g = 0; g < spec.groups(); g++) {
                for (int b = 0; b < spec.bursts(); b++) {
                    long t0 = (long) (r.nextDouble() * (span - 600));
                    int mode = r.nextInt(4);
                    String text = sentence(r, 25);
                    String link = "https://news-" + g + "-" + b + ".example/story/" + r.nextInt(1_000_000);
                    String tags = " #" + words[r.nextInt(VOCABULARY)] + " #" + words[r.nextInt(VOCABULARY)];
                    String original = "p" + (POPULAR_POSTS + r.nextInt(1_000_000));
                    for (int m = 0; m < spec.groupSize(); m++) {
                        if (r.nextDouble() < 0.15) {
                            continue; // not every member takes part in every burst
                        }
                        String account = spec.plantedId(g, m);
                        Instant at = START.plusSeconds(t0 + r.nextInt(30));
                        String id = "g" + g + "b" + b + "m" + m;
                        out.add(switch (mode) {
                            case 0 -> post(id, account, at, text, List.of());
                            case 1 -> post(id, account, at, r.nextBoolean() ? variant(r, text) : text, List.of());
                            case 2 -> post(id, account, at, sentence(r, 8) + " " + link + tags, List.of(link));
                            default -> new Post(id, account, account, at, PostKind.RESHARE, text, List.of(), original, null, "en");
                        });
                    }
                }
            }
            out.sort(Comparator.comparing(Post::createdAt).thenComparing(Post::postId));
            return out;
        }

        private String sentence(SplittableRandom r, int n) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                b.append(i == 0 ? "" : " ").append(words[zipf(r, VOCABULARY)]);
            }
            return b.toString();
        }

        /** One word swapped: a 25-word text keeps a word-pair Jaccard of about 0.85. */
        private String variant(SplittableRandom r, String text) {
            String[] w = text.split(" ");
            w[1 + r.nextInt(w.length - 2)] = words[r.nextInt(VOCABULARY)];
            return String.join(" ", w);
        }

        /** Roughly Zipfian ranks: popular items are popular. */
        private static int zipf(SplittableRandom r, int n) {
            return (int) Math.min(n - 1, Math.floor(Math.exp(r.nextDouble() * Math.log(n + 1.0)) - 1));
        }

        private static Post post(String id, String account, Instant at, String text, List<String> urls) {
            return new Post(id, account, account, at, PostKind.POST, text, urls, null, null, "en");
        }

        @Override
        public boolean hasNext() {
            return organic < spec.posts() || nextPlanted < planted.size();
        }

        @Override
        public Post next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            if (organic < spec.posts()) {
                double gap = -Math.log(1 - random.nextDouble()) * meanGap;
                Instant at = START.plusSeconds((long) (clock + gap));
                if (nextPlanted < planted.size() && !planted.get(nextPlanted).createdAt().isAfter(at)) {
                    return planted.get(nextPlanted++);
                }
                clock += gap;
                return organicPost(at);
            }
            return planted.get(nextPlanted++);
        }

        private Post organicPost(Instant at) {
            organic++;
            String account = "u" + (long) random.nextInt(spec.accounts()) * 7919L % 100_000_000L;
            String id = "o" + organic;
            double kind = random.nextDouble();
            if (kind < 0.2) {
                String original = "p" + zipf(random, POPULAR_POSTS);
                return new Post(id, account, account, at, PostKind.RESHARE, sentence(random, 12), List.of(), original, null, "en");
            }
            StringBuilder text = new StringBuilder(sentence(random, 6 + random.nextInt(14)));
            List<String> urls = List.of();
            if (random.nextDouble() < 0.25) {
                String link = "https://site" + zipf(random, 2000) + ".example/a/" + zipf(random, LINKS);
                urls = List.of(link);
                text.append(' ').append(link);
            }
            int tags = random.nextInt(4);
            for (int i = 0; i < tags; i++) {
                text.append(" #").append(words[zipf(random, TAGS)]);
            }
            return post(id, account, at, text.toString(), urls);
        }
    }
}
