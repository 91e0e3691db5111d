package org.tocsin.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.tocsin.site.CopyCheck;
import org.tocsin.site.ReferenceCopies;
import org.tocsin.site.rules.Registrations;
import org.tocsin.text.NearDuplicates;
import org.tocsin.text.ReferenceCorpus;
import picocli.CommandLine.Option;

/** What site assessment can be given besides the archives, for {@code sites assess} and {@code scan} alike. */
final class SiteOptions {
    @Option(names = "--reference", paramLabel = "PATH",
            description = "Real articles to detect copies and rewrites of: a directory of .txt/.html files or a .jsonl file ({id, url, title, text}).")
    Path reference;

    @Option(names = "--registrations", paramLabel = "PATH",
            description = "RDAP domain responses (JSON, one per file or per line) or WHOIS records, a file or a directory: how old each site's domain is.")
    Path registrations;

    /** The reference corpus as an index, or no copy check without one; a bad corpus item is reported and skipped. */
    CopyCheck copyCheck() {
        if (reference == null) {
            return CopyCheck.NONE;
        }
        ReferenceCorpus corpus;
        try {
            corpus = ReferenceCorpus.read(reference);
        } catch (IOException e) {
            throw new UsageProblem("cannot read reference corpus " + reference + ": " + e.getMessage());
        }
        corpus.problems().forEach(p -> System.err.println("tocsin: reference " + p.where() + ": " + p.reason()));
        return new ReferenceCopies(NearDuplicates.builder().addAll(corpus.articles()).build());
    }

    Map<String, Registrations.Registration> registrations() {
        if (registrations == null) {
            return Map.of();
        }
        try {
            Registrations.Read read = Registrations.read(registrations);
            read.problems().forEach(p -> System.err.println("tocsin: registrations " + p));
            return read.byDomain();
        } catch (IOException e) {
            throw new UsageProblem("cannot read registrations " + registrations + ": " + e.getMessage());
        }
    }
}
