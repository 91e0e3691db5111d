package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bench commands live in tocsin-bench; {@code tocsin NOUN bench} says where, whatever options follow. */
class BenchMovedCommandTest {
    @ParameterizedTest
    @ValueSource(strings = {"email", "domains", "posts", "store"})
    void theOldCommandNamesTheNewOne(String noun) throws Exception {
        CliRun run = CliRun.of(noun, "bench", "--passes", "3", "--help", "examples/mail");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("run bench/tocsin-bench " + noun + " bench", "tocsin-bench/target/tocsin-bench.jar " + noun + " bench");
        assertThat(run.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "domains", "posts", "store"})
    void theUsageNoLongerOffersIt(String noun) throws Exception {
        CliRun run = CliRun.of(noun, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).doesNotContain("bench");
    }
}
