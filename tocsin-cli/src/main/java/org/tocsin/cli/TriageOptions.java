package org.tocsin.cli;

import org.tocsin.email.EmailContext;
import org.tocsin.email.triage.EmailTriage;
import org.tocsin.profile.Profile;
import org.tocsin.reference.ReferenceData;
import org.tocsin.signal.Scorer;
import org.tocsin.signal.Thresholds;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by every command that triages mail. */
public final class TriageOptions {
    @Mixin
    ProfileOption profile = new ProfileOption();

    @Option(names = "--suspicious-at", paramLabel = "SCORE",
            description = "Score at which a message is suspicious (default: 3.5).")
    double suspicious = EmailTriage.DEFAULT_THRESHOLDS.suspicious();

    @Option(names = "--malicious-at", paramLabel = "SCORE",
            description = "Score at which a message is malicious (default: 8).")
    double malicious = EmailTriage.DEFAULT_THRESHOLDS.malicious();

    public EmailTriage triage() {
        Profile p = profile.load();
        Thresholds t;
        try {
            t = new Thresholds(suspicious, malicious);
        } catch (IllegalArgumentException e) {
            throw new UsageProblem(e.getMessage());
        }
        try {
            return new EmailTriage(new EmailContext(p, ReferenceData.bundled()), new Scorer(t));
        } catch (IllegalArgumentException e) {
            throw new UsageProblem(profile.describe() + ": " + e.getMessage()); // e.g. a brand that is no label
        }
    }
}
