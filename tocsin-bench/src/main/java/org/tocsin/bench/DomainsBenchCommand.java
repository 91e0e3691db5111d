package org.tocsin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.tocsin.cli.ExitCodes;
import org.tocsin.cli.UsageProblem;
import org.tocsin.cli.WatchOptions;
import org.tocsin.domain.DomainNames;
import org.tocsin.domain.LookalikeIndex;
import org.tocsin.domain.ProtectedName;
import org.tocsin.domain.ProtectedNames;
import org.tocsin.domain.feed.DomainFeedReader;
import org.tocsin.domain.watch.DomainWatch;
import org.tocsin.input.Input;
import org.tocsin.input.InputWalker;
import org.tocsin.profile.Profile;
import org.tocsin.reference.ReferenceData;
import org.tocsin.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Watch throughput on one thread: the feeds are read into memory first (their names), then every name goes
 * through the whole watch (normalisation, registrable domain, index, allowlist, dedup) for several passes
 * after a warm-up. {@code --grow} adds protected names from a domain list, to show the cost per name stays
 * near-flat as the profile grows.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure watch throughput (domains/s on one core) and peak heap over feeds.")
final class DomainsBenchCommand implements Callable<Integer> {
    @Mixin
    WatchOptions options = new WatchOptions();

    @Option(names = "--passes", defaultValue = "10", description = "Timed passes over the feeds (default: ${DEFAULT-VALUE}).")
    int passes;

    @Option(names = "--warmup-seconds", defaultValue = "8",
            description = "Untimed passes first, for at least this long, so the JIT has compiled the hot path (default: ${DEFAULT-VALUE}).")
    double warmupSeconds;

    @Option(names = "--grow", paramLabel = "N", defaultValue = "0",
            description = "Protect N names in all: the profile's plus names from --grow-from.")
    int grow;

    @Option(names = "--grow-from", paramLabel = "FILE",
            description = "Domain list (first column) to take extra protected names from; names seen in the feeds are skipped.")
    Path growFrom;

    @Parameters(arity = "1..*", paramLabel = "FEED", description = "Feeds (as for watch).")
    List<String> feeds;

    @Override
    public Integer call() throws IOException {
        List<String> names = new ArrayList<>();
        long readStart = System.nanoTime();
        for (Input feed : new InputWalker().inputs(feeds, (where, reason) -> System.err.println("tocsin: "
                + TerminalText.escape(where) + ": " + reason))) {
            try (java.io.InputStream in = feed.open()) {
                DomainFeedReader.read(feed.name(), in, item -> {
                    if (!item.isProblem()) {
                        names.add(item.name());
                    }
                });
            }
        }
        double readSeconds = (System.nanoTime() - readStart) / 1e9;
        if (names.isEmpty()) {
            throw new UsageProblem("no names in " + feeds);
        }
        Profile profile = options.loadProfile();
        List<ProtectedName> protectedNames = new ArrayList<>(ProtectedNames.of(profile, ReferenceData.bundled(), options.providers()));
        if (grow > protectedNames.size()) {
            addFrom(protectedNames, names);
        }
        LookalikeIndex index = LookalikeIndex.of(protectedNames);
        long warmUntil = System.nanoTime() + (long) (warmupSeconds * 1e9);
        do {
            pass(options.watch(profile, index), names);
        } while (System.nanoTime() < warmUntil);
        HeapPeaks.reset();
        long start = System.nanoTime();
        long alerts = 0;
        for (int i = 0; i < passes; i++) {
            alerts = pass(options.watch(profile, index), names);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "feeds: %d names (read and decoded at %.0f names/s); %d protected names; %d passes%n",
                names.size(), names.size() / readSeconds, index.size(), passes);
        System.out.printf(Locale.ROOT, "throughput: %.0f domains/s on one thread, %.2f µs/domain; alerts per pass: %d%n",
                (double) names.size() * passes / seconds, seconds * 1e6 / ((double) names.size() * passes), alerts);
        System.out.printf(Locale.ROOT, "peak heap: %.0f MB (max heap %d MB)%n", HeapPeaks.peakBytes() / 1e6,
                Runtime.getRuntime().maxMemory() >> 20);
        return ExitCodes.OK;
    }

    private static long pass(DomainWatch watch, List<String> names) {
        for (String n : names) {
            watch.examine("bench", n);
        }
        return watch.alerts();
    }

    private void addFrom(List<ProtectedName> protectedNames, List<String> feedNames) throws IOException {
        if (growFrom == null) {
            throw new UsageProblem("--grow needs --grow-from FILE");
        }
        Set<String> inFeeds = new HashSet<>();
        for (String n : feedNames) {
            String ascii = DomainNames.toAscii(n);
            if (ascii != null) {
                inFeeds.add(DomainNames.registrable(ascii));
            }
        }
        Set<String> labels = new HashSet<>();
        protectedNames.forEach(p -> labels.add(p.label()));
        for (String line : Files.readAllLines(growFrom)) {
            if (protectedNames.size() >= grow) {
                return;
            }
            String ascii = DomainNames.toAscii(line.split("[,\\s]", 2)[0]);
            if (ascii == null || ascii.indexOf('.') < 0) {
                continue;
            }
            String reg = DomainNames.registrable(ascii);
            String label = DomainNames.registrableLabel(reg);
            if (!inFeeds.contains(reg) && labels.add(label)) {
                protectedNames.add(new ProtectedName(label, reg, reg, ProtectedName.Source.ORGANIZATION, Set.of(reg), false));
            }
        }
        throw new UsageProblem("--grow-from " + growFrom + " has only " + protectedNames.size() + " usable names");
    }
}
