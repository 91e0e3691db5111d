package org.tocsin.social.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tocsin.profile.Profile;
import org.tocsin.social.CoordinationSettings;
import org.tocsin.social.Post;
import org.tocsin.social.PostKind;
import org.tocsin.social.SyntheticPosts;
import org.tocsin.social.network.Edge;
import org.tocsin.social.read.PostArchives;
import org.tocsin.social.read.PostItem;
import org.tocsin.social.trace.PersonaCheck;

/**
 * Input out of time order: within the lateness it gives exactly the co-actions of sorted input; beyond it, every
 * late post is counted (issue 13, fault 11: reversed rows gave 194 co-actions instead of 239 and said nothing).
 */
class CoordinationRunOrderTest {
    private static final Path EXAMPLE = Path.of(System.getProperty("tocsin.root", "..")).resolve("examples/posts/activist-network.csv");
    private static final Duration LATENESS = CoordinationSettings.DEFAULTS.lateness();

    @Test
    void postsShuffledWithinTheLatenessGiveTheEdgesOfSortedInput() {
        List<Post> sorted = new ArrayList<>();
        Iterator<Post> it = new SyntheticPosts(30_000, 3_000, 4, 10, 5, 1, 3).iterator();
        it.forEachRemaining(sorted::add);
        sorted.sort(Comparator.comparing(Post::createdAt));
        // each post moved by a random amount under half the lateness: none is more than the lateness behind one read before it
        Random random = new Random(13);
        Map<Post, Long> shift = new HashMap<>();
        sorted.forEach(p -> shift.put(p, p.createdAt().getEpochSecond() + random.nextInt((int) LATENESS.toSeconds() / 2)));
        List<Post> shuffled = new ArrayList<>(sorted);
        shuffled.sort(Comparator.comparing(shift::get));
        assertThat(shuffled).isNotEqualTo(sorted);

        CoordinationRun inOrder = run(sorted, CoordinationSettings.DEFAULTS);
        CoordinationRun outOfOrder = run(shuffled, CoordinationSettings.DEFAULTS);
        assertThat(outOfOrder.stats().late()).isZero();
        assertThat(outOfOrder.stats().coActions()).isEqualTo(inOrder.stats().coActions()).isPositive();
        assertThat(byKey(outOfOrder.edges())).isEqualTo(byKey(inOrder.edges()));
        assertThat(outOfOrder.finish()).isEqualTo(inOrder.finish());
    }

    @Test
    void theExampleReversedGivesTheSortedCoActionsWhenTheLatenessCoversItAndCountsEveryLatePostWhenNot() throws IOException {
        List<Post> file = read(EXAMPLE);
        List<Post> reversed = new ArrayList<>(file);
        java.util.Collections.reverse(reversed);
        CoordinationSettings wide = CoordinationSettings.DEFAULTS.withLateness(Duration.ofHours(7)); // the file spans six hours
        CoordinationRun sorted = run(file, wide);
        CoordinationRun backwards = run(reversed, wide);
        assertThat(backwards.stats().late()).isZero();
        assertThat(backwards.stats().coActions()).isEqualTo(sorted.stats().coActions()).isEqualTo(239);
        assertThat(byKey(backwards.edges())).isEqualTo(byKey(sorted.edges()));

        CoordinationRun narrow = run(reversed, CoordinationSettings.DEFAULTS);
        assertThat(narrow.stats().late()).isEqualTo(lateByDefinition(reversed, LATENESS)).isGreaterThan(250);
        assertThat(run(file, CoordinationSettings.DEFAULTS).stats().late()).isZero();
    }

    @Test
    void aPostMoreThanTheLatenessOutOfOrderIsCountedEvenWhenTheWindowStillReachesIt() {
        Instant t0 = Instant.parse("2024-10-12T14:00:00Z");
        List<Post> posts = new ArrayList<>();
        for (int s = 0; s <= 3_000; s += 10) {
            posts.add(post("bg" + s, "background" + (s % 7), t0.plusSeconds(s), "ordinary post number " + s, List.of()));
        }
        // three accounts share one link at 2,300-2,345 s and arrive after the post at 3,000 s: 700, 690 and 655 s behind
        // it, all more than the lateness (600 s); the last is within window + lateness (660 s) of it
        List<Post> shared = List.of(post("u1", "alpha", t0.plusSeconds(2_300), "look", List.of("https://one.example/x")),
                post("u2", "beta", t0.plusSeconds(2_310), "look", List.of("https://one.example/x")),
                post("u3", "gamma", t0.plusSeconds(2_345), "look", List.of("https://one.example/x")));
        posts.addAll(shared);
        CoordinationRun run = run(posts, CoordinationSettings.DEFAULTS);
        assertThat(run.stats().late()).isEqualTo(3);
        assertThat(run.stats().posts()).isEqualTo(posts.size());
    }

    /** The documented rule, written out: a post more than the lateness older than a post read before it is late. */
    private static long lateByDefinition(List<Post> posts, Duration lateness) {
        long newest = Long.MIN_VALUE;
        long late = 0;
        for (Post p : posts) {
            long s = p.createdAt().getEpochSecond();
            if (newest != Long.MIN_VALUE && s < newest - lateness.toSeconds()) {
                late++;
            }
            newest = Math.max(newest, s);
        }
        return late;
    }

    private static Post post(String id, String account, Instant at, String text, List<String> urls) {
        return new Post(id, account, account, at, PostKind.POST, text, urls, null, null, "en");
    }

    private static CoordinationRun run(List<Post> posts, CoordinationSettings settings) {
        CoordinationRun run = new CoordinationRun(settings, new PersonaCheck(Profile.empty()));
        posts.forEach(run::add);
        run.finish();
        return run;
    }

    private static List<Post> read(Path file) throws IOException {
        List<Post> out = new ArrayList<>();
        try (PostArchives a = PostArchives.open(List.of(file.toString()))) {
            PostItem i;
            while ((i = a.next()) != null) {
                out.add(i.post());
            }
        }
        return out;
    }

    private static Map<String, Edge> byKey(Iterable<Edge> edges) {
        Map<String, Edge> out = new HashMap<>();
        edges.forEach(e -> out.put(e.key(), e));
        return out;
    }
}
