package org.tocsin.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.social.Account;
import org.tocsin.social.CoordinationSettings;
import org.tocsin.social.SyntheticPosts;
import org.tocsin.social.network.CoordinationJson;
import org.tocsin.social.network.CoordinationNetwork;
import org.tocsin.social.network.Edge;
import org.tocsin.testing.Needs;

/** The Flink job in batch mode on a MiniCluster gives the embedded runner's edges and clusters. */
class CoordinationJobTest {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = Fixtures.miniCluster();


    @TempDir
    Path dir;

    @Test
    void sameClustersAsTheEmbeddedRunnerOnSyntheticPosts() throws Exception {
        SyntheticPosts spec = new SyntheticPosts(150_000, 15_000, 8, 12, 6, 5, 7);
        Path posts = Fixtures.writeCsv(spec, dir.resolve("posts.csv"));
        CoordinationJob.Summary flink = assertSameAsEmbedded(List.of(posts.toString()), 0);
        assertThat(flink.posts()).isGreaterThan(150_000);
        assertThat(flink.result().clusters()).hasSize(spec.groups());
    }

    @Test
    void sameClustersAsTheEmbeddedRunnerOnTheIraTweets() throws Exception {
        Path posts = Needs.sharedData("posts/posts_2016-10_en.csv");
        CoordinationJob.Summary flink = assertSameAsEmbedded(List.of(posts.toString()), 0);
        assertThat(flink.posts()).isEqualTo(92_684);
        assertThat(flink.result().clusters()).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void malformedInputsAreCountedAndTheJobGoesOn() throws Exception {
        Path good = Fixtures.writeCsv(new SyntheticPosts(20_000, 2_000, 3, 8, 4, 1, 11), dir.resolve("good.csv"));
        Path garbage = dir.resolve("garbage.bin");
        Files.write(garbage, new byte[] {0, 1, 2, 3, (byte) 0xff, 10, 13});
        Path damaged = dir.resolve("damaged.csv");
        Files.writeString(damaged, "post_id,account_id,account_name,created_at,kind,text,urls,reshare_of,reply_to,lang\n"
                + "d1,alice,alice,not-a-time,post,hello there,,,,en\n"
                + "d2,,bob,2024-09-01T00:00:00Z,post,no account,,,,en\n"
                + "d3,carol,carol,2024-09-01T00:00:01Z,post,fine,,,,en\n"
                + "d4,dave,dave,2024-09-01T00:00:02Z,post,\"an unclosed quote,,,,en\n"
                + "d5,erin,erin,2024-09-01T00:00:03Z,post,\"read as itself\",,,,en\n", StandardCharsets.UTF_8);
        Path noHeader = dir.resolve("no-header.csv");
        Files.writeString(noHeader, "post_id,who,when\n1,2,3\n", StandardCharsets.UTF_8);
        List<String> inputs = List.of(good.toString(), garbage.toString(), damaged.toString(), noHeader.toString());
        long embeddedProblems = Fixtures.embedded(inputs, CoordinationSettings.DEFAULTS).problems();
        assertThat(embeddedProblems).isGreaterThanOrEqualTo(5);

        CoordinationJob.Summary flink = assertSameAsEmbedded(inputs, embeddedProblems);
        assertThat(flink.summary().mergedRows()).isEqualTo(1);
        // the embedded runner reads the files one after the other: damaged.csv's two readable posts of 2024-09-01 come after
        // good.csv's later ones, more than the lateness behind, and are late there; the batch job orders every key whole
        assertThat(Fixtures.embedded(inputs, CoordinationSettings.DEFAULTS).summary().late()).isEqualTo(2);
        assertThat(flink.summary().late()).isZero();
        assertThat(flink.problemSamples()).anySatisfy(s -> assertThat(s).startsWith(garbage.toString()).contains("not a posts archive"))
                .anySatisfy(s -> assertThat(s).contains("damaged.csv#2"));
        assertThat(Files.readAllLines(dir.resolve("clusters.jsonl"))).hasSize(flink.result().clusters().size() + 1);
    }

    @Test
    void reversedInputGivesTheEdgesOfSortedInput() throws Exception {
        Path sorted = Fixtures.writeCsv(new SyntheticPosts(10_000, 1_000, 2, 8, 4, 1, 9), dir.resolve("sorted.csv"));
        List<String> rows = Files.readAllLines(sorted);
        List<String> backwards = new ArrayList<>(rows.subList(1, rows.size()));
        java.util.Collections.reverse(backwards);
        backwards.add(0, rows.get(0));
        Path reversed = Files.write(dir.resolve("reversed.csv"), backwards);
        Fixtures.Embedded embedded = Fixtures.embedded(List.of(sorted.toString()), CoordinationSettings.DEFAULTS);
        CoordinationJob.Summary flink = CoordinationJob.batch(env(), JobOptions.batch(List.of(reversed.toString()),
                dir.resolve("clusters.jsonl").toString()), List.of());
        assertThat(Fixtures.byKey(flink.allEdges())).isEqualTo(Fixtures.byKey(embedded.run().edges()));
        assertThat(flink.summary()).isEqualTo(embedded.summary());
        assertThat(Fixtures.embedded(List.of(reversed.toString()), CoordinationSettings.DEFAULTS).summary().late()).isPositive();
    }

    @Test
    void accountBurstsJoinTheEdgesAsInTheEmbeddedRunner() throws Exception {
        Path posts = Fixtures.writeCsv(new SyntheticPosts(10_000, 1_000, 2, 8, 4, 1, 5), dir.resolve("posts.csv"));
        Instant t = Instant.parse("2024-09-01T00:00:00Z");
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            accounts.add(new Account("burst" + i, t.plusSeconds(60L * i), "annasmith198" + i,
                    "proud mother wife patriot and lover of freedom and country"));
        }
        accounts.add(new Account("loner", t, "loner", null));
        Fixtures.Embedded embedded = Fixtures.embedded(List.of(posts.toString()), CoordinationSettings.DEFAULTS);
        embedded.run().addAccounts(accounts);
        CoordinationJob.Summary flink = CoordinationJob.batch(env(), JobOptions.batch(List.of(posts.toString()),
                dir.resolve("clusters.jsonl").toString()), accounts);
        assertThat(Fixtures.byKey(flink.allEdges())).isEqualTo(Fixtures.byKey(embedded.run().edges()));
        assertThat(flink.result()).isEqualTo(embedded.run().finish());
        assertThat(flink.result().clusters()).anySatisfy(c -> assertThat(c.accounts()).contains("burst0", "burst4"));
    }

