package org.tocsin.social.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.social.Post;
import org.tocsin.social.PostKind;
import org.tocsin.social.TraceKind;

class WindowPairerTest {
    private static final WindowPairer.Rules RULES = new WindowPairer.Rules(60, 60, 200, 0.8);
    private static final TraceKey URL = new TraceKey(TraceKind.CO_URL, 1, -1);

    private static List<CoAction> feed(TraceKey key, WindowPairer.Rules rules, Action... actions) {
        WindowPairer w = new WindowPairer();
        List<CoAction> out = new ArrayList<>();
        for (Action a : actions) {
            w.add(key, a, rules, out::add);
        }
        return out;
    }

    @Test
    void theWindowSlidesAroundEachActionRatherThanCuttingTimeIntoBuckets() {
        // 12:00:59 and 12:01:01 are two seconds apart across a minute boundary: a fixed one-minute bucket would split them
        List<CoAction> pairs = feed(URL, RULES, Action.of("alice", "1", 43_259, "x"), Action.of("bob", "2", 43_261, "x"),
                Action.of("carol", "3", 43_320, "x"), Action.of("dave", "4", 43_380, "x"));
        assertThat(pairs).extracting(c -> c.accountA() + "-" + c.accountB()).containsExactly("alice-bob", "bob-carol", "carol-dave");
    }

    @Test
    void anAccountRepeatingItselfIsNoCoordination() {
        assertThat(feed(URL, RULES, Action.of("alice", "1", 0, "x"), Action.of("alice", "2", 5, "x"))).isEmpty();
    }

    @Test
    void aTrendingItemKeepsOnlyItsMostRecentUses() {
        WindowPairer.Rules small = new WindowPairer.Rules(60, 60, 3, 0.8);
        List<CoAction> pairs = feed(URL, small, Action.of("a", "1", 0, "x"), Action.of("b", "2", 1, "x"), Action.of("c", "3", 2, "x"),
                Action.of("d", "4", 3, "x"), Action.of("e", "5", 4, "x"));
        assertThat(pairs).filteredOn(c -> c.accountB().equals("e")).extracting(CoAction::accountA).containsExactly("b", "c", "d");
    }

    @Test
    void nearIdenticalTextsPairOnceAndIdenticalOnesAreLeftToCoText() {
        String base = "the county clerk refused to explain why thousands of dead voters remain on the rolls in our state just weeks"
                + " before the election that will decide who runs the country for four years";
        String variant = base.replace("refused", "declined");
        List<CoAction> out = new ArrayList<>();
        java.util.Map<TraceKey, WindowPairer> pairers = new java.util.HashMap<>();
        int n = 0;
        for (String[] p : new String[][] {{"alice", base}, {"bob", variant}, {"carol", base}, {"dave", "something else entirely about"
                + " the weather and the local football match this weekend"}}) {
            Post post = new Post("p" + n, p[0], p[0], Instant.ofEpochSecond(100 + n++), PostKind.POST, p[1], List.of(), null, null, "en");
            for (KeyedAction k : PostTraces.of(post)) {
                if (k.key().kind() == TraceKind.NEAR_TEXT) {
                    pairers.computeIfAbsent(k.key(), x -> new WindowPairer()).add(k.key(), k.action(), RULES, out::add);
                }
            }
        }
        assertThat(out).extracting(c -> c.accountA() + "-" + c.accountB()).containsExactlyInAnyOrder("alice-bob", "bob-carol");
        assertThat(WindowPairer.jaccard(PostTraces.shingles(PostText.words(base)), PostTraces.shingles(PostText.words(variant))))
                .isBetween(0.8, 0.95);
    }
}
