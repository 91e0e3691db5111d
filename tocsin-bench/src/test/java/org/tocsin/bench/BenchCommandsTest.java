package org.tocsin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.cli.Main;

/**
 * Each bench command, tiny, on the bundled examples: it runs to the end and reports what docs/performance.md quotes.
 * The figures themselves are the benches' to measure, never a test's.
 */
class BenchCommandsTest {
    private static final Path ROOT = Path.of(System.getProperty("tocsin.root", ".."));

    @Test
    void emailBenchTriagesTheExamples() {
        Captured run = Captured.bench("email", "bench", "--profile", ROOT.resolve("examples/profile.yaml").toString(), "--passes", "1",
                "--warmup", "0", ROOT.resolve("examples/mail").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 passes on 1 thread(s); full triage", "messages/s", "peak heap");
        assertThat(run.out()).containsPattern("flagged per pass: [1-9]");
    }

    @Test
    void domainsBenchWatchesAFeed() {
        Captured run = Captured.bench("domains", "bench", "--profile", ROOT.resolve("examples/watch-profile.yaml").toString(),
                "--passes", "1", "--warmup-seconds", "0", ROOT.resolve("examples/feeds/nrd-2024-09-05.txt").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1 passes", "domains/s on one thread", "peak heap");
        assertThat(run.out()).containsPattern("alerts per pass: [1-9]");
    }

    @Test
    void domainsBenchWithoutAProfileIsAUsageError() {
        Captured run = Captured.bench("domains", "bench", ROOT.resolve("examples/feeds/nrd-2024-09-05.txt").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("tocsin: --profile FILE is required");
    }

    @Test
    void postsBenchFindsThePlantedGroups() {
        Captured run = Captured.bench("posts", "bench", "--posts", "5000", "--accounts", "500", "--groups", "2", "--group-size", "5",
                "--bursts", "5", "--days", "1");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("5000 organic from 500 accounts, 2 planted groups of 5", "planted accounts: 10;", "precision");
    }

    @Test
    void postsBenchWritesCsvThatTocsinReadsWhole(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("posts.csv");
        Captured write = Captured.bench("posts", "bench", "--posts", "2000", "--accounts", "200", "--groups", "1", "--group-size", "5",
                "--bursts", "3", "--days", "1", "--write", csv.toString());
        assertThat(write.exitCode()).as(write.err()).isZero();
        assertThat(csv).exists();
        Matcher written = Pattern.compile("^(\\d+) posts written to ").matcher(write.out());
        assertThat(written.find()).as(write.out()).isTrue();
        long rows = Long.parseLong(written.group(1));

        Captured read = Captured.of(Main::run, "posts", "coordination", "--json", csv.toString());
        List<String> lines = read.out().lines().toList();
        JsonNode summary = new ObjectMapper().readTree(lines.get(lines.size() - 1));
        assertThat(summary.get("summary").asText()).isEqualTo("coordination");
        assertThat(summary.get("posts").asLong()).isEqualTo(rows);
        assertThat(summary.get("unreadable").asLong()).isZero();
    }

    @Test
    void storeBenchFillsAnEmptyStoreAndQueriesIt(@TempDir Path dir) {
        String db = "jdbc:h2:file:" + dir.resolve("store");
        Captured run = Captured.bench("store", "bench", "--db", db, "--observables", "300", "--queries", "20");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("store " + db, "observables/s", "everything linked to a domain, 20 random domains: p50");

        Captured again = Captured.bench("store", "bench", "--db", db, "--observables", "300");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("store bench needs an empty store");
    }

    @Test
    void aNounWithoutItsVerbShowsItsUsage() {
        Captured run = Captured.bench("posts");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("posts", "bench");
        assertThat(Captured.bench("--help").out()).contains("email", "domains", "posts", "store", "org.openjdk.jmh.Main");
    }
}
