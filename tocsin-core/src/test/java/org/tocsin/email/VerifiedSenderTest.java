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
import org.tocsin.profile.Profile;
import org.tocsin.reference.ReferenceData;
import org.tocsin.signal.Scorer;
import org.tocsin.signal.Verdict;

/** A provider's real security alert, verified by the defender's own mail server, is not phishing. */
class VerifiedSenderTest {
    private final EmailTriage triage = new EmailTriage(new EmailContext(
            new Profile(List.of(), List.of(), List.of(), List.of("mx.example.org"), List.of()), ReferenceData.bundled()),
            new Scorer(EmailTriage.DEFAULT_THRESHOLDS));

    private TriageResult triage(String authResults, String fromDomain) {
        String mail = (authResults == null ? "" : "Authentication-Results: " + authResults + "\r\n")
                + "From: Google <no-reply@" + fromDomain + ">\r\nTo: a@example.org\r\n"
                + "Subject: Security alert\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n"
                + "New sign-in on Windows. We noticed a new sign-in to your Google Account. If this was you, you"
                + " don't need to do anything. If not, we'll help you secure your account. Review unusual sign-in"
                + " activity: https://myaccount.google.com/notifications\r\n";
        List<MailItem> items = new ArrayList<>();
        new MailReader().read(new ByteArrayInputStream(mail.getBytes(StandardCharsets.UTF_8)), "alert", items::add);
        return triage.triage(items.get(0).message()).get(0);
    }

    @Test
    void verifiedProviderAlertIsClean() {
        TriageResult r = triage("mx.example.org; spf=pass smtp.mailfrom=accounts.google.com; dkim=pass"
                + " header.d=accounts.google.com; dmarc=pass header.from=accounts.google.com", "accounts.google.com");
        assertThat(r.assessment().verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(r.assessment().signals()).extracting(s -> s.id()).contains("EMAIL_VERIFIED_KNOWN_SENDER");
    }

    @Test
    void theSameWordsFromALookalikeAreNot() {
        TriageResult r = triage("mx.example.org; spf=pass smtp.mailfrom=google-accounts-alert.com; dmarc=pass"
                + " header.from=google-accounts-alert.com", "google-accounts-alert.com");
        assertThat(r.assessment().verdict()).isNotEqualTo(Verdict.CLEAN);
        assertThat(r.assessment().signals()).extracting(s -> s.id()).doesNotContain("EMAIL_VERIFIED_KNOWN_SENDER");
    }

    @Test
    void anAbsentHeaderProvesNothing() {
        TriageResult r = triage(null, "accounts.google.com");
        assertThat(r.assessment().signals()).extracting(s -> s.id())
                .doesNotContain("EMAIL_VERIFIED_KNOWN_SENDER", "EMAIL_AUTH_ALIGNED_PASS");
    }
}
