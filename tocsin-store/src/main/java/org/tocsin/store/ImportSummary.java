package org.tocsin.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an import did: counts of what it added and skipped, and a problem per item it could not take. Importers run
 * each item's store work through {@link #unit}, so that an item the store refuses is that item's problem and the
 * items after it still go in.
 */
public final class ImportSummary {
    /** How much of the store's reason a problem repeats: its first line, and no more than this. */
    private static final int MAX_REASON = 300;
    private int findings;
    private int indicators;
    private int foreign;
    private int unchanged;
    private int ignored;
    private final List<String> problems = new ArrayList<>();
    private final List<String> ownFindings = new ArrayList<>();

    public void finding(boolean added) {
        if (added) {
            findings++;
        } else {
            unchanged++;
        }
    }

    public void indicator(boolean added) {
        if (added) {
            indicators++;
        } else {
            unchanged++;
        }
    }

    public void foreign(int added, int already) {
        foreign += added;
        unchanged += already;
    }

    /** Something the format allows that Tocsin does not keep (a MISP attribute of another type, context only). */
    public void notKept() {
        ignored++;
    }

    public void problem(String p) {
        problems.add(p);
    }

    /** One item's work with the store, in a transaction of its own. */
    public interface Unit {
        void run() throws SQLException;
    }

    /**
     * Runs one item's store work; when the store refuses it, the refusal is the item's problem and the import goes on.
     * A lost connection is not the item's fault and ends the import (the caller reports what it did so far).
     *
     * @param item what the work is about, as the problem names it (an id)
     */
    public void unit(String item, Unit work) throws SQLException {
        try {
            work.run();
        } catch (SQLException e) {
            if (Store.connectionLost(e)) {
                throw e;
            }
            problem(item + ": the store refused it: " + reason(e));
        }
    }

    /** The first line of the store's message, cut: an H2 message quotes the SQL and the value after it. */
    public static String reason(SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        return m.length() <= MAX_REASON ? m : m.substring(0, MAX_REASON) + "…";
    }

    /**
     * An item that is one of Tocsin's own findings coming back (an attribute of its MISP export): not taken as
     * intelligence, which would cite the finding as evidence for itself. The note says which.
     */
    public void ownFinding(String note) {
        ownFindings.add(note);
    }

    /** One note per item recognised as Tocsin's own finding and left out. */
    public List<String> ownFindings() {
        return List.copyOf(ownFindings);
    }

    public int findings() {
        return findings;
    }

    public int indicators() {
        return indicators;
    }

    public int foreign() {
        return foreign;
    }

    public int unchanged() {
        return unchanged;
    }

    public int ignored() {
        return ignored;
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    public String line() {
        return findings + " findings, " + indicators + " indicators and " + foreign + " other STIX objects added; "
                + unchanged + " already kept; " + ignored + " not kept (types Tocsin does not use); "
                + (ownFindings.isEmpty() ? "" : ownFindings.size() + " of Tocsin's own findings not taken as intelligence; ")
                + problems.size() + " problems";
    }
}
