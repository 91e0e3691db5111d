package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command as a user runs it: JSON Lines fields, per-item errors and exit codes. */
class EmailTriageCommandTest {
    private static final Path ROOT = Path.of(System.getProperty("tocsin.root", ".."));
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exitCode, List<JsonNode> lines, String err) {
    }

    private static Run run(String... args) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            System.out.flush();
            List<JsonNode> lines = new ArrayList<>();
            for (String line : o.toString(StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("{")) {
                    lines.add(JSON.readTree(line));
                }
            }
            return new Run(code, lines, e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void jsonLinesCarryTheDocumentedFields() throws Exception {
        Run r = run("email", "triage", "--json", "--profile", ROOT.resolve("examples/profile.yaml").toString(),
                ROOT.resolve("examples/mail/phish/apt42-interview-lure.eml").toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.lines()).hasSize(1);
        JsonNode o = r.lines().get(0);
        for (String field : List.of("source", "sha256", "message_id", "verdict", "score", "confidence", "signals",
                "indicators", "techniques")) {
            assertThat(o.has(field)).as(field).isTrue();
        }
        assertThat(o.get("verdict").asText()).isEqualTo("malicious");
        JsonNode signal = o.get("signals").get(0);
        assertThat(signal.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "weight", "evidence", "technique");
        assertThat(o.get("indicators").get(0).fieldNames()).toIterable().containsExactlyInAnyOrder("type", "value");
    }

    @Test
    void anUnreadableItemIsReportedAndTheRunGoesOn() throws Exception {
        Run r = run("email", "triage", "--json", ROOT.resolve("no/such/file.eml").toString(),
                ROOT.resolve("examples/mail/legit/internal-schedule.eml").toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.lines()).hasSize(2);
        assertThat(r.lines().get(0).get("error").asText()).contains("no such file");
        assertThat(r.lines().get(1).get("verdict").asText()).isEqualTo("clean");
    }

    @Test
    void exitCodesFollowTheConventions() throws Exception {
        assertThat(run("email", "triage", "--json", ROOT.resolve("no/such/file.eml").toString()).exitCode())
                .isEqualTo(3);
        assertThat(run("email", "triage", "--fail-on", "malicious", "--profile",
                ROOT.resolve("examples/profile.yaml").toString(),
                ROOT.resolve("examples/mail/phish/apt42-interview-lure.eml").toString()).exitCode()).isEqualTo(1);
        assertThat(run("email", "triage", "--profile", "/no/such/profile.yaml",
                ROOT.resolve("examples/mail").toString()).exitCode()).isEqualTo(2);
        assertThat(run("email", "triage").exitCode()).isEqualTo(2);
    }
}
