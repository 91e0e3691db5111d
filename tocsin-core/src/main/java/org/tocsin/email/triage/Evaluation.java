package org.tocsin.email.triage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tocsin.signal.Signal;
import org.tocsin.signal.Verdict;

/**
 * Measures triage on labelled mail: phishing recall, false-positive rate and how often each signal
 * fires in each class. A message counts as flagged when its verdict is suspicious or malicious; a
 * report with several forwarded messages counts by its worst verdict.
 */
public final class Evaluation {
    private final Map<String, int[]> signalHits = new TreeMap<>();
    private final int[] total = new int[2];
    private final int[] flagged = new int[2];
    private final int[] malicious = new int[2];
    private final int[] unreadable = new int[2];
    private final List<String> missedPhish = new ArrayList<>();
    private final List<String> flaggedHam = new ArrayList<>();

    /** Records one labelled message's results ({@code phish} is the label). */
    public void add(boolean phish, String source, List<TriageResult> results) {
        int c = phish ? 0 : 1;
        total[c]++;
        Verdict worst = Verdict.CLEAN;
        Set<String> ids = new HashSet<>();
        for (TriageResult r : results) {
            if (r.assessment().verdict().ordinal() < worst.ordinal()) {
                worst = r.assessment().verdict();
            }
            for (Signal s : r.assessment().signals()) {
                ids.add(s.id());
            }
        }
        for (String id : ids) {
            signalHits.computeIfAbsent(id, k -> new int[2])[c]++;
        }
        if (worst != Verdict.CLEAN) {
            flagged[c]++;
            if (!phish) {
                flaggedHam.add(source + " " + worst.jsonName() + " " + describe(results));
            }
        } else if (phish) {
            missedPhish.add(source + " " + describe(results));
        }
        if (worst == Verdict.MALICIOUS) {
            malicious[c]++;
        }
    }

    public void addUnreadable(boolean phish, String source) {
        int c = phish ? 0 : 1;
        total[c]++;
        unreadable[c]++;
        if (phish) {
            missedPhish.add(source + " unreadable");
        }
    }

    private static String describe(List<TriageResult> results) {
        List<String> parts = new ArrayList<>();
        for (TriageResult r : results) {
            parts.add(String.format(Locale.ROOT, "%.1f", r.assessment().score()));
            for (Signal s : r.assessment().signals()) {
                parts.add(s.id().replaceFirst("^EMAIL_", ""));
            }
        }
        return String.join(" ", new java.util.LinkedHashSet<>(parts));
    }

    public int phishTotal() {
        return total[0];
    }

    public int hamTotal() {
        return total[1];
    }

    /** Share of phishing flagged suspicious or malicious. */
    public double recall() {
        return total[0] == 0 ? 0 : (double) flagged[0] / total[0];
    }

    /** Share of legitimate mail flagged suspicious or malicious. */
    public double falsePositiveRate() {
        return total[1] == 0 ? 0 : (double) flagged[1] / total[1];
    }

    public List<String> missedPhish() {
        return missedPhish;
    }

    public List<String> flaggedHam() {
        return flaggedHam;
    }

    public String report() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "phishing: %d messages, %d flagged (%d malicious), %d unreadable%n",
                total[0], flagged[0], malicious[0], unreadable[0]));
        b.append(String.format(Locale.ROOT, "legitimate: %d messages, %d flagged (%d malicious), %d unreadable%n",
                total[1], flagged[1], malicious[1], unreadable[1]));
        b.append(String.format(Locale.ROOT, "recall: %.2f%%   false-positive rate: %.2f%%   (malicious only: %.2f%% / %.2f%%)%n",
                100 * recall(), 100 * falsePositiveRate(), pct(malicious[0], total[0]), pct(malicious[1], total[1])));
        b.append(String.format(Locale.ROOT, "%n%-36s %9s %9s%n", "signal", "phish %", "ham %"));
        for (Map.Entry<String, int[]> e : signalHits.entrySet()) {
            b.append(String.format(Locale.ROOT, "%-36s %9.2f %9.2f%n", e.getKey(),
                    pct(e.getValue()[0], total[0]), pct(e.getValue()[1], total[1])));
        }
        return b.toString();
    }

    private static double pct(int n, int of) {
        return of == 0 ? 0 : 100.0 * n / of;
    }
}
