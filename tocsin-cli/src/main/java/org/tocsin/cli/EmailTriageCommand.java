package org.tocsin.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tocsin.email.read.MailReader;
import org.tocsin.email.triage.EmailTriage;
import org.tocsin.email.triage.TriageException;
import org.tocsin.email.triage.TriageResult;
import org.tocsin.signal.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "triage", mixinStandardHelpOptions = true,
        description = {"Give each message a verdict with every signal behind it, the indicators to block and the"
                + " ATT&CK techniques.",
                "PATH may be an .eml, .msg or mbox file, a Maildir or any directory (recursive, links followed), or - for stdin."})
final class EmailTriageCommand implements Callable<Integer> {
    @Mixin
    TriageOptions options = new TriageOptions();

    @Option(names = "--json", description = "One JSON object per message on stdout (JSON Lines).")
    boolean json;

    @Option(names = "--fail-on", paramLabel = "VERDICT",
            description = "Exit with 1 when any message is at least this bad: suspicious or malicious.")
    String failOn;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Mail to triage.")
    List<String> paths;

    @Override
    public Integer call() {
        Verdict failVerdict = failOn == null ? null : parseVerdict(failOn);
        EmailTriage triage = options.triage();
        PrintStream stdout = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        TriageOutput output = new TriageOutput(stdout, json);
        int[] read = {0};
        int[] failed = {0};
        boolean[] hit = {false};
        new MailReader().read(paths, item -> {
            if (!item.ok()) {
                failed[0]++;
                output.error(item.source(), item.error());
                return;
            }
            read[0]++;
            List<TriageResult> results;
            try {
                results = triage.triage(item.message());
            } catch (TriageException e) {
                output.error(item.source(), e.getMessage());
                return;
            }
            for (TriageResult r : results) {
                output.result(r);
                if (failVerdict != null && r.assessment().verdict().ordinal() <= failVerdict.ordinal()) {
                    hit[0] = true;
                }
            }
            stdout.flush();
        });
        stdout.flush();
        if (read[0] == 0) {
            System.err.println("tocsin: no message could be read" + (failed[0] > 0 ? " (" + failed[0] + " unreadable)" : ""));
            return ExitCodes.INPUT;
        }
        return hit[0] ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private static Verdict parseVerdict(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "suspicious" -> Verdict.SUSPICIOUS;
            case "malicious" -> Verdict.MALICIOUS;
            default -> throw new UsageProblem("--fail-on takes suspicious or malicious, not " + s);
        };
    }
}
