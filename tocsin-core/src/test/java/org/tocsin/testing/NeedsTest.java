package org.tocsin.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The one rule for missing outside data: a user's clone skips saying why, CI (CI=true) fails. */
class NeedsTest {
    private static final Needs USER = new Needs(Map.of());
    private static final Needs CI = new Needs(Map.of("CI", "true"));

    @Test
    void missingSharedDataSkipsOnAUsersCloneSayingWhere(@TempDir Path root) {
        assertThatThrownBy(() -> USER.shared(root, "email/dev/phish")).isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("shared data absent: " + root.resolve("email/dev/phish")).hasMessageContaining("../shared/data");
    }

    @Test
    void missingSharedDataFailsUnderCi(@TempDir Path root) {
        assertThatThrownBy(() -> CI.shared(root, "email/dev/phish")).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("shared data absent: " + root.resolve("email/dev/phish")).hasMessageContaining("CI=true");
    }

    @Test
    void presentSharedDataIsReturnedEitherWay(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("posts"));
        assertThat(USER.shared(root, "posts")).isEqualTo(root.resolve("posts"));
        assertThat(CI.shared(root, "posts")).isEqualTo(root.resolve("posts"));
    }

    @Test
    void onlyCiTrueCountsAsCi() {
        assertThatThrownBy(() -> new Needs(Map.of("CI", "false")).missing("x")).isInstanceOf(TestAbortedException.class);
        assertThatThrownBy(() -> new Needs(Map.of("CI", "TRUE")).missing("x")).isInstanceOf(AssertionFailedError.class);
        assertThatThrownBy(() -> new Needs(Map.of("CI", "")).missing("x")).isInstanceOf(TestAbortedException.class);
    }

    @Test
    void thisRunFollowsItsOwnEnvironment() {
        assertThat(Needs.underCi()).isEqualTo("true".equalsIgnoreCase(System.getenv().getOrDefault("CI", "").trim()));
    }
}
