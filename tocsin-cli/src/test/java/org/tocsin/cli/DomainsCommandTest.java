package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code tocsin domains watch / variants} as a user runs them over the bundled example feeds. */
class DomainsCommandTest {
    private static final Path ROOT = Path.of(System.getProperty("tocsin.root", ".."));
    private static final String PROFILE = ROOT.resolve("examples/watch-profile.yaml").toString();

    @Test
    void watchRaisesTheDoppelgangerDomainsWithTheDocumentedFields() throws Exception {
        CliRun r = CliRun.of("domains", "watch", "--json", "--profile", PROFILE, ROOT.resolve("examples/feeds").toString());
        assertThat(r.exitCode()).isZero();
        Map<String, JsonNode> alerts = r.lines().stream().filter(o -> o.has("domain"))
                .collect(Collectors.toMap(o -> o.get("domain").asText(), o -> o));
        assertThat(alerts).containsKeys("washingtonpost.pm", "fox-news.in", "spiegel.ltd", "bild.eu.com", "t-onlinr.life",
                "bildd.lol", "nato.ws", "bildd.beauty", "login-spiegel.net", "news-today.site"); // welt.de.news-today.site
        JsonNode wapo = alerts.get("washingtonpost.pm");
        for (String field : List.of("domain", "organization", "protected_domain", "kinds", "score", "technique", "signals")) {
            assertThat(wapo.has(field)).as(field).isTrue();
        }
        assertThat(wapo.get("organization").asText()).isEqualTo("The Washington Post");
        assertThat(wapo.get("protected_domain").asText()).isEqualTo("washingtonpost.com");
        assertThat(wapo.get("kinds").toString()).isEqualTo("[\"tld-swap\"]");
        assertThat(wapo.get("technique").asText()).isEqualTo("T0149.003");
        assertThat(alerts.get("t-onlinr.life").get("kinds").toString()).isEqualTo("[\"tld-swap\",\"typo\"]");
        // benign registrations stay quiet; the malformed CT entry and the cut certstream line are per-item errors
        assertThat(alerts).doesNotContainKeys("riverdalegazette.com", "examplecampaign.org", "bakerfamilydental.com");
        assertThat(r.lines().stream().filter(o -> o.has("error")).map(o -> o.get("source").asText()))
                .anyMatch(s -> s.endsWith("ct-get-entries-2024-09.json#7"));
    }

    @Test
    void failOnAlertAndUnreadableFeeds() throws Exception {
        assertThat(CliRun.of("domains", "watch", "--fail-on-alert", "--profile", PROFILE,
                ROOT.resolve("examples/feeds/nrd-2024-09-05.txt").toString()).exitCode()).isEqualTo(1);
        CliRun missing = CliRun.of("domains", "watch", "--json", "--profile", PROFILE, ROOT.resolve("no/such/feed.txt").toString());
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.lines()).singleElement().satisfies(o -> assertThat(o.get("error").asText()).startsWith("unreadable"));
        assertThat(CliRun.of("domains", "watch", "--profile", ROOT.resolve("no/profile.yaml").toString(), "-").exitCode())
                .isEqualTo(2);
    }

    @Test
    void aBrandThatIsNoDomainLabelIsAUsageError(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path profile = dir.resolve("profile.yaml");
        java.nio.file.Files.writeString(profile, "organizations:\n  - {name: Bad, domains: [bad.org], brands: [\"not a label\"]}\n");
        CliRun r = CliRun.of("domains", "watch", "--profile", profile.toString(), ROOT.resolve("examples/feeds").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("brand \"not a label\" of Bad is not a domain label");
    }

    @Test
    void variantsListsRegistrableLookalikesByFuzzer() throws Exception {
        CliRun r = CliRun.of("domains", "variants", "--json", "cnn.com");
        assertThat(r.exitCode()).isZero();
        Map<String, String> fuzzerByDomain = r.lines().stream()
                .collect(Collectors.toMap(o -> o.get("domain").asText(), o -> o.get("fuzzer").asText()));
        assertThat(fuzzerByDomain).containsEntry("cfn.com", "bitsquatting").containsEntry("cnn.pm", "tld-swap");
        assertThat(CliRun.of("domains", "variants", "--fuzzer", "nope", "cnn.com").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("domains", "variants", "localhost").exitCode()).isEqualTo(2);
    }

    /** Fault 14 of issue 13: a gibibyte of blank lines holds no feed name, so nothing could be read (exit 3). */
    @Test
    void aGibibyteOfBlankLinesIsAnInputError() throws Exception {
        java.io.InputStream blankLines = new java.io.InputStream() {
            private long left = 1L << 30;

            @Override
            public int read() {
                return left-- > 0 ? '\n' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) '\n');
                left -= n;
                return n;
            }
        };

        CliRun r = InputPathsTest.withStdin(blankLines, "domains", "watch", "--profile", PROFILE, "-");

        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("-: ");
    }

    /**
     * Fault 14 of issue 13: on a terminal, {@code domains watch} shows its progress on stderr as {@code scan} does;
     * piped, it does not. {@code script} gives the child JVM a real pseudo-terminal.
     */
    @Test
    void progressIsShownOnATerminalOnly() throws Exception {
        Path script = Path.of("/usr/bin/script");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(script), "no util-linux script(1) to give a terminal");
        String command = String.join(" ", java.util.stream.Stream.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "domains", "watch", "--profile", PROFILE,
                ROOT.resolve("examples/feeds").toString()).map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
        Process p = new ProcessBuilder(script.toString(), "-qec", command, "/dev/null").redirectErrorStream(true).start();
        String terminal = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(terminal).isZero();

        CliRun piped = CliRun.of("domains", "watch", "--profile", PROFILE, ROOT.resolve("examples/feeds").toString());

        assertThat(terminal).contains("\rwatching: ");
        assertThat(piped.err()).doesNotContain("watching: ");
    }
}
