package org.tocsin.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.tocsin.email.EmailContext;
import org.tocsin.email.EmailTriage;
import org.tocsin.profile.Profile;
import org.tocsin.profile.ProfileLoader;
import org.tocsin.reference.ReferenceData;
import org.tocsin.signal.Scorer;
import org.tocsin.signal.Thresholds;
import picocli.CommandLine.Option;

/** Options shared by every command that triages mail. */
final class TriageOptions {
    /** Default cut-offs; docs/email-triage.md explains how they were chosen. */
    static final double DEFAULT_SUSPICIOUS = 4;
    static final double DEFAULT_MALICIOUS = 8;

    @Option(names = "--profile", paramLabel = "FILE",
            description = "Protected profile (YAML): organisations, people, contacts, trusted authserv-ids.")
    Path profile;

    @Option(names = "--suspicious-at", paramLabel = "SCORE", defaultValue = "4",
            description = "Score at which a message is suspicious (default: ${DEFAULT-VALUE}).")
    double suspicious = DEFAULT_SUSPICIOUS;

    @Option(names = "--malicious-at", paramLabel = "SCORE", defaultValue = "8",
            description = "Score at which a message is malicious (default: ${DEFAULT-VALUE}).")
    double malicious = DEFAULT_MALICIOUS;

    EmailTriage triage() {
        Profile p;
        try {
            p = profile == null ? Profile.empty() : ProfileLoader.load(profile);
        } catch (IOException e) {
            throw new UsageProblem(e.getMessage());
        }
        Thresholds t;
        try {
            t = new Thresholds(suspicious, malicious);
        } catch (IllegalArgumentException e) {
            throw new UsageProblem(e.getMessage());
        }
        return new EmailTriage(new EmailContext(p, ReferenceData.bundled()), new Scorer(t));
    }
}
