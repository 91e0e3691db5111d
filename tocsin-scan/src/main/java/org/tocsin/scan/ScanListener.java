package org.tocsin.scan;

/** What a scan reports while it runs. Called on the scanning thread. */
public interface ScanListener {
    /**
     * An item that could not be read, analysed or stored; the scan goes on.
     *
     * @param where  the path ({@code path#n} for a message of an mbox, {@code path:line} for a feed line, a site)
     * @param reason what went wrong, in a few words
     */
    void problem(String where, String reason);

    /** The counts so far, after each message, feed name, page or stored piece of evidence: often, so keep it cheap. */
    default void progress(ScanCounts counts) {
    }
}
