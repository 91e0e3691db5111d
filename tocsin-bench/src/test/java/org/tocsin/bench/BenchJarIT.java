package org.tocsin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code tocsin-bench.jar} as docs/performance.md runs it: a bench command with {@code java -jar}, and a JMH
 * benchmark with {@code java -cp JAR org.openjdk.jmh.Main} (one fork, so the forked JVM must find the generated classes
 * in the jar too), with the smallest iteration counts.
 */
class BenchJarIT {
    private static final String JAR = System.getProperty("tocsin.benchJar");
    private static final Path ROOT = Path.of(System.getProperty("tocsin.root", ".."));

    @TempDir
    Path dir;

    @BeforeEach
    void theJarIsBuilt() {
        // the build sets this in the run after package (mvn verify); a run in the test phase, before the jar exists, is not this test's
        Assumptions.assumeTrue(JAR != null, "runs after package, in mvn verify's integration-test phase");
    }

    @Test
    void theJarCarriesTheBenchmarksAndJmh() throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile z = new ZipFile(JAR)) {
            z.stream().forEach(e -> names.add(e.getName()));
        }
        assertThat(names).contains("META-INF/BenchmarkList", "org/openjdk/jmh/Main.class", "org/tocsin/bench/BenchMain.class",
                "org/tocsin/bench/jmh/LookalikeBenchmark.class", "org/tocsin/cli/Main.class");
        assertThat(names).anyMatch(n -> n.startsWith("org/tocsin/bench/jmh/jmh_generated/LookalikeBenchmark_index_jmhTest"));
    }

    @Test
    void aBenchCommandRunsFromTheJar() throws Exception {
        Run run = java("-jar", JAR, "posts", "bench", "--posts", "2000", "--accounts", "200", "--groups", "1", "--group-size", "5");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("planted accounts: 5;");
    }

    @Test
    void aJmhBenchmarkRunsFromTheJar() throws Exception {
        Run run = java("-cp", JAR, "org.openjdk.jmh.Main", "-f", "1", "-wi", "0", "-i", "1", "-r", "200ms",
                "-jvmArgs", "-XX:TieredStopAtLevel=1", "-p", "protectedNames=50", "LookalikeBenchmark.index");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("# Run complete.").containsPattern("LookalikeBenchmark\\.index +50 +thrpt +[0-9.]+ +ops/s");
    }

    private record Run(int exit, String out, String err) {
    }

    /** A JVM of its own, from the repository root (the triage benchmark reads examples/); killed if it outlives two minutes. */
    private Run java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1"));
        command.addAll(List.of(args));
        Path out = dir.resolve("out");
        Path err = dir.resolve("err");
        Process p = new ProcessBuilder(command).directory(ROOT.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            if (!p.waitFor(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException(String.join(" ", args) + " did not end in two minutes");
            }
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly); // JMH's forked JVM
            p.destroyForcibly();
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }
}
