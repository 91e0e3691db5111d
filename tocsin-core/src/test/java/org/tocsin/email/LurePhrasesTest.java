package org.tocsin.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tocsin.email.read.MailReader;
import org.tocsin.text.TextFold;

/** The three-character prefix index finds exactly what trying every phrase at every word finds. */
class LurePhrasesTest {
    private final LurePhrases phrases = LurePhrases.bundled();

    @Test
    void theIndexLosesNothing() throws IOException {
        List<String> texts = new ArrayList<>(List.of(
                "the fund of $4,500,000 was transferred to you, kindly reply",
                "your wallet: claim your tokens, the airdrop allocation closes within 24 hours",
                "1,234$ withdraw your +18,486$ now", "i'm mrs anna, my name is mrs anna",
                "x", "th", "you", "a1", "ja'", "e-mail", "e-", "re: paid. receipt: call +1 (866) 278-0146",
                "hallo a@b.org! get 200 free spins at our casino, hot singles near you"));
        Path examples = Path.of(System.getProperty("tocsin.root", "..")).resolve("examples/mail");
        try (Stream<Path> files = Files.walk(examples)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                new MailReader().read(List.of(f.toString()), item -> {
                    if (item.message() != null) {
                        texts.add(item.message().subject() + "\n" + item.message().text() + "\n" + item.message().html());
                    }
                });
            }
        }
        for (String t : texts) {
            String folded = TextFold.fold(t);
            assertThat(phrases.findAll(folded)).as(t.length() > 80 ? t.substring(0, 80) : t)
                    .isEqualTo(phrases.findAllUnindexed(folded));
        }
    }
}
