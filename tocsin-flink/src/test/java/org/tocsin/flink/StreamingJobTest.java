package org.tocsin.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tocsin.social.CoordinationSettings;
import org.tocsin.social.SyntheticPosts;
import org.tocsin.social.network.Edge;

/** The streaming job: rolling edge updates whose final values are the batch edges, and a watched directory. */
class StreamingJobTest {
    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER = Fixtures.miniCluster();

    @TempDir
    Path dir;

    /** On the heap the state holds the objects; in RocksDB every state access goes through the serializers. */
    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void theRollingUpdatesEndAtTheEmbeddedRunnersEdges(String stateBackend) throws Exception {
        // RocksDB (de)serialises on every state access and is far slower on one machine: a smaller archive for it
        SyntheticPosts spec = stateBackend.equals("rocksdb") ? new SyntheticPosts(6_000, 800, 3, 8, 4, 1, 3)
                : new SyntheticPosts(40_000, 4_000, 4, 10, 5, 2, 3);
        Path posts = Fixtures.writeCsv(spec, dir.resolve("posts.csv"));
        StreamExecutionEnvironment env = CoordinationJobTest.env();
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.configure(new Configuration().set(StateBackendOptions.STATE_BACKEND, stateBackend));
        Map<String, Edge> last = new HashMap<>();
        long updates = 0;
        try (CloseableIterator<Edge> it = CoordinationJob.edges(env, JobOptions.batch(List.of(posts.toString()),
                dir.resolve("unused").toString())).executeAndCollect("streaming, bounded")) {
            while (it.hasNext()) {
                Edge e = it.next();
                Edge before = last.put(e.key(), e);
                assertThat(before == null || before.weight() < e.weight()).as("an update adds evidence").isTrue();
                updates++;
            }
        }
        Map<String, Edge> expected = Fixtures.byKey(Fixtures.embedded(List.of(posts.toString()), CoordinationSettings.DEFAULTS).run().edges());
        assertThat(last).isEqualTo(expected);
        assertThat(updates).isGreaterThan(last.size()); // rolling: pairs with several co-actions were updated
    }

    @Test
    void aWatchedDirectoryYieldsEdgesAsFilesArrive() throws Exception {
        Path in = Files.createDirectory(dir.resolve("in"));
        Path out = dir.resolve("out");
        SyntheticPosts spec = new SyntheticPosts(20_000, 2_000, 3, 8, 4, 1, 13);
        Path staged = Fixtures.writeCsv(spec, dir.resolve("staged.csv"));
        StreamExecutionEnvironment env = CoordinationJobTest.env();
        JobOptions options = JobOptions.batch(List.of(in.toString()), out.toString())
                .monitoring(Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofMillis(500));
        CoordinationJob.streaming(env, options);
        JobClient job = env.executeAsync("tocsin coordination (streaming test)");
        try {
            // the file appears whole: the source skips hidden files, so write it hidden and rename it
            Path hidden = in.resolve(".posts.csv");
            Files.copy(staged, hidden);
            Files.move(hidden, in.resolve("posts.csv"), StandardCopyOption.ATOMIC_MOVE);
            List<JsonNode> edges = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (edges.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(250);
                edges = committedLines(out);
            }
            assertThat(edges).as("edge updates committed within 3 minutes").isNotEmpty();
            Set<String> planted = spec.planted();
            assertThat(edges).allSatisfy(e -> {
                assertThat(e.get("edge")).hasSize(2);
                assertThat(e.get("weight").asLong()).isPositive();
            });
            assertThat(edges).anySatisfy(e -> assertThat(planted).contains(e.get("edge").get(0).asText(), e.get("edge").get(1).asText()));
        } finally {
            job.cancel().get();
            try {
                job.getJobExecutionResult().get(); // wait until it has stopped watching the directory, which is about to go
            } catch (ExecutionException cancelled) {
                // as it should
            }
        }
    }

    /** The lines of the sink's committed part files (in-progress ones are hidden). */
    private static List<JsonNode> committedLines(Path out) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        if (!Files.isDirectory(out)) {
            return lines;
        }
        ObjectMapper json = new ObjectMapper();
        List<Path> files;
        try (Stream<Path> s = Files.walk(out)) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        }
        for (Path f : files) {
            for (String line : Files.readAllLines(f)) {
                lines.add(json.readTree(line));
            }
        }
        return lines;
    }
}
