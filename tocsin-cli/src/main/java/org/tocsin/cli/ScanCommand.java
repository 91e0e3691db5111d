package org.tocsin.cli;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import org.tocsin.scan.ScanCounts;
import org.tocsin.scan.ScanSettings;
import org.tocsin.scan.Scanner;
import org.tocsin.store.Store;
import org.tocsin.store.Tlp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The main job, as the command line shows it: the {@link Scanner} reads, analyses and stores; this command wires it
 * to the options, shows progress on a terminal, the first problems as they come and a summary at the end.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Analyse mail, domain feeds and web archives of news sites, and keep the evidence, findings and observables in the store.",
                "PATH: files, directories (recursive, links followed) or - for standard input; each input's kind is read from its content."})
final class ScanCommand implements Callable<Integer> {
    @Mixin
    ProfileOption profile = new ProfileOption();

    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Mixin
    SiteOptions siteOptions = new SiteOptions();

    @Option(names = "--tlp", paramLabel = "LEVEL", defaultValue = "amber",
            description = "How what this scan finds may be shared: white, green, amber or red (default: ${DEFAULT-VALUE}).")
    String tlp;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "What to scan.")
    List<String> paths;

    @Override
    public Integer call() {
        Tlp level;
        try {
            level = Tlp.parse(tlp);
        } catch (IllegalArgumentException e) {
            throw new UsageProblem("--tlp: " + e.getMessage());
        }
        Scanner scanner;
        try {
            scanner = new Scanner(new ScanSettings(profile.load(), level, siteOptions.copyCheck(), siteOptions.records()));
        } catch (IllegalArgumentException e) {
            throw new UsageProblem(profile.describe() + ": " + e.getMessage()); // e.g. a brand that is no domain label
        }
        ScanReport report = new ScanReport();
        ScanCounts counts;
        try (Store store = storeOptions.open(); TerminalProgress progress = new TerminalProgress(report::line)) {
            report.showProgressOn(progress);
            counts = scanner.scan(paths, System.in, store, report);
        } catch (SQLException e) {
            throw new UsageProblem("store " + storeOptions.url() + ": " + e.getMessage());
        }
        report.printSummary(counts, storeOptions.url());
        return counts.readNothing() ? ExitCodes.INPUT : ExitCodes.OK;
    }
}
