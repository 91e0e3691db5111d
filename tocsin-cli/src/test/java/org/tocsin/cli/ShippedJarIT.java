package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shipped {@code tocsin.jar} itself (the shaded jar the {@code tocsin} script runs): the commands and what they need,
 * and none of the measuring kit. JMH, its generated benchmark classes and the {@code * bench} commands live in
 * tocsin-bench's own jar.
 */
class ShippedJarIT {
    private static final String JAR = System.getProperty("tocsin.jar");

    @BeforeEach
    void theJarIsBuilt() {
        // the build sets this in the run after package (mvn verify); a run in the test phase, before the jar exists, is not this test's
        Assumptions.assumeTrue(JAR != null, "runs after package, in mvn verify's integration-test phase");
    }

    @Test
    void theShippedJarCarriesNoBenchmarks() throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile z = new ZipFile(Path.of(JAR).toFile())) {
            z.stream().forEach(e -> names.add(e.getName()));
        }
        assertThat(names).contains("org/tocsin/cli/Main.class", "org/tocsin/cli/ScanCommand.class", "picocli/CommandLine.class");
        assertThat(names).noneMatch(n -> n.startsWith("org/openjdk/jmh/"));
        assertThat(names).noneMatch(n -> n.startsWith("org/tocsin/") && n.contains("/jmh/"));
        assertThat(names).noneMatch(n -> n.startsWith("org/tocsin/") && n.endsWith("BenchCommand.class"));
        assertThat(names).doesNotContain("META-INF/BenchmarkList", "META-INF/CompilerHints");
    }
}
