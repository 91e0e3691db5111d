package org.tocsin.cli;

import java.util.Locale;

/** What a scan did, for its progress line and its summary. */
final class ScanTally {
    private static final int SHOWN_PROBLEMS = 20;
    private long messages;
    private long flagged;
    private long feedNames;
    private long alerts;
    private long storedNew;
    private long alreadyKnown;
    private long problems;
    private long pages;
    private long sites;
    private long flaggedSites;

    void message(boolean isFlagged) {
        messages++;
        if (isFlagged) {
            flagged++;
        }
    }

    void page() {
        pages++;
    }

    void site(boolean isFlagged) {
        sites++;
        if (isFlagged) {
            flaggedSites++;
        }
    }

    void feedName() {
        feedNames++;
    }

    void alerts(int n) {
        alerts += n;
    }

    long storedNew() {
        return storedNew;
    }

    void stored(boolean isNew) {
        if (isNew) {
            storedNew++;
        } else {
            alreadyKnown++;
        }
    }

    /** Reported as it happens (the first few) and counted; the run goes on. */
    void problem(String what) {
        if (problems++ < SHOWN_PROBLEMS) {
            System.err.println("tocsin: " + what);
        }
    }

    boolean readNothing() {
        return messages == 0 && feedNames == 0 && pages == 0;
    }

    String line() {
        return String.format(Locale.ROOT, "scanning: %d messages (%d flagged), %d feed names (%d alerts), %d problems",
                messages, flagged, feedNames, alerts, problems);
    }

    void printSummary(String url) {
        System.out.printf(Locale.ROOT, "%d messages (%d flagged), %d feed names (%d lookalike alerts), %d archived pages of %d sites"
                + " (%d flagged)%n", messages, flagged, feedNames, alerts, pages, sites, flaggedSites);
        System.out.printf(Locale.ROOT, "stored: %d new pieces of evidence, %d already in the store; %d problems%s%n", storedNew,
                alreadyKnown, problems, problems > SHOWN_PROBLEMS ? " (first " + SHOWN_PROBLEMS + " shown)" : "");
        System.out.println("store: " + url.replaceAll("password=[^&;]*", "password=…"));
    }
}
