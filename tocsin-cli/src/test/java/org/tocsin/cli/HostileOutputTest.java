package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault 2 of issue 13: text from hostile input (header fields, file names, what the store holds) never reaches the
 * terminal raw. The fixture is a real .eml whose Subject and From carry ESC sequences (clear screen, window title,
 * colours), BEL, NUL, DEL, a C1 CSI and bidirectional overrides; the commands run as a user runs them, and the
 * assertions are on the bytes they print.
 */
class HostileOutputTest {
    private static final Path ROOT = Path.of(System.getProperty("tocsin.root", ".."));
    private static final Path HOSTILE = Path.of("src/test/resources/hostile/terminal-escapes.eml").toAbsolutePath();
    private static final String PROFILE = ROOT.resolve("examples/profile.yaml").toString();

    @Test
    void emailTriageShowsControlAndBidiCharactersEscaped() throws Exception {
        CliRun r = CliRun.of("email", "triage", "--profile", PROFILE, HOSTILE.toString());

        assertThat(r.exitCode()).isZero();
        assertNothingRaw(r.out());
        assertThat(r.out()).contains("Interview request \\x1b[2J\\x1b]0;owned\\x07 clear\\x00screen \\u202egpj.exe\\u2066")
                .contains("John \\x1b[31mSmith\\x1b[0m\\u202e");
    }

    @Test
    void jsonLinesEscapeC1AndBidiControlsToo() throws Exception {
        CliRun r = CliRun.of("email", "triage", "--json", "--profile", PROFILE, HOSTILE.toString());

        assertThat(r.exitCode()).isZero();
        assertNothingRaw(r.out());
        assertThat(r.out()).contains("\\u001B[2J").contains("\\u202E").contains("\\u009B").contains("\\u2066").contains("\\u007F");
        JsonNode line = r.lines().get(0);
        assertThat(line.get("subject").asText()).contains("\u001b[2J", "\u202e", "\u009b", "\u0000"); // the value itself is intact
    }

    @Test
    void whatTheStoreHoldsIsPrintedEscapedByAttributeAndLinks(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("store");
        CliRun scan = CliRun.of("scan", "--db", url, "--profile", PROFILE, HOSTILE.toString());
        assertThat(scan.exitCode()).isZero();
        assertNothingRaw(scan.out() + scan.err());

        CliRun attribute = CliRun.of("attribute", "--db", url);
        assertThat(attribute.exitCode()).isZero();
        assertThat(attribute.out()).contains("Interview request \\x1b[2J");
        assertNothingRaw(attribute.out());

        CliRun links = CliRun.of("links", "--db", url, "washingtonpost-news.com");
        assertThat(links.exitCode()).isZero();
        assertThat(links.out()).contains("seen in email malicious").contains("\\x1b]0;owned\\x07");
        assertNothingRaw(links.out());
    }

    @Test
    void fileNamesInProblemLinesAreEscaped(@TempDir Path dir) throws Exception {
        Path named = dir.resolve("evil\u001b]0;title\u0007\u202e.eml");
        Files.writeString(named, "just some prose, not mail\n", StandardCharsets.UTF_8);

        CliRun r = CliRun.of("email", "triage", named.toString());

        assertThat(r.exitCode()).isEqualTo(3);
        assertNothingRaw(r.out() + r.err());
        assertThat(r.out()).contains("evil\\x1b]0;title\\x07\\u202e.eml");
    }

    /** Every other command that quotes input: watch, sites, posts, intel, import; human output and problem lines. */
    @Test
    void everyCommandQuotingInputShowsItEscaped(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("store");
        String evil = "evil\u001b]0;title\u0007\u202e";
        Path feed = Files.writeString(dir.resolve(evil + ".txt"), "b\u0456ld.de\n\u001b[2Jx.example\nwashingtonpost.pm\n",
                StandardCharsets.UTF_8);
        Path page = Files.writeString(dir.resolve(evil + ".html"), "plain words, not a page\n", StandardCharsets.UTF_8);
        Path posts = Files.writeString(dir.resolve(evil + ".csv"), "not posts\n", StandardCharsets.UTF_8);
        Path junk = Files.writeString(dir.resolve(evil + ".json"), "{not json", StandardCharsets.UTF_8);

        List<CliRun> runs = List.of(
                CliRun.of("domains", "watch", "--profile", ROOT.resolve("examples/watch-profile.yaml").toString(), feed.toString()),
                CliRun.of("sites", "assess", page.toString()),
                CliRun.of("posts", "coordination", posts.toString()),
                CliRun.of("intel", "add", "--db", url, "x.example", "--source", evil, "--actor", evil),
                CliRun.of("intel", "indicators", "--db", url),
                CliRun.of("import", "--db", url, junk.toString()),
                CliRun.of("intel", "actors", evil));
        for (CliRun r : runs) {
            assertNothingRaw(r.out() + r.err());
            assertThat(r.out() + r.err()).contains("evil\\x1b]0;title\\x07\\u202e");
        }
    }

    /** No C0 control but newline, no DEL, no C1 control, no bidirectional or invisible format character. */
    static void assertNothingRaw(String printed) {
        for (int i = 0; i < printed.length(); ) {
            int cp = printed.codePointAt(i);
            i += Character.charCount(cp);
            boolean control = (cp < 0x20 && cp != '\n') || (cp >= 0x7f && cp <= 0x9f);
            boolean format = Character.getType(cp) == Character.FORMAT;
            assertThat(control || format).as("U+%04X printed raw at %d in:%n%s", cp, i, printed).isFalse();
        }
    }
}
