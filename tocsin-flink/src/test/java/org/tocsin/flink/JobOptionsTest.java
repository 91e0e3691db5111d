package org.tocsin.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.tocsin.social.CoordinationSettings;

class JobOptionsTest {
    @Test
    void readsTheCliSettingsAndDefaults() {
        JobOptions o = JobOptions.parse("--input", "a.csv,b/", "--input", "c.jsonl.gz", "--output", "out.jsonl", "--window", "30s",
                "--lateness", "PT5M", "--min-weight", "3", "--percentile", "50", "--min-accounts", "4", "--near-threshold", "0.9");
        assertThat(o.inputs()).containsExactly("a.csv", "b/", "c.jsonl.gz");
        assertThat(o.accounts()).isNull();
        assertThat(JobOptions.parse("--input", "a.csv", "--output", "o", "--accounts", "acc.csv").accounts()).isEqualTo("acc.csv");
        assertThat(o.streaming()).isFalse();
        CoordinationSettings s = o.settings();
        assertThat(s.window()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.lateness()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.minWeight()).isEqualTo(3);
        assertThat(s.percentile()).isEqualTo(50);
        assertThat(s.minClusterSize()).isEqualTo(4);
        assertThat(s.nearThreshold()).isEqualTo(0.9);
        assertThat(s.maxPerKey()).isEqualTo(CoordinationSettings.DEFAULTS.maxPerKey());
        assertThat(JobOptions.parse("--input", "in/", "--output", "edges/", "--monitor", "10s").monitor()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> JobOptions.parse("--output", "x")).hasMessageContaining("--input");
        assertThatThrownBy(() -> JobOptions.parse("--input", "x")).hasMessageContaining("--output");
        assertThatThrownBy(() -> JobOptions.parse("--input", "x", "--output", "y", "--window", "soon")).hasMessageContaining("--window soon");
        assertThatThrownBy(() -> JobOptions.parse("--input", "x", "--output", "y", "--colour", "red")).hasMessageContaining("--colour");
    }

    @Test
    void theSettingsOptionsAreTheClisOwnWithTheSameDefaults() {
        picocli.CommandLine job = new picocli.CommandLine(new JobOptions.Arguments());
        picocli.CommandLine shared = new picocli.CommandLine(new org.tocsin.social.CoordinationOptions());
        for (picocli.CommandLine.Model.OptionSpec o : shared.getCommandSpec().options()) {
            picocli.CommandLine.Model.OptionSpec mine = job.getCommandSpec().findOption(o.longestName());
            assertThat(mine).as(o.longestName()).isNotNull();
            assertThat(mine.description()).isEqualTo(o.description());
            assertThat(mine.defaultValueString()).isEqualTo(o.defaultValueString());
        }
        assertThat(JobOptions.parse("--input", "x", "--output", "y").settings()).isEqualTo(CoordinationSettings.DEFAULTS);
        assertThat(JobOptions.usage()).contains("--window=DURATION", "Default 60s", "--lateness=DURATION", "Default 10m", "--max-per-key=N");
        assertThat(JobOptions.parse("--input", "x", "--output", "y", "--max-per-key", "50").settings().maxPerKey()).isEqualTo(50);
    }
}
