package org.tocsin.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged job jar itself, run as {@code flink run} would give it a JVM: the jar on the classpath with only what a
 * Flink cluster provides (the provided scope, written by the build to {@code flink-provided.classpath}). The MiniCluster
 * tests run on the module's classpath; this one proves the shaded jar carries everything the job needs — without Bouncy
 * Castle, POI, mime4j, jwarc, and without core's email and site code.
 */
class JobJarIT {
    private static final Path ROOT = Path.of(System.getProperty("tocsin.root", ".."));
    private static final Path JAR = Path.of(System.getProperty("tocsin.jobJar", "target/tocsin-flink-job.jar"));
    private static final Path FLINK = Path.of(System.getProperty("tocsin.flinkClasspath", "target/flink-provided.classpath"));

    @TempDir
    Path dir;

    @org.junit.jupiter.api.BeforeEach
    void theJarIsBuilt() {
        // the build sets these in the run after package (mvn verify); a run in the test phase, before the jar exists, is not this test's
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("tocsin.jobJar") != null,
                "runs after package, in mvn verify's integration-test phase");
    }

    @Test
    void theJobJarCarriesOnlyTheSocialAnalysis() throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile z = new ZipFile(JAR.toFile())) {
            z.stream().forEach(e -> names.add(e.getName()));
        }
        assertThat(names).contains("org/tocsin/flink/CoordinationJob.class", "org/tocsin/social/coordination/CoordinationRun.class",
                "com/ibm/icu/text/SpoofChecker.class", "nl/cwts/networkanalysis/LeidenAlgorithm.class", "picocli/CommandLine.class");
        assertThat(names).noneMatch(n -> n.startsWith("org/bouncycastle/") || n.startsWith("org/apache/poi/")
                || n.startsWith("org/apache/james/") || n.startsWith("org/netpreserve/") || n.startsWith("org/apache/commons/compress/")
                || n.startsWith("org/tocsin/email/") || n.startsWith("org/tocsin/site/") || n.startsWith("org/tocsin/domain/feed/"));
    }

    @Test
    void theJobJarRunsABatchOverEveryInputFormat() throws Exception {
        Path social = ROOT.resolve("tocsin-core/src/test/resources/social");
        Path out = dir.resolve("clusters.jsonl");
        Run run = job("--input", ROOT.resolve("examples/posts/activist-network.csv").toString(),
                "--input", social.resolve("telegram-result.json") + "," + social.resolve("twarc2-two-pages.jsonl"),
                "--accounts", ROOT.resolve("examples/posts/accounts.csv").toString(), "--output", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        ObjectMapper json = new ObjectMapper();
        JsonNode summary = json.readTree(lines.get(lines.size() - 1));
        assertThat(summary.get("summary").asText()).isEqualTo("coordination");
        assertThat(summary.get("posts").asInt()).isGreaterThan(309);
        assertThat(summary.get("clusters").asInt()).isPositive();
        assertThat(json.readTree(lines.get(0)).get("accounts").toString()).contains("MotorCityMarch");
        assertThat(run.out()).contains("late;", "written to " + out);
    }

    @Test
    void aUsageErrorGoesToTheCallerWithTheUsage() throws Exception {
        Run run = job("--input", "x.csv", "--output", dir.resolve("o").toString(), "--window", "soon");
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("tocsin-flink: --window soon", "--max-per-key=N");
        Run help = job("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.out()).contains("--lateness=DURATION", "Default 10m");
    }

    private record Run(int exit, String out, String err) {
    }

    private Run job(String... args) throws Exception {
        String classpath = JAR + File.pathSeparator + Files.readString(FLINK, StandardCharsets.UTF_8).strip();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                "-cp", classpath, "org.tocsin.flink.CoordinationJob"));
        command.addAll(List.of(args));
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the job jar did not finish in 5 minutes");
        }
        return new Run(p.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }
}
