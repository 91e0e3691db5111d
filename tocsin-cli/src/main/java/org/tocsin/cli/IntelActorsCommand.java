package org.tocsin.cli;

import java.util.concurrent.Callable;
import org.tocsin.intel.KnownIndicator;
import org.tocsin.intel.KnownIndicators;
import org.tocsin.intel.ThreatActor;
import org.tocsin.intel.ThreatActors;
import org.tocsin.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tocsin intel actors [NAME]}: the actors, or one actor by any of its names. */
@Command(name = "actors", mixinStandardHelpOptions = true,
        description = {"List the threat actors Tocsin knows, or show one by any name (APT42, Mint Sandstorm, TA453 …)."})
final class IntelActorsCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
        ThreatActors actors = ThreatActors.bundled();
        if (name == null) {
            for (ThreatActor a : actors.all()) {
                System.out.printf("%-17s %-18s %s  %s%n", a.id(), a.name(), a.country(),
                        String.join(", ", a.aliases().subList(0, Math.min(4, a.aliases().size()))));
            }
            return ExitCodes.OK;
        }
        ThreatActor a = actors.resolve(name).orElseThrow(() -> new UsageProblem("no actor is called '" + TerminalText.escape(name)
                + "' (tocsin intel actors lists them)"));
        System.out.println(a.name() + " (" + a.id() + ", " + a.country() + ")");
        System.out.println("  also known as: " + String.join(", ", a.aliases()));
        System.out.println("  " + a.description());
        System.out.println("  techniques: " + (a.techniques().isEmpty() ? "none recorded" : String.join(" ", a.techniques())));
        for (KnownIndicator k : KnownIndicators.bundled()) {
            if (a.id().equals(k.actor())) {
                System.out.println("  known: " + k.observed().type() + " " + k.observed().value() + " (" + k.confidence() + ", " + k.source() + ")");
            }
        }
        a.references().forEach(r -> System.out.println("  see: " + r));
        return ExitCodes.OK;
    }
}
