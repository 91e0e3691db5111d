package org.tocsin.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tocsin.domain.LookalikeVariants;
import org.tocsin.domain.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "variants", mixinStandardHelpOptions = true,
        description = {"List registrable lookalikes of a domain, as dnstwist's fuzzers make them, for defensive"
                + " registration and blocklists: homoglyph, vowel-swap, repetition, transposition, omission, hyphenation,"
                + " bitsquatting, replacement, insertion, addition, dictionary, subdomain, tld-swap, various.",
                "Nothing is resolved or fetched: check registration with your registrar or RDAP."})
final class DomainsVariantsCommand implements Callable<Integer> {
    @Option(names = "--json", description = "One JSON object per variant: domain, unicode, registrable, fuzzer.")
    boolean json;

    @Option(names = "--fuzzer", paramLabel = "NAME", split = ",", description = "Only these fuzzers (comma-separated).")
    List<String> fuzzers;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100000", description = "At most N variants (default: all).")
    int limit;

    @Parameters(index = "0", paramLabel = "DOMAIN", description = "The domain to vary, e.g. washingtonpost.com.")
    String domain;

    @Override
    public Integer call() throws Exception {
        if (fuzzers != null) {
            for (String f : fuzzers) {
                if (!LookalikeVariants.FUZZERS.contains(f.toLowerCase(Locale.ROOT))) {
                    throw new UsageProblem("unknown fuzzer " + f + "; known: " + String.join(", ", LookalikeVariants.FUZZERS));
                }
            }
        }
        List<Variant> variants;
        try {
            variants = LookalikeVariants.of(domain);
        } catch (IllegalArgumentException e) {
            throw new UsageProblem(e.getMessage());
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        int shown = 0;
        for (Variant v : variants) {
            if (shown >= limit) {
                break;
            }
            if (fuzzers != null && fuzzers.stream().noneMatch(f -> f.equalsIgnoreCase(v.fuzzer()))) {
                continue;
            }
            shown++;
            if (json) {
                ObjectNode o = JsonLines.object();
                o.put("domain", v.domain());
                o.put("unicode", v.unicode());
                o.put("registrable", v.registrable());
                o.put("fuzzer", v.fuzzer());
                out.println(JsonLines.line(o));
            } else {
                out.printf(Locale.ROOT, "%-14s %s%s%n", v.fuzzer(), v.domain(), v.unicode().equals(v.domain()) ? "" : "  (" + v.unicode() + ")");
            }
        }
        out.flush();
        System.err.printf(Locale.ROOT, "tocsin: %d variants of %s%n", shown, org.tocsin.text.TerminalText.escape(domain));
        return ExitCodes.OK;
    }
}
