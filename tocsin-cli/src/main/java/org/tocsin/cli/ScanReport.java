package org.tocsin.cli;

import java.util.Locale;
import org.tocsin.scan.ScanCounts;
import org.tocsin.scan.ScanListener;
import org.tocsin.text.TerminalText;

/** How {@code tocsin scan} shows a scan: the first problems on stderr as they come, a progress line, a summary. */
final class ScanReport implements ScanListener {
    private static final int SHOWN_PROBLEMS = 20;
    private ScanCounts counts;
    private TerminalProgress progress;
    private long problems;

    void showProgressOn(TerminalProgress p) {
        this.progress = p;
    }

    @Override
    public void problem(String where, String reason) {
        if (++problems <= SHOWN_PROBLEMS) {
            System.err.println("tocsin: " + TerminalText.escape(where) + ": " + TerminalText.escape(reason));
        }
    }

    @Override
    public void progress(ScanCounts c) {
        counts = c;
        if (progress != null) {
            progress.tick();
        }
    }

    String line() {
        ScanCounts c = counts;
        return c == null ? "scanning" : String.format(Locale.ROOT, "scanning: %d messages (%d flagged), %d feed names (%d alerts),"
                + " %d pages, %d problems", c.messages(), c.flaggedMessages(), c.feedNames(), c.alerts(), c.pages(), c.problems());
    }

    void printSummary(ScanCounts c, String url) {
        System.out.printf(Locale.ROOT, "%d messages (%d flagged), %d feed names (%d lookalike alerts), %d archived pages of %d sites"
                + " (%d flagged)%n", c.messages(), c.flaggedMessages(), c.feedNames(), c.alerts(), c.pages(), c.sites(), c.flaggedSites());
        System.out.printf(Locale.ROOT, "stored: %d new pieces of evidence, %d already in the store; %d problems%s%n", c.storedNew(),
                c.alreadyKnown(), c.problems(), c.problems() > SHOWN_PROBLEMS ? " (first " + SHOWN_PROBLEMS + " shown)" : "");
        System.out.println("store: " + TerminalText.escape(url.replaceAll("password=[^&;]*", "password=…")));
    }
}
