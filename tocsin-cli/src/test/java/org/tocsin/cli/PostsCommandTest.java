package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.testing.Needs;

/** {@code tocsin posts coordination} on the bundled example (examples/posts, written by make_example.py). */
class PostsCommandTest {
    private static final Path ROOT = Path.of(System.getProperty("tocsin.root", ".."));

    @Test
    void theActivistPersonasFormOneExplainedClusterAndTheImpostorIsNamed() throws Exception {
        CliRun run = CliRun.of("posts", "coordination", "--json", "--edges", "--profile", ROOT.resolve("examples/profile.yaml").toString(),
                "--accounts", ROOT.resolve("examples/posts/accounts.csv").toString(), ROOT.resolve("examples/posts/activist-network.csv").toString());
        assertThat(run.exitCode()).isZero();
        List<JsonNode> clusters = run.lines().stream().filter(l -> l.has("cluster")).toList();
        assertThat(clusters).singleElement().satisfies(c -> {
            assertThat(c.get("accounts").toString()).isEqualTo("[\"DetroitVoiceNow\",\"GreatLakesRising\",\"LansingLiberty1\","
                    + "\"MichiganMomsVote\",\"MotorCityMarch\",\"WolverineWomen4\"]");
            assertThat(c.get("score").asDouble()).isPositive();
            assertThat(c.get("traces").toString()).contains("\"trace\":\"co-url\"", "\"trace\":\"co-reshare\"", "\"trace\":\"co-text\"",
                    "\"trace\":\"co-hashtags\"", "\"trace\":\"account-burst\"", "\"technique\":\"T0144.002\"");
            assertThat(c.get("evidence").get(0).get("a").get("post").asText()).isNotEmpty();
            assertThat(c.get("top_items").toString()).contains("savannahtime.example/2024/10/12/wayne-county-purge");
        });
        assertThat(run.lines()).filteredOn(l -> l.has("persona")).singleElement().satisfies(p -> {
            assertThat(p.get("persona").asText()).isEqualTo("JaneRoe_Official");
            assertThat(p.get("impersonates").asText()).isEqualTo("Jane Roe");
        });
        assertThat(run.lines()).filteredOn(l -> l.has("edge")).hasSize(15)
                .allSatisfy(e -> assertThat(e.get("weight").asInt()).isGreaterThanOrEqualTo(2));
    }

    @Test
    void aNarrowerWindowAndUnreadableInputsAreHandled(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.bin");
        Files.write(junk, new byte[] {0, 1, 2});
        CliRun run = CliRun.of("posts", "coordination", "--window", "5s", ROOT.resolve("examples/posts/activist-network.csv").toString(),
                junk.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains(junk + ": not a posts archive");
        assertThat(run.out()).contains("309 posts, 1 unreadable");
        assertThat(CliRun.of("posts", "coordination", junk.toString()).exitCode()).isEqualTo(3);
        assertThat(CliRun.of("posts", "coordination", "--window", "soon", junk.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void postsOutOfTimeOrderAreReportedAndTheJsonEndsWithASummary(@TempDir Path dir) throws Exception {
        List<String> rows = Files.readAllLines(ROOT.resolve("examples/posts/activist-network.csv"));
        List<String> reversed = new java.util.ArrayList<>(rows.subList(1, rows.size()));
        java.util.Collections.reverse(reversed);
        reversed.add(0, rows.get(0));
        Path backwards = Files.write(dir.resolve("reversed.csv"), reversed);

        CliRun sorted = CliRun.of("posts", "coordination", "--json", ROOT.resolve("examples/posts/activist-network.csv").toString());
        JsonNode summary = sorted.lines().get(sorted.lines().size() - 1);
        assertThat(summary.get("summary").asText()).isEqualTo("coordination");
        assertThat(summary.get("posts").asInt()).isEqualTo(309);
        assertThat(summary.get("late").asInt()).isZero();
        assertThat(summary.get("co_actions").asInt()).isEqualTo(239);

        CliRun run = CliRun.of("posts", "coordination", backwards.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains("out of time order");
        assertThat(run.out()).containsPattern("309 posts, 0 unreadable, [1-9][0-9]* late;");

        CliRun json = CliRun.of("posts", "coordination", "--json", backwards.toString());
        JsonNode last = json.lines().get(json.lines().size() - 1);
        assertThat(last.get("summary").asText()).isEqualTo("coordination");
        assertThat(last.get("late").asInt()).isPositive();

        CliRun wide = CliRun.of("posts", "coordination", "--json", "--lateness", "7h", backwards.toString());
        JsonNode all = wide.lines().get(wide.lines().size() - 1);
        assertThat(all.get("late").asInt()).isZero();
        assertThat(all.get("co_actions").asInt()).isEqualTo(239);
    }

    @Test
    void anUnclosedQuoteIsReportedAsAMergedRow(@TempDir Path dir) throws Exception {
        List<String> rows = new java.util.ArrayList<>(Files.readAllLines(ROOT.resolve("examples/posts/activist-network.csv")));
        // line 11: GrandmaJo52-126's text opens a quote it never closes; the next row has quoted text of its own
        String[] f = rows.get(10).split(",", -1);
        f[5] = "\"" + f[5];
        rows.set(10, String.join(",", f));
        Path damaged = Files.write(dir.resolve("unclosed.csv"), rows);
        CliRun run = CliRun.of("posts", "coordination", damaged.toString());
        assertThat(run.err()).contains(damaged + "#11: unclosed quote");
        assertThat(run.out()).contains("308 posts, 1 unreadable (1 merged row)");
        CliRun json = CliRun.of("posts", "coordination", "--json", damaged.toString());
        assertThat(json.err()).contains("\"source\":\"" + damaged + "#11\"");
        JsonNode last = json.lines().get(json.lines().size() - 1);
        assertThat(last.get("posts").asInt()).isEqualTo(308);
        assertThat(last.get("unreadable").asInt()).isEqualTo(1);
        assertThat(last.get("merged_rows").asInt()).isEqualTo(1);
    }

    @Test
    void theIraTweetsClusterByTheResearchersCategories() throws Exception {
        Path shared = Needs.sharedData("posts");
        Needs.sharedData("posts/posts_2016-10_en.csv");
        CliRun run = CliRun.of("posts", "coordination", "--json", "--truth", shared.resolve("accounts_truth.csv").toString(),
                shared.resolve("posts_2016-10_en.csv").toString());
        List<JsonNode> clusters = run.lines().stream().filter(l -> l.has("cluster")).toList();
        assertThat(clusters).hasSizeGreaterThanOrEqualTo(8).allSatisfy(c -> assertThat(c.get("purity").asDouble()).isGreaterThan(0.8));
    }
}
