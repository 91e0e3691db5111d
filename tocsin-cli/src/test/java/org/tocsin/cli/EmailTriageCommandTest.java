package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command as a user runs it: JSON Lines fields, per-item errors and exit codes. */
class EmailTriageCommandTest {
    private static final Path ROOT = Path.of(System.getProperty("tocsin.root", ".."));

    private static CliRun run(String... args) throws Exception {
        return CliRun.of(args);
    }

    @Test
    void jsonLinesCarryTheDocumentedFields() throws Exception {
        CliRun r = run("email", "triage", "--json", "--profile", ROOT.resolve("examples/profile.yaml").toString(),
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
        CliRun r = run("email", "triage", "--json", ROOT.resolve("no/such/file.eml").toString(),
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
