package org.tocsin.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CoordinationOptionsTest {
    @Test
    void noOptionsAreTheDefaultSettingsAndTheHelpShowsThem() {
        CoordinationOptions o = new CoordinationOptions();
        CommandLine cl = new CommandLine(o);
        cl.parseArgs();
        assertThat(o.settings()).isEqualTo(CoordinationSettings.DEFAULTS);
        assertThat(cl.getUsageMessage(CommandLine.Help.Ansi.OFF)).contains("Default 60s", "Default 10m", "Default 0.8", "Default 200");
    }

    @Test
    void optionsGiveTheSettingsAndABadDurationNamesItsOption() {
        CoordinationOptions o = new CoordinationOptions();
        new CommandLine(o).parseArgs("--window", "30s", "--lateness", "PT1H", "--max-per-key", "50", "--min-weight", "3");
        CoordinationSettings s = o.settings();
        assertThat(s.window()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.lateness()).isEqualTo(Duration.ofHours(1));
        assertThat(s.maxPerKey()).isEqualTo(50);
        assertThat(s.minWeight()).isEqualTo(3);
        CoordinationOptions bad = new CoordinationOptions();
        new CommandLine(bad).parseArgs("--lateness", "soon");
        assertThatThrownBy(bad::settings).hasMessageStartingWith("--lateness soon");
        assertThat(CoordinationOptions.text(Duration.ofMinutes(10))).isEqualTo("10m");
        assertThat(CoordinationOptions.text(Duration.ofSeconds(90))).isEqualTo("90s");
    }
}
