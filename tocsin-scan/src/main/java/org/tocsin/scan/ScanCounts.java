package org.tocsin.scan;

/** What a scan has done so far: items read by kind, what they came to, what the store made of them, problems. */
public final class ScanCounts {
    private long messages;
    private long flaggedMessages;
    private long feedNames;
    private long alerts;
    private long pages;
    private long sites;
    private long flaggedSites;
    private long storedNew;
    private long alreadyKnown;
    private long problems;

    void message(boolean flagged) {
        messages++;
        if (flagged) {
            flaggedMessages++;
        }
    }

    void feedName() {
        feedNames++;
    }

    void alerts(int n) {
        alerts += n;
    }

    void page() {
        pages++;
    }

    void site(boolean flagged) {
        sites++;
        if (flagged) {
            flaggedSites++;
        }
    }

    void stored(boolean isNew) {
        if (isNew) {
            storedNew++;
        } else {
            alreadyKnown++;
        }
    }

    void problem() {
        problems++;
    }

    public long messages() {
        return messages;
    }

    public long flaggedMessages() {
        return flaggedMessages;
    }

    public long feedNames() {
        return feedNames;
    }

    public long alerts() {
        return alerts;
    }

    public long pages() {
        return pages;
    }

    public long sites() {
        return sites;
    }

    public long flaggedSites() {
        return flaggedSites;
    }

    /** Pieces of evidence the store did not hold before. */
    public long storedNew() {
        return storedNew;
    }

    /** Pieces of evidence the store held already (a rescan). */
    public long alreadyKnown() {
        return alreadyKnown;
    }

    public long problems() {
        return problems;
    }

    /** Whether not one message, feed name or page could be read. */
    public boolean readNothing() {
        return messages == 0 && feedNames == 0 && pages == 0;
    }
}
