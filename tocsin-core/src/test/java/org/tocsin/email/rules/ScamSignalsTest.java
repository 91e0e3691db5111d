package org.tocsin.email.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.email.EmailContext;
import org.tocsin.email.read.MailItem;
import org.tocsin.email.read.MailReader;
import org.tocsin.email.triage.EmailTriage;
import org.tocsin.profile.Profile;
import org.tocsin.reference.ReferenceData;
import org.tocsin.signal.Scorer;

/** The signals of mass scams: who sends them, and what they offer. */
class ScamSignalsTest {
    private final EmailTriage triage = new EmailTriage(new EmailContext(Profile.empty(), ReferenceData.bundled()),
            new Scorer(EmailTriage.DEFAULT_THRESHOLDS));

    private List<String> signals(String from, String subject, String body) {
        String mail = "From: " + from + "\r\nTo: a@example.org\r\nSubject: " + subject + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/html; charset=utf-8\r\n\r\n" + body + "\r\n";
        List<MailItem> items = new ArrayList<>();
        new MailReader().read(new ByteArrayInputStream(mail.getBytes(StandardCharsets.UTF_8)), "m", items::add);
        return triage.triage(items.get(0).message()).get(0).assessment().signals().stream().map(s -> s.id()).toList();
    }

    @Test
    void anOrganisationNamedInNoDomainOfTheMessage() {
        assertThat(signals("UnitedHealthcare Member Services <uhc@loyaltyrewardsprogram.example>", "A gift",
                "<p>A thank-you gift</p><a href=\"http://trackinho.example/4liqnP807\">Claim</a>"))
                .contains("EMAIL_SENDER_NAME_UNRELATED");
        assertThat(signals("Acme Member Services <news@acme.example>", "A gift",
                "<p>A thank-you gift</p><a href=\"https://www.acme.example/gift\">Claim</a>"))
                .doesNotContain("EMAIL_SENDER_NAME_UNRELATED");
        // the name appears in a link: a brand mailing through its own click tracker
        assertThat(signals("Acme Member Services <news@mailer.example>", "A gift",
                "<p>A thank-you gift</p><a href=\"https://click.acme.example/x\">Claim</a>"))
                .doesNotContain("EMAIL_SENDER_NAME_UNRELATED");
        // people are not organisations
        assertThat(signals("Jane Roe <jane@mailer.example>", "Lunch", "<p>Lunch on Friday?</p>"))
                .doesNotContain("EMAIL_SENDER_NAME_UNRELATED");
    }

    @Test
    void aPaddedBrandDomainAndAGeneratedMailbox() {
        assertThat(signals("Omaha Steaks <info@omahasteaksuqo.example>", "Your reward", "<p>Claim your reward</p>"))
                .contains("EMAIL_SENDER_PADDED_BRAND_DOMAIN");
        assertThat(signals("Rate Kick <JPvgzLn@deck.example>", "Compare rates", "<p>Compare rates in minutes</p>"))
                .contains("EMAIL_SENDER_GENERATED_MAILBOX");
    }

    @Test
    void scamOffers() {
        assertThat(signals("Deals <deals@shop.example>", "Tonight", "<p>Get 200 free spins at our casino</p>"))
                .contains("EMAIL_SCAM_OFFER_LURE");
        assertThat(signals("Deals <deals@shop.example>", "Save", "<p>Get your free quote for solar panels today</p>"))
                .contains("EMAIL_SCAM_OFFER_LURE");
        assertThat(signals("Deals <deals@shop.example>", "Minutes", "<p>The committee met on Tuesday.</p>"))
                .doesNotContain("EMAIL_SCAM_OFFER_LURE");
    }

    @Test
    void aMoneyLureFromFreeMail() {
        assertThat(signals("Mrs Anna <anna.charity@gmail.com>", "Hello",
                "<p>I wish to discuss a charity foundation funding worth the sum of $6,500,000.00 for you.</p>"))
                .contains("EMAIL_ADVANCE_FEE_LURE", "EMAIL_FREEMAIL_MONEY_LURE");
        assertThat(signals("Anna <anna@charity.example>", "Hello",
                "<p>I wish to discuss a charity foundation funding worth the sum of $6,500,000.00 for you.</p>"))
                .doesNotContain("EMAIL_FREEMAIL_MONEY_LURE");
    }

