package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tocsin.reference.ReferenceData;
import org.tocsin.signal.SignalDefinition;

class SignalsDocTest {
    private static final Path ROOT = Path.of(System.getProperty("tocsin.root", ".."));

    @Test
    void docsSignalsMdIsTheCatalogueTheCodeDefines() throws Exception {
        String doc = Files.readString(ROOT.resolve("docs/signals.md"), StandardCharsets.UTF_8);
        assertThat(doc).as("regenerate with: ./tocsin signals > docs/signals.md").isEqualTo(SignalsCommand.markdown());
    }

    @Test
    void everySignalCitesAKnownAttackOrDisarmTechnique() {
        var reference = ReferenceData.bundled();
        for (SignalDefinition d : SignalsCommand.catalogue().all()) {
            assertThat(reference.attackTechniques().containsKey(d.technique())
                    || reference.disarmTechniques().containsKey(d.technique())).as(d.id() + " " + d.technique()).isTrue();
        }
    }
}
