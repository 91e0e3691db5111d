package org.tocsin.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tocsin.site.CopyCheck;
import org.tocsin.site.ReferenceCopies;
import org.tocsin.site.assess.SiteRecords;
import org.tocsin.site.rules.Certificates;
import org.tocsin.site.rules.Registrations;
import org.tocsin.text.NearDuplicates;
import org.tocsin.text.ReferenceCorpus;
import org.tocsin.text.TerminalText;
import picocli.CommandLine.Option;

/** What site assessment can be given besides the archives, for {@code sites assess} and {@code scan} alike. */
final class SiteOptions {
    @Option(names = "--reference", paramLabel = "PATH",
            description = "Real articles to detect copies and rewrites of: a directory of .txt/.html files or a .jsonl file ({id, url, title, text}).")
    Path reference;

    @Option(names = "--registrations", paramLabel = "PATH",
            description = "RDAP domain responses (JSON, one per file or per line) or WHOIS records, a file or a directory: how old each site's domain is.")
    Path registrations;

    @Option(names = "--certificates", paramLabel = "PATH",
            description = "TLS certificates: PEM or DER files, or crt.sh JSON answers, a file or a directory: sites one certificate covers are one network.")
    Path certificates;

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
        corpus.problems().forEach(p -> System.err.println("tocsin: reference " + TerminalText.escape(p.where()) + ": "
                + TerminalText.escape(p.reason())));
        return new ReferenceCopies(NearDuplicates.builder().addAll(corpus.articles()).build());
    }

    /** Registrations and certificates, each bad record reported and skipped. */
    SiteRecords records() {
        return new SiteRecords(registrations(), certificates());
    }

    private List<Certificates.Certificate> certificates() {
        if (certificates == null) {
            return List.of();
        }
        try {
            Certificates.Read read = Certificates.read(certificates);
            read.problems().forEach(p -> System.err.println("tocsin: certificates " + TerminalText.escape(p)));
            return read.certificates();
        } catch (IOException e) {
            throw new UsageProblem("cannot read certificates " + certificates + ": " + e.getMessage());
        }
    }

    private Map<String, Registrations.Registration> registrations() {
        if (registrations == null) {
            return Map.of();
        }
        try {
            Registrations.Read read = Registrations.read(registrations);
            read.problems().forEach(p -> System.err.println("tocsin: registrations " + TerminalText.escape(p)));
            return read.byDomain();
        } catch (IOException e) {
            throw new UsageProblem("cannot read registrations " + registrations + ": " + e.getMessage());
        }
    }
}