    @Test
    void aRandomTagAtTheEndOfTheSendersName() {
        assertThat(ContentRules.taggedName("Jouw Douglas Cadeaucoach .WUUNM")).isEqualTo("WUUNM");
        assertThat(ContentRules.taggedName("OnlineSecurity...grEy")).isEqualTo("grEy");
        assertThat(ContentRules.taggedName("CNET News.com")).isNull();
        assertThat(ContentRules.taggedName("Example.info")).isNull();
        assertThat(ContentRules.taggedName("Jane Roe")).isNull();
    }

    @Test
    void anAddressInMathematicalLetters() {
        assertThat(signals("Kinder <gift@\uD835\uDDDE\uD835\uDDF6\uD835\uDDFB\uD835\uDDF1-shop.example>", "Hi", "<p>Hello</p>"))
                .contains("EMAIL_FROM_MALFORMED");
    }

    @Test
    void lureKindsStack() {
        assertThat(signals("Deals <deals@shop.example>", "Hi",
                "<p>Congratulations, you have been selected! Act now: claim your reward within 24 hours.</p>"))
                .contains("EMAIL_LURE_STACK");
        assertThat(signals("Deals <deals@shop.example>", "Hi", "<p>Act now, the sale ends within 24 hours.</p>"))
                .doesNotContain("EMAIL_LURE_STACK");
    }

    @Test
    void aGreetingByAddress() {
        assertThat(ContentRules.greetsByAddress("hallo a@example.org! je bent er", "a@example.org")).isTrue();
        assertThat(ContentRules.greetsByAddress("dear a@example.org we have news", "a@example.org")).isTrue();
        assertThat(ContentRules.greetsByAddress("this notice was sent to a@example.org because you subscribed",
                "a@example.org")).isFalse();
    }

    @Test
    void aGovernmentNameOffAGovernmentDomain() {
        assertThat(signals("U.S. Federal Court System <survey@qp-mail.example>", "Notice", "<p>Your case file</p>"))
                .contains("EMAIL_GOVERNMENT_NAME_OFF_GOV");
        assertThat(signals("Board of Elections <info@elections.example.gov>", "Notice", "<p>Poll worker training</p>"))
                .doesNotContain("EMAIL_GOVERNMENT_NAME_OFF_GOV");
        assertThat(signals("Receita Federal <aviso@fazenda.gov.br>", "Aviso", "<p>Declaracao</p>"))
                .doesNotContain("EMAIL_GOVERNMENT_NAME_OFF_GOV");
        assertThat(signals("County Elections Office <vote@co.dakota.mn.us>", "Notice", "<p>Poll hours</p>"))
                .doesNotContain("EMAIL_GOVERNMENT_NAME_OFF_GOV");
        assertThat(signals("Department of Mathematics <math@university.example.edu>", "Seminar", "<p>Talk</p>"))
                .doesNotContain("EMAIL_GOVERNMENT_NAME_OFF_GOV");
    }

    @Test
    void someoneFromAnOrganisation() {
        assertThat(signals("Katie from Ledger <noreply@goloadup.example>", "Breach", "<p>A breach was found</p>"))
                .contains("EMAIL_SENDER_NAME_UNRELATED");
        assertThat(signals("Katie from Ledger <katie@ledger.example>", "Breach", "<p>A breach was found</p>"))
                .doesNotContain("EMAIL_SENDER_NAME_UNRELATED");
    }

    @Test
    void aPictureOnAnImageSharingSite() {
        assertThat(signals("Loans <offers@lender.example>", "Loans", "<a href=\"http://lender.example/x\">"
                + "<img src=\"https://i.imgur.com/abc123.png\"></a>")).contains("EMAIL_IMAGE_ON_SHARING_SITE");
        assertThat(signals("Loans <offers@lender.example>", "Loans", "<a href=\"http://lender.example/x\">"
                + "<img src=\"https://cdn.lender.example/abc123.png\"></a>")).doesNotContain("EMAIL_IMAGE_ON_SHARING_SITE");
    }

    @Test
    void googleHostingFromAGmailAccountIsStillHosting() {
        assertThat(signals("Score <malletflore022@gmail.com>", "Score released",
                "<a href=\"https://docs.google.com/forms/d/e/1FAIpQL/viewform\">Open</a>"))
                .contains("EMAIL_LINK_ABUSED_HOSTING");
    }
}
