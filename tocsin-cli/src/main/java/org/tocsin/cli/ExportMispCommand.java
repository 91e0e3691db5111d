package org.tocsin.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.tocsin.store.ExportedFinding;
import org.tocsin.store.MispEvent;
import org.tocsin.store.StixBundle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "misp", mixinStandardHelpOptions = true,
        description = {"Write the store's malicious and suspicious findings as one MISP event (JSON, for \"Add event from"
                + " JSON\" or the API): an attribute per observable for detection, techniques and TLP as tags."})
final class ExportMispCommand implements Callable<Integer> {
    @Mixin
    ExportOptions options = new ExportOptions();

    @Option(names = "--info", paramLabel = "TEXT", defaultValue = "Tocsin findings",
            description = "The event's title (default: ${DEFAULT-VALUE}).")
    String info;

    @Override
    public Integer call() throws IOException {
        StixBundle.Tlp level = options.level();
        List<ExportedFinding> findings = options.findings();
        options.emit(MispEvent.write(MispEvent.of(findings, level, info)),
                findings.size() + " findings considered for a MISP event (TLP:" + level + ")");
        return ExitCodes.OK;
    }
}
