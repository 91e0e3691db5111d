package org.tocsin.email.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tocsin.email.MailMessage;

class InlineForwardTest {
    private static MailMessage forward(String body) {
        String mail = "From: Staff <staff@example.org>\r\nTo: security@example.org\r\nSubject: Fw: look at this\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body;
        List<MailItem> items = new ArrayList<>();
        new MailReader().read(new ByteArrayInputStream(mail.getBytes(StandardCharsets.UTF_8)), "fwd.eml", items::add);
        return items.get(0).message();
    }

    @Test
    void outlookInPortuguese() {
        Optional<MailMessage> inner = InlineForward.unwrap(forward("\r\n________________________________\r\n"
                + "De: FIGUR Weight Loss <yapaetywosfi@yapaetywosfi.example>\r\n"
                + "Enviado: segunda-feira, 16 de janeiro de 2023 11:51\r\n"
                + "Para: staff@example.org <staff@example.org>\r\n"
                + "Assunto: Amazing Sale! Get This Diet Product\r\n\r\nAmazing sale, today only.\r\n"));
        assertThat(inner).isPresent();
        assertThat(inner.get().from().address()).isEqualTo("yapaetywosfi@yapaetywosfi.example");
        assertThat(inner.get().subject()).isEqualTo("Amazing Sale! Get This Diet Product");
        assertThat(inner.get().text().strip()).isEqualTo("Amazing sale, today only.");
        assertThat(inner.get().evidence().source()).isEqualTo("fwd.eml/inline-forward");
        assertThat(inner.get().problems()).anyMatch(p -> p.contains("inline forward"));
    }

    @Test
    void gmail() {
        Optional<MailMessage> inner = InlineForward.unwrap(forward("fyi\r\n\r\n---------- Forwarded message ---------\r\n"
                + "From: Medicare Plan <info@chiplines.example>\r\nDate: Mon, Mar 6, 2023 at 7:13 AM\r\n"
                + "Subject: Welcome to Medicare 2023\r\nTo: <someone@example.org>\r\n\r\nYour plan awaits.\r\n"));
        assertThat(inner).isPresent();
        assertThat(inner.get().from().domain()).isEqualTo("chiplines.example");
        assertThat(inner.get().to()).extracting(a -> a.address()).containsExactly("someone@example.org");
    }

    @Test
    void aNameWithoutAnAddressGivesNothingToJudge() {
        assertThat(InlineForward.unwrap(forward("From: BAUDOUIN Aurelien\r\nSent: Wednesday, April 2, 2025\r\n"
                + "Subject: FYI GRANT.\r\n\r\nHumanitarian Cash Grant.\r\n"))).isEmpty();
    }

    @Test
    void aQuotedConversationFarDownIsNotAForward() {
        assertThat(InlineForward.unwrap(forward("Thanks, see below.\r\n" + "Some discussion.\r\n".repeat(300)
                + "From: Old <old@example.net>\r\nSent: Monday\r\nSubject: earlier\r\n\r\ntext\r\n"))).isEmpty();
        assertThat(InlineForward.unwrap(forward("Just a note with no forward at all.\r\n"))).isEmpty();
    }
}
