package org.tocsin.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tocsin.email.read.MailReader;
import org.tocsin.email.triage.EmailTriage;
import org.tocsin.email.triage.Evaluation;
import org.tocsin.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Measure triage on your own labelled mail: recall, false-positive rate, per-signal hit rates.")
final class EmailEvalCommand implements Callable<Integer> {
    @Mixin
    TriageOptions options = new TriageOptions();

    @Option(names = "--phish", required = true, paramLabel = "DIR", description = "Mail known to be phishing.")
    Path phish;

    @Option(names = "--ham", required = true, paramLabel = "DIR", description = "Mail known to be legitimate.")
    Path ham;

    @Option(names = "--list", description = "Also list missed phishing and flagged legitimate mail with their signals.")
    boolean list;

    @Override
    public Integer call() {
        for (Path p : List.of(phish, ham)) {
            if (!Files.exists(p)) {
                throw new UsageProblem("no such file or directory: " + p);
            }
        }
        EmailTriage triage = options.triage();
        Evaluation eval = new Evaluation();
        MailReader reader = new MailReader();
        reader.read(List.of(phish.toString()), item -> record(eval, triage, true, item));
        reader.read(List.of(ham.toString()), item -> record(eval, triage, false, item));
        System.out.print(eval.report());
        if (list) {
            System.out.println("\nmissed phishing:");
            eval.missedPhish().forEach(s -> System.out.println("  " + TerminalText.escape(s)));
            System.out.println("\nflagged legitimate:");
            eval.flaggedHam().forEach(s -> System.out.println("  " + TerminalText.escape(s)));
        }
        return eval.phishTotal() + eval.hamTotal() == 0 ? ExitCodes.INPUT : ExitCodes.OK;
    }

    private static void record(Evaluation eval, EmailTriage triage, boolean phish, org.tocsin.email.read.MailItem item) {
        if (!item.ok()) {
            eval.addUnreadable(phish, item.source());
            return;
        }
        try {
            eval.add(phish, item.source(), triage.triage(item.message()));
        } catch (org.tocsin.email.triage.TriageException e) {
            eval.addUnreadable(phish, item.source());
        }
    }
}
