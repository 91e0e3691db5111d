package org.tocsin.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tocsin.domain.LookalikeIndex;
import org.tocsin.domain.feed.DomainFeedReader;
import org.tocsin.domain.feed.FeedItem;
import org.tocsin.domain.watch.DomainWatch;
import org.tocsin.input.Input;
import org.tocsin.input.InputWalker;
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
                        + " not; a directory of such files (links followed); or - for stdin. Progress on a terminal."})
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
        long[] bytes = {0};
        int[] feedsRead = {0};
        long start = System.nanoTime();
        try (TerminalProgress progress = new TerminalProgress(() -> String.format(Locale.ROOT,
                "watching: %d names, %d alerts, %d problems, %.1f MB read", watch.examined(), watch.alerts(), problems[0],
                bytes[0] / 1e6))) {
            new InputWalker().walk(feeds, new InputWalker.Visitor() {
                @Override
                public void input(Input feed) {
                    try (InputStream in = new Counted(feed.open(), bytes, progress)) {
                        DomainFeedReader.read(feed.name(), in, item -> {
                            examine(watch, item, output, problems);
                            progress.tick();
                        });
                        feedsRead[0]++;
                    } catch (IOException | RuntimeException e) {
                        problem(feed.name(), e instanceof IOException io ? InputWalker.reason(io) : e.toString());
                    }
                    stdout.flush();
                }

                @Override
                public void problem(String where, String reason) {
                    problems[0]++;
                    output.problem(where, "unreadable: " + reason);
                }
            });
        }
        stdout.flush();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.err.printf(Locale.ROOT, "tocsin: %d names from %d feed(s) against %d protected names: %d alert(s), %d problem(s),"
                        + " %d allowlisted; %.1f s%n", watch.examined(), feedsRead[0], index.size(), watch.alerts(),
                problems[0], watch.suppressedByAllowlist(), seconds);
        if (watch.examined() == 0) {
            System.err.println("tocsin: no feed name could be read");
            return ExitCodes.INPUT;
        }
        return failOnAlert && watch.alerts() > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private static void examine(DomainWatch watch, FeedItem item, WatchOutput output, long[] problems) {
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
    }

    /** Counts the bytes read, for the progress line, and ticks it: a feed of blank lines still shows it is read. */
    private static final class Counted extends FilterInputStream {
        private final long[] bytes;
        private final TerminalProgress progress;

        Counted(InputStream in, long[] bytes, TerminalProgress progress) {
            super(in);
            this.bytes = bytes;
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                bytes[0]++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                bytes[0] += n;
                progress.tick();
            }
            return n;
        }
    }
}
