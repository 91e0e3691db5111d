package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.server.Secrets;

/** {@code tocsin serve}: usage errors, and the hashes {@code hash-secret} makes for the config. */
class ServeCommandTest {
    @Test
    void serveNeedsAConfigThatLoads(@TempDir Path dir) throws Exception {
        CliRun none = CliRun.of("serve", "--db", "jdbc:h2:file:" + dir.resolve("store"));
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("--config");
        CliRun missing = CliRun.of("serve", "--config", dir.resolve("nope.yaml").toString(), "--db", "jdbc:h2:file:" + dir.resolve("store"));
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.yaml");
    }

    @Test
    void aConfigThatCannotBeReadSaysWhy(@TempDir Path dir) throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("store");
        CliRun missing = CliRun.of("serve", "--config", "/nonexistent.yaml", "--db", db);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read the server configuration /nonexistent.yaml: no such file");

        CliRun directory = CliRun.of("serve", "--config", dir.toString(), "--db", db);
        assertThat(directory.exitCode()).isEqualTo(2);
        assertThat(directory.err()).contains("cannot read the server configuration " + dir + ": it is a directory");

        Path badYaml = java.nio.file.Files.writeString(dir.resolve("bad.yaml"), "title: t\ncollections: [\n");
        CliRun bad = CliRun.of("serve", "--config", badYaml.toString(), "--db", db);
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("invalid TAXII configuration " + badYaml).contains("line 3")
                .doesNotContain("Exception").doesNotContain("\tat ");

        Path empty = java.nio.file.Files.writeString(dir.resolve("empty.yaml"), "");
        assertThat(CliRun.of("serve", "--config", empty.toString(), "--db", db).err()).contains("it is empty");

        Path notAMap = java.nio.file.Files.writeString(dir.resolve("list.yaml"), "- a\n- b\n");
        CliRun list = CliRun.of("serve", "--config", notAMap.toString(), "--db", db);
        assertThat(list.exitCode()).isEqualTo(2);
        assertThat(list.err()).contains("invalid TAXII configuration").doesNotContain("Cannot deserialize");

        Path unreadable = java.nio.file.Files.writeString(dir.resolve("secret.yaml"), "title: t\n");
        java.nio.file.Files.setPosixFilePermissions(unreadable, java.util.Set.of());
        if (!java.nio.file.Files.isReadable(unreadable)) { // root reads any file: there, nothing to check
            CliRun denied = CliRun.of("serve", "--config", unreadable.toString(), "--db", db);
            assertThat(denied.exitCode()).isEqualTo(2);
            assertThat(denied.err()).contains("cannot read the server configuration " + unreadable + ": permission denied");
        }
    }

    @Test
    void whatPartnersPostTeachesTheStoreButIsNotRepublishedAsTocsins(@TempDir Path dir) throws Exception {
        Path root = Path.of(System.getProperty("tocsin.root", ".."));
        com.fasterxml.jackson.databind.JsonNode bundle = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(root.resolve("examples/intel/partner-bundle.json").toFile());
        java.util.List<com.fasterxml.jackson.databind.JsonNode> objects = new java.util.ArrayList<>();
        bundle.get("objects").forEach(objects::add);
        try (org.tocsin.store.Store store = org.tocsin.store.Store.open("jdbc:h2:file:" + dir.resolve("store"), "sa", "")) {
            ServeCommand.learn(store, objects);
            assertThat(store.indicators()).extracting(i -> i.observable().value() + " " + i.actor())
                    .containsExactlyInAnyOrder("chicago-chronicle.example storm-1516", "https://chicago-chronicle.example/politics/ storm-1516");
            String published = ServeCommand.findingsBundle(store).toString();
            assertThat(published).doesNotContain("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f") // the partner's own object
                    .doesNotContain("Example Newsroom Security Desk");
        }
    }

    @Test
    void hashSecretHashesWhatItReads() throws Exception {
        CliRun password = withStdin("correct horse battery staple\n", "serve", "hash-secret");
        assertThat(password.exitCode()).isZero();
        assertThat(password.out().strip()).matches("pbkdf2-sha256\\$600000\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+");

        CliRun token = withStdin("a-token\n", "serve", "hash-secret", "--token");
        assertThat(token.out().strip()).isEqualTo(Secrets.hashToken("a-token"));

        CliRun fresh = CliRun.of("serve", "hash-secret", "--new-token");
        String[] lines = fresh.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).hasSizeGreaterThanOrEqualTo(43);
        assertThat(lines[1]).isEqualTo(Secrets.hashToken(lines[0]));

        assertThat(withStdin("", "serve", "hash-secret").exitCode()).isEqualTo(2);
    }

    private static CliRun withStdin(String input, String... args) throws Exception {
        InputStream in = System.in;
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            return CliRun.of(args);
        } finally {
            System.setIn(in);
        }
    }
}
