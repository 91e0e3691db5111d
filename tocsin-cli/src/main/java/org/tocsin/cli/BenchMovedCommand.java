package org.tocsin.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code tocsin <noun> bench}, hidden: the bench commands and JMH live in tocsin-bench's own jar so that the shipped
 * {@code tocsin.jar} carries neither. Whoever types the command from before (docs, scripts, habit) is told where it
 * went rather than shown a usage error.
 */
@Command(name = "bench", hidden = true, description = "Moved to tocsin-bench (docs/performance.md).")
final class BenchMovedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Whatever followed {@code bench}: the moved command's own options, not this one's to judge. */
    @Unmatched
    List<String> rest = new ArrayList<>();

    @Override
    public Integer call() {
        String noun = spec.parent().name();
        System.err.println("tocsin: the bench commands live in tocsin-bench, outside the shipped jar: run bench/tocsin-bench " + noun
                + " bench (or java -jar tocsin-bench/target/tocsin-bench.jar " + noun + " bench); see docs/performance.md");
        return ExitCodes.USAGE;
    }
}
