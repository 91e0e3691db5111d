package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void theIraTweetsClusterByTheResearchersCategories() throws Exception {
        Path shared = Path.of(System.getProperty("tocsin.shared", "../../shared/data"), "posts");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(shared.resolve("posts_2016-10_en.csv")), "no ../shared/data/posts");
        CliRun run = CliRun.of("posts", "coordination", "--json", "--truth", shared.resolve("accounts_truth.csv").toString(),
                shared.resolve("posts_2016-10_en.csv").toString());
        List<JsonNode> clusters = run.lines().stream().filter(l -> l.has("cluster")).toList();
        assertThat(clusters).hasSizeGreaterThanOrEqualTo(8).allSatisfy(c -> assertThat(c.get("purity").asDouble()).isGreaterThan(0.8));
    }
}
