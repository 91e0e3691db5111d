package org.tocsin.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tocsin.email.read.MailReader;
import org.tocsin.email.triage.EmailTriage;
import org.tocsin.email.triage.TriageResult;
import org.tocsin.profile.ProfileLoader;
import org.tocsin.reference.ReferenceData;
import org.tocsin.signal.IndicatorType;
import org.tocsin.signal.Scorer;
import org.tocsin.signal.Signal;
import org.tocsin.signal.Verdict;

/** The README tour: the bundled spear-phish come out malicious with their reasons, the legitimate mail clean. */
class ExamplesTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("tocsin.root", "..")).resolve("examples");
    private static final Map<String, TriageResult> RESULTS = new TreeMap<>();

    @BeforeAll
    static void triageExamples() throws Exception {
        EmailTriage triage = new EmailTriage(
                new EmailContext(ProfileLoader.load(EXAMPLES.resolve("profile.yaml")), ReferenceData.bundled()),
                new Scorer(EmailTriage.DEFAULT_THRESHOLDS));
        new MailReader().read(List.of(EXAMPLES.resolve("mail").toString()), item -> {
            assertThat(item.error()).as(item.source()).isNull();
            for (TriageResult r : triage.triage(item.message())) {
                RESULTS.put(EXAMPLES.relativize(Path.of(r.evidence().source().replaceAll("#\\d+$", ""))) + suffix(r), r);
            }
        });
    }

    private static String suffix(TriageResult r) {
        String s = r.evidence().source();
        int hash = s.lastIndexOf('#');
        return hash > 0 && s.substring(hash + 1).matches("\\d+") ? s.substring(hash) : "";
    }

    private static List<String> ids(TriageResult r) {
        List<String> ids = new ArrayList<>();
        for (Signal s : r.assessment().signals()) {
            ids.add(s.id());
        }
        return ids;
    }

    @Test
    void theTourSpearPhishIsMaliciousWithEverySignalExplained() {
        TriageResult r = RESULTS.get("mail/phish/apt42-interview-lure.eml");
        assertThat(r.assessment().verdict()).isEqualTo(Verdict.MALICIOUS);
        assertThat(ids(r)).contains("EMAIL_DISPLAY_NAME_SPOOF", "EMAIL_SENDER_LOOKALIKE_DOMAIN",
                "EMAIL_LINK_TEXT_MISMATCH", "EMAIL_LINK_ABUSED_HOSTING", "EMAIL_REPLY_TO_MISMATCH", "EMAIL_INTERVIEW_LURE");
        for (Signal s : r.assessment().signals()) {
            assertThat(s.evidence()).as(s.id()).isNotBlank();
            assertThat(s.technique()).as(s.id()).matches("T\\d{4}(\\.\\d{3})?");
        }
        assertThat(r.indicators()).anyMatch(i -> i.type() == IndicatorType.DOMAIN && i.value().equals("washingtonpost-news.com"));
        assertThat(r.indicators()).anyMatch(i -> i.type() == IndicatorType.URL && i.value().contains("sites.google.com"));
        assertThat(r.indicators()).noneMatch(i -> i.value().equals("washingtonpost.com") || i.value().equals("gmail.com"));
    }

    @Test
    void everySpearPhishIsFlaggedAndEveryLegitimateMessageIsClean() {
        RESULTS.forEach((name, r) -> {
            boolean phish = name.startsWith("mail/phish/") || name.equals("mail/mbox/reported-2024-10.mbox#1");
            if (phish) {
                assertThat(r.assessment().verdict()).as(name).isNotEqualTo(Verdict.CLEAN);
            } else {
                assertThat(r.assessment().verdict()).as(name).isEqualTo(Verdict.CLEAN);
                assertThat(r.indicators()).as(name).isEmpty();
            }
        });
        assertThat(RESULTS).hasSizeGreaterThanOrEqualTo(14);
    }

    @Test
    void aForwardedReportIsTriagedAsTheMessageItCarries() {
        TriageResult r = RESULTS.entrySet().stream().filter(e -> e.getKey().contains("forwarded-report"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        assertThat(r.evidence().source()).endsWith("/attached[1]");
        assertThat(r.reporter()).endsWith("@examplecampaign.org");
        assertThat(ids(r)).contains("EMAIL_DISPLAY_NAME_SPOOF", "EMAIL_REPLY_TO_MISMATCH");
    }

    @Test
    void forgedAuthenticationResultsFromUntrustedServersAreIgnored() {
        TriageResult r = RESULTS.get("mail/phish/account-security-alert.eml");
        // the trusted server's softfail counts; the forged "mx.microsoft.com ... pass" lower down does not
        assertThat(r.assessment().signals()).extracting(Signal::id).contains("EMAIL_AUTH_SPF_FAIL")
                .doesNotContain("EMAIL_AUTH_ALIGNED_PASS");
        assertThat(r.assessment().signals()).filteredOn(s -> s.id().startsWith("EMAIL_AUTH_"))
                .allMatch(s -> s.evidence().contains("mx.examplecampaign.org") && !s.evidence().contains("mx.microsoft.com"));
    }
}
