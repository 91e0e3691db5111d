package org.tocsin.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.tocsin.reference.ReferenceData;
import org.tocsin.store.ExportedFinding;
import org.tocsin.store.StixBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "stix", mixinStandardHelpOptions = true,
        description = {"Write every finding in the store as a STIX 2.1 bundle: identity, TLP marking, SCOs, indicators"
                + " with STIX patterns, attack-patterns (ATT&CK, DISARM), relationships and one report per finding."})
final class ExportStixCommand implements Callable<Integer> {
    @Mixin
    ExportOptions options = new ExportOptions();

    @Override
    public Integer call() throws IOException {
        StixBundle.Tlp level = options.level();
        List<ExportedFinding> findings = options.findings();
        options.emit(StixBundle.write(StixBundle.of(findings, level, ReferenceData.bundled())),
                findings.size() + " findings exported as STIX 2.1 (TLP:" + level + ")");
        return ExitCodes.OK;
    }
}
