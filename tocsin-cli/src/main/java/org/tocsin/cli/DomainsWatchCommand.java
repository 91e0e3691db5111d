package org.tocsin.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tocsin.domain.LookalikeIndex;
import org.tocsin.domain.feed.DomainFeedReader;
import org.tocsin.domain.watch.DomainWatch;
import org.tocsin.profile.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Raise every domain in the feeds that imitates a protected organisation: the kinds of"
                + " manipulation, a score, the evidence, DISARM T0149.003 and ATT&CK T1583.001. One alert per domain.",
                "FEED: a newline-separated domain list (newly registered domains, zone-file extract, CSV), a"
                        + " certificate-transparency get-entries response (RFC 6962), certstream JSON lines; gzip or"
                        + " not; a directory of such files; or - for stdin."})
final class DomainsWatchCommand implements Callable<Integer> {
    @Mixin
    WatchOptions options = new WatchOptions();

    @Option(names = "--json", description = "One JSON object per alert on stdout (JSON Lines); problems as {source, error}.")
    boolean json;

    @Option(names = "--fail-on-alert", description = "Exit with 1 when any alert was raised.")
    boolean failOnAlert;

    @Parameters(arity = "1..*", paramLabel = "FEED", description = "Feeds to watch.")
    List<String> feeds;

    @Override
    public Integer call() {
        Profile profile = options.loadProfile();
        LookalikeIndex index = options.index(profile);
        DomainWatch watch = options.watch(profile, index);
        PrintStream stdout = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        WatchOutput output = new WatchOutput(stdout, json);
        long[] problems = {0};
        int unreadable = 0;
        long start = System.nanoTime();
        List<String> paths = FeedPaths.expand(feeds);
        for (String path : paths) {
            try {
                DomainFeedReader.read(path, item -> {
                    if (item.isProblem()) {
                        problems[0]++;
                        output.problem(item.source(), item.problem());
                        return;
                    }
                    DomainWatch.Outcome o;
                    try {
                        o = watch.examine(item.source(), item.name());
                    } catch (RuntimeException e) { // a bug on one name must not cost the rest of the feed
                        problems[0]++;
                        output.problem(item.source(), "could not be examined: " + e);
                        return;
                    }
                    if (o.alert() != null) {
                        output.alert(o.alert());
                    } else if (o.problem() != null) {
                        problems[0]++;
                        output.problem(item.source(), o.problem());
                    }
                });
            } catch (IOException | RuntimeException e) {
                unreadable++;
                output.problem(path, "unreadable: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            }
            stdout.flush();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf(Locale.ROOT, "tocsin: %d names from %d feed(s) against %d protected names: %d alert(s), %d problem(s),"
                        + " %d allowlisted; %.1f s%n", watch.examined(), paths.size() - unreadable, index.size(), watch.alerts(),
                problems[0], watch.suppressedByAllowlist(), seconds);
        if (watch.examined() == 0 && (unreadable > 0 || problems[0] > 0)) {
            return ExitCodes.INPUT;
        }
        return failOnAlert && watch.alerts() > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
