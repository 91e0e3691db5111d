package org.tocsin.store;

import java.util.ArrayList;
import java.util.List;

/** What an import did: counts of what it added and skipped, and a problem per item it could not take. */
public final class ImportSummary {
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