    /** Runs both over the inputs and compares everything: every edge (accounts, weight, per-trace evidence) and every cluster. */
    private CoordinationJob.Summary assertSameAsEmbedded(List<String> inputs, long problems) throws Exception {
        Fixtures.Embedded embedded = Fixtures.embedded(inputs, CoordinationSettings.DEFAULTS);
        CoordinationNetwork.Result expected = embedded.run().finish();
        Path out = dir.resolve("clusters.jsonl");
        CoordinationJob.Summary flink = CoordinationJob.batch(env(), JobOptions.batch(inputs, out.toString())
                .withEdges(dir.resolve("edges.jsonl").toString()), List.of());

        assertThat(flink.posts()).isEqualTo(embedded.run().stats().posts());
        assertThat(flink.problems()).isEqualTo(problems);
        assertThat(flink.coActions()).isEqualTo(embedded.run().stats().coActions());
        assertThat(flink.lateActions()).isZero();
        // the same summary, late posts apart: the batch job orders each key's actions whole, so none is late there
        assertThat(flink.summary()).usingRecursiveComparison().ignoringFields("late").isEqualTo(embedded.summary());
        assertThat(flink.summary().late()).isZero();
        Map<String, Edge> edges = Fixtures.byKey(flink.allEdges());
        Map<String, Edge> expectedEdges = Fixtures.byKey(embedded.run().edges());
        assertThat(edges.keySet()).isEqualTo(expectedEdges.keySet());
        expectedEdges.forEach((k, e) -> assertThat(edges.get(k)).as("edge %s–%s", e.a(), e.b()).isEqualTo(e));
        assertThat(flink.result().edges()).isEqualTo(expected.edges());
        assertThat(flink.result().clusters()).isEqualTo(expected.clusters());
        assertThat(expected.clusters()).isNotEmpty();
        List<String> written = Files.readAllLines(out);
        assertThat(written).hasSize(expected.clusters().size() + 1);
        assertThat(written.get(written.size() - 1)).isEqualTo(CoordinationJson.line(flink.summary().json()))
                .startsWith("{\"summary\":\"coordination\",\"posts\":" + embedded.summary().posts() + ",");
        assertThat(written.get(0)).startsWith("{\"cluster\":\"cluster-1\",\"accounts\":[").contains("\"evidence\":[", "\"techniques\":[");
        assertThat(Files.readAllLines(dir.resolve("edges.jsonl"))).hasSize(expected.edges().size());
        return flink;
    }

    static StreamExecutionEnvironment env() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        return env;
    }
}
