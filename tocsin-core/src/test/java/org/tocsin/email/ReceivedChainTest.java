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
import org.tocsin.profile.Profile;
import org.tocsin.reference.ReferenceData;
import org.tocsin.signal.Scorer;

/**
 * Exchange Online stamps Authentication-Results without an authserv-id; the profile's trusted relays make
 * its stamp evidence by position, and only its stamp: a header the sender wrote lies below the border.
 */
class ReceivedChainTest {
    private static final String MICROSOFT_STAMP = "Authentication-Results: spf=fail (sender IP is 203.0.113.9)"
            + " smtp.mailfrom=bank.example; dkim=none (message not signed) header.d=none;dmarc=fail action=none"
            + " header.from=bank.example;compauth=fail reason=001\r\n";
    private static final String INTERNAL_HOPS = "Received: from SJ0P223MB0590.NAMP223.PROD.OUTLOOK.COM (2603:10b6:a03:47e::10)"
            + " by LV3P223MB0968.NAMP223.PROD.OUTLOOK.COM with HTTPS; Fri, 23 Feb 2024 18:18:54 +0000\r\n"
            + "Received: from DB5EUR02FT033.eop-EUR02.prod.protection.outlook.com (2603:10a6:10:3c2:cafe::92) by"
            + " DUZPR01CA0067.outlook.office365.com (2603:10a6:10:3c2::6) with Microsoft SMTP Server; Fri, 23 Feb 2024\r\n";
    private static final String BORDER = "Received: from islandslowly.example (203.0.113.9) by"
            + " DB5EUR02FT033.mail.protection.outlook.com (10.13.58.105) with Microsoft SMTP Server; Fri, 23 Feb 2024\r\n";
    private static final String FORGED_PASS = "Authentication-Results: spf=pass smtp.mailfrom=bank.example; dkim=pass"
            + " header.d=bank.example; dmarc=pass header.from=bank.example\r\n";
    private static final String BODY = "From: Bank <alerts@bank.example>\r\nTo: a@example.org\r\nSubject: Statement\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nYour statement is ready.\r\n";

    private static MailMessage read(String mail) {
        List<MailItem> items = new ArrayList<>();
        new MailReader().read(new ByteArrayInputStream(mail.getBytes(StandardCharsets.UTF_8)), "m", items::add);
        return items.get(0).message();
    }

    private static List<String> signals(String mail, List<String> relays) {
        EmailTriage triage = new EmailTriage(new EmailContext(new Profile(List.of(), List.of(), List.of(), List.of(),
                List.of(), relays), ReferenceData.bundled()), new Scorer(EmailTriage.DEFAULT_THRESHOLDS));
        return triage.triage(read(mail)).get(0).assessment().signals().stream().map(s -> s.id()).toList();
    }

    @Test
    void theBorderIsTheFirstHopFromOutside() {
        MailMessage m = read(INTERNAL_HOPS + MICROSOFT_STAMP + BORDER + BODY);
        int border = ReceivedChain.trustedPrefix(m.headers(), h -> ReceivedChain.isUnder(h, "outlook.com")
                || ReceivedChain.isUnder(h, "office365.com"));
        assertThat(m.headers().get(border).value()).contains("islandslowly.example");
        assertThat(m.headers().subList(0, border)).extracting(HeaderField::name).contains("Authentication-Results");
    }

    @Test
    void aStampAboveTheBorderIsBelieved() {
        assertThat(signals(INTERNAL_HOPS + MICROSOFT_STAMP + BORDER + BODY, List.of("outlook.com", "office365.com")))
                .contains("EMAIL_AUTH_DMARC_FAIL", "EMAIL_AUTH_SPF_FAIL");
    }

    @Test
    void withoutTrustedRelaysTheStampIsNot() {
        assertThat(signals(INTERNAL_HOPS + MICROSOFT_STAMP + BORDER + BODY, List.of()))
                .doesNotContain("EMAIL_AUTH_DMARC_FAIL", "EMAIL_AUTH_SPF_FAIL");
    }

    @Test
    void aHeaderTheSenderWroteBelowTheBorderIsIgnored() {
        assertThat(signals(INTERNAL_HOPS + BORDER + FORGED_PASS + BODY, List.of("outlook.com", "office365.com")))
                .doesNotContain("EMAIL_AUTH_ALIGNED_PASS");
    }

    @Test
    void aTopHopByAnUntrustedServerTrustsNothing() {
        MailMessage m = read("Received: from a.example by mx.other.example; Fri, 23 Feb 2024\r\n" + MICROSOFT_STAMP
                + BORDER + BODY);
        assertThat(ReceivedChain.trustedPrefix(m.headers(), h -> ReceivedChain.isUnder(h, "outlook.com"))).isZero();
    }

    @Test
    void relayNamesMatchWholeLabels() {
        assertThat(ReceivedChain.isUnder("mx1.outlook.com", "outlook.com")).isTrue();
        assertThat(ReceivedChain.isUnder("outlook.com", "outlook.com")).isTrue();
        assertThat(ReceivedChain.isUnder("evil-outlook.com", "outlook.com")).isFalse();
    }
}
