package org.tocsin.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.email.read.MailReader;
import org.tocsin.email.triage.EmailTriage;
import org.tocsin.email.triage.Evaluation;
import org.tocsin.profile.ProfileLoader;
import org.tocsin.reference.ReferenceData;
import org.tocsin.signal.Scorer;
import org.tocsin.testing.Needs;

/**
 * Triage over the shared dev corpus (real phishing from phishing_pot, real legitimate mail from the
 * SpamAssassin corpus): every message is read and triaged without a crash, and recall and false-positive
 * rate do not fall behind what docs/email-triage.md reports. The floors below are regression guards set
 * just under the measured figures, not the targets (which docs/email-triage.md discusses).
 */
class DevCorpusTest {
    private static final Path DEV = Needs.sharedRoot().resolve("email/dev");

    @Test
    void everyMessageIsTriagedAndTheMeasuredRatesHold() throws Exception {
        Needs.sharedData("email/dev/phish");
        Needs.sharedData("email/dev/ham");
        Path root = Path.of(System.getProperty("tocsin.root", ".."));
        EmailTriage triage = new EmailTriage(
                new EmailContext(ProfileLoader.load(root.resolve("examples/profile.yaml")), ReferenceData.bundled()),
                new Scorer(EmailTriage.DEFAULT_THRESHOLDS));
        Evaluation eval = new Evaluation();
        MailReader reader = new MailReader();
        reader.read(List.of(DEV.resolve("phish").toString()), item -> record(eval, triage, true, item));
        reader.read(List.of(DEV.resolve("ham").toString()), item -> record(eval, triage, false, item));
        assertThat(eval.phishTotal()).isEqualTo(1471);
        assertThat(eval.hamTotal()).isEqualTo(2749);
        assertThat(eval.recall()).as(eval.report()).isGreaterThanOrEqualTo(RECALL_FLOOR);
        assertThat(eval.falsePositiveRate()).as(eval.report()).isLessThanOrEqualTo(FPR_CEILING);
    }

    private static void record(Evaluation eval, EmailTriage triage, boolean phish, org.tocsin.email.read.MailItem item) {
        assertThat(item.error()).as(item.source()).isNull();
        eval.add(phish, item.source(), triage.triage(item.message()));
    }

    static final double RECALL_FLOOR = 0.89;
    static final double FPR_CEILING = 0.005;
}
