package org.tocsin.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.email.read.MailItem;
import org.tocsin.email.read.MailReader;
import org.tocsin.email.triage.EmailTriage;
import org.tocsin.email.triage.TriageResult;
import org.tocsin.profile.Contact;
import org.tocsin.profile.Organization;
import org.tocsin.profile.OrganizationKind;
import org.tocsin.profile.Profile;
import org.tocsin.reference.ReferenceData;
import org.tocsin.signal.Scorer;
import org.tocsin.signal.Verdict;

/** Staff forward suspicious mail inline; the original is judged, and a forged "report" is judged too. */
class ReportTriageTest {
    private static final String FORWARD = "\r\n________________________________\r\n"
            + "From: Prize Desk <winner@prizes-desk.example>\r\nSent: Monday, 2 January 2023 18:23\r\n"
            + "To: staff@examplecampaign.org\r\nSubject: Congratulations\r\n\r\n"
            + "Congratulations, you have been selected! Claim your prize within 24 hours.\r\n";
    private final EmailTriage triage = new EmailTriage(new EmailContext(new Profile(List.of(new Organization(
            "Example Campaign", OrganizationKind.CAMPAIGN, List.of("examplecampaign.org"), List.of())), List.of(),
            List.of(new Contact("John Smith", List.of("jsmith@news.example"), null)), List.of(), List.of()),
            ReferenceData.bundled()), new Scorer(EmailTriage.DEFAULT_THRESHOLDS));

    private List<TriageResult> triage(String extraHeaders, String from) {
        String mail = extraHeaders + "From: " + from + "\r\nTo: security@examplecampaign.org\r\nSubject: Fw: Congratulations\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n" + FORWARD;
        List<MailItem> items = new ArrayList<>();
        new MailReader().read(new ByteArrayInputStream(mail.getBytes(StandardCharsets.UTF_8)), "report.eml", items::add);
        return triage.triage(items.get(0).message());
    }

    @Test
    void aColleaguesInlineForwardIsJudgedAsTheOriginal() {
        List<TriageResult> results = triage("", "Staff <staff@examplecampaign.org>");
        assertThat(results).hasSize(1);
        TriageResult r = results.get(0);
        assertThat(r.reporter()).isEqualTo("staff@examplecampaign.org");
        assertThat(r.from().address()).isEqualTo("winner@prizes-desk.example");
        assertThat(r.assessment().verdict()).isNotEqualTo(Verdict.CLEAN);
    }

    @Test
    void anOutsiderForwardIsJudgedItself() {
        List<TriageResult> results = triage("", "Someone <someone@elsewhere.example>");
        assertThat(results).hasSize(1);
        assertThat(results.get(0).reporter()).isNull();
        assertThat(results.get(0).from().address()).isEqualTo("someone@elsewhere.example");
    }

    @Test
    void aReportThatCameFromOutsideIsJudgedToo() {
        // our own address in From, but the envelope sender is someone else's: the wrapper itself is suspect
        List<TriageResult> results = triage("Return-Path: <bulk@sender.example>\r\n", "Staff <staff@examplecampaign.org>");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).reporter()).isNull();
        assertThat(results.get(0).assessment().signals()).extracting(s -> s.id()).contains("EMAIL_RETURN_PATH_MISMATCH");
        assertThat(results.get(1).reporter()).isEqualTo("staff@examplecampaign.org");
    }

    @Test
    void aContactsReplyQuotingMailIsJudgedItself() {
        List<TriageResult> results = triage("", "John Smith <jsmith@news.example>");
        assertThat(results).hasSize(1);
        assertThat(results.get(0).reporter()).isNull();
        assertThat(results.get(0).from().address()).isEqualTo("jsmith@news.example");
    }
}
