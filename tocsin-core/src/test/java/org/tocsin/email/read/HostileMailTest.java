package org.tocsin.email.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.tocsin.email.ArchiveEntry;
import org.tocsin.email.MailAttachment;
import org.tocsin.email.MailMessage;
import org.tocsin.evidence.Sha256;

/**
 * Hostile and broken input: every case must give a {@link MailItem} (a message or an error) without
 * throwing, with bounded memory, and say what it could not read.
 */
class HostileMailTest {
    private static final String HEAD = "From: \"Sender\" <sender@example.com>\r\nTo: victim@example.org\r\n";

    // ---------------------------------------------------------------- helpers

    /** Reads one input through the whole reader (sniffing, mbox detection, error items) as standard input. */
    private static MailItem readItem(InputStream in) {
        List<MailItem> items = new ArrayList<>();
        assertThatCode(() -> new MailReader(in).read(List.of("-"), items::add)).doesNotThrowAnyException();
        assertThat(items).hasSize(1);
        MailItem item = items.get(0);
        assertThat(item.source()).isEqualTo("-");
        assertThat(item.message() == null).isNotEqualTo(item.error() == null); // exactly one of the two
        return item;
    }

    private static MailItem readItem(byte[] bytes) {
        return readItem(new ByteArrayInputStream(bytes));
    }

    private static MailItem readItem(String latin1) {
        return readItem(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static MailMessage readMessage(String latin1) {
        MailItem item = readItem(latin1);
        assertThat(item.error()).isNull();
        return item.message();
    }

    private static MailMessage readMessage(byte[] bytes) {
        MailItem item = readItem(bytes);
        assertThat(item.error()).isNull();
        return item.message();
    }

    private static String multipart(String boundary, String subject) {
        return HEAD + "Subject: " + subject + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n";
    }

    // ---------------------------------------------------------------- truncation

    @Test
    void truncatedInTheMiddleOfABase64Attachment() {
        byte[] pdf = ("%PDF-1.4\n" + "x".repeat(3000)).getBytes(StandardCharsets.US_ASCII);
        String full = multipart("b", "truncated") + "--b\r\nContent-Type: text/plain\r\n\r\nhello body\r\n"
                + "--b\r\nContent-Type: application/pdf; name=\"x.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(pdf) + "\r\n--b--\r\n";
        // cut mid-line, mid-quantum, well inside the base64
        String cut = full.substring(0, full.indexOf("Content-Transfer-Encoding: base64") + 1500 + 3);

        MailMessage m = readMessage(cut);

        assertThat(m.subject()).isEqualTo("truncated");
        assertThat(m.text()).contains("hello body");
        assertThat(m.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("x.pdf");
            assertThat(a.magic()).isEqualTo("pdf");
            assertThat(a.size()).isPositive().isLessThan(pdf.length);
        });
        assertThat(m.evidence().size()).isEqualTo(cut.length());
    }

    @Test
    void truncatedInTheMiddleOfAHeader() {
        MailMessage m = readMessage(HEAD + "Subject: Urgent: your acc");

        assertThat(m.subject()).isEqualTo("Urgent: your acc");
        assertThat(m.from().address()).isEqualTo("sender@example.com");
        assertThat(m.text()).isEmpty();
    }

    @Test
    void truncatedInTheMiddleOfAHeaderName() {
        MailMessage m = readMessage(HEAD + "Subj");

        assertThat(m.from().address()).isEqualTo("sender@example.com");
        assertThat(m.subject()).isEmpty();
    }

    @Test
    void truncationIsRecordedAsAProblem() {
        String cut = multipart("b", "truncated") + "--b\r\nContent-Type: text/plain\r\n\r\nhello body\r\n"
                + "--b\r\nContent-Type: application/pdf; name=\"x.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAw\r\nUiAvRmlsdGVy";

        MailMessage m = readMessage(cut);

        assertThat(m.problems()).isNotEmpty();
        assertThat(m.problems()).anySatisfy(p -> assertThat(p).startsWith("Body part ended prematurely"));
    }

    // ---------------------------------------------------------------- boundaries

    @Test
    void multipartWithoutABoundaryParameterIsReadAsText() {
        MailMessage m = readMessage(HEAD + "Subject: no boundary\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nhello body\r\n--b--\r\n");

        assertThat(m.subject()).isEqualTo("no boundary");
        assertThat(m.text()).contains("hello body");
    }

    @Test
    void multipartWithoutTheClosingBoundary() {
        MailMessage m = readMessage(multipart("b", "unclosed")
                + "--b\r\nContent-Type: text/plain\r\n\r\nfirst part\r\n"
                + "--b\r\nContent-Type: text/html\r\n\r\n<p>second part</p>\r\n");

        assertThat(m.text()).contains("first part");
        assertThat(m.html()).contains("<p>second part</p>");
    }

    @Test
    void innerMultipartClosedByTheOuterBoundary() {
        MailMessage m = readMessage(multipart("outer", "nested unclosed")
                + "--outer\r\nContent-Type: multipart/alternative; boundary=\"inner\"\r\n\r\n"
                + "--inner\r\nContent-Type: text/plain\r\n\r\ninner text\r\n"
                + "--outer\r\nContent-Type: application/octet-stream; name=\"a.bin\"\r\n\r\nBINARY\r\n"
                + "--outer--\r\n");

        assertThat(m.text()).contains("inner text");
        assertThat(m.attachments()).extracting(MailAttachment::filename).containsExactly("a.bin");
    }

    @Test
    void boundaryThatNeverAppearsStillGivesAResult() {
        MailMessage m = readMessage(multipart("zzz", "wrong boundary")
                + "--b\r\nContent-Type: text/plain\r\n\r\nhello body\r\n--b--\r\n");

        assertThat(m.subject()).isEqualTo("wrong boundary");
        assertThat(m.from().address()).isEqualTo("sender@example.com");
    }

    @Test
    void boundaryThatNeverAppearsIsNotSilentlyDropped() {
        MailMessage m = readMessage(multipart("zzz", "wrong boundary")
                + "--b\r\nContent-Type: text/plain\r\n\r\nhello body\r\n--b--\r\n");

        assertThat(m.text().contains("hello body") || !m.problems().isEmpty()).isTrue();
        assertThat(m.problems()).isNotEmpty();
        assertThat(m.text()).contains("hello body");
        assertThat(m.problems()).contains("multipart boundary not found; read as text");
    }

    @Test
    void aPreambleBeforeTheFirstPartIsNotText() {
        MailMessage m = readMessage(multipart("b", "preamble")
                + "This is a multi-part message in MIME format.\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nhello body\r\n--b--\r\n");

        assertThat(m.text()).isEqualTo("hello body");
        assertThat(m.problems()).isEmpty();
    }

    // ---------------------------------------------------------------- address headers

    @Test
    void rawUtf8SubjectIsRead() {
        MailMessage m = readMessage("From: a@example.com\r\nSubject: \u00dcberweisung \u0418\u0432\u0430\u043d\r\n\r\nx\r\n"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(m.subject()).isEqualTo("\u00dcberweisung \u0418\u0432\u0430\u043d");
    }

    @Test
    void rawUtf8DisplayNameCannotForgeTheFromAddress() {
        MailMessage m = readMessage(("From: \u013cceo@bank.example\u013e <attacker@evil.example>\r\n"
                + "To: victim@example.org\r\nSubject: hi\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8));

        assertThat(m.from().address()).isEqualTo("attacker@evil.example");
        assertThat(m.fromDomain()).isEqualTo("evil.example");
    }

    @Test
    void rawUtf8DisplayNamesAreKept() {
        MailMessage m = readMessage(("From: \u041f\u0430\u0443\u0420\u0430\u0406 Support <service@paypal-verify.example>\r\n"
                + "Reply-To: \"\u0418\u0432\u0430\u043d\" <ivan@example.com>\r\nSubject: hi\r\n\r\nbody\r\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(m.from().displayName()).isEqualTo("\u041f\u0430\u0443\u0420\u0430\u0406 Support");
        assertThat(m.from().address()).isEqualTo("service@paypal-verify.example");
        assertThat(m.replyTo()).singleElement().satisfies(r -> {
            assertThat(r.displayName()).isEqualTo("\u0418\u0432\u0430\u043d");
            assertThat(r.address()).isEqualTo("ivan@example.com");
        });
    }

    @Test
    void unquotedAddressInADisplayNameIsTheDisplayName() {
        MailMessage m = readMessage("From: ceo@bank.example <attacker@evil.example>\r\nSubject: hi\r\n\r\nbody\r\n");

        assertThat(m.from().address()).isEqualTo("attacker@evil.example");
        assertThat(m.from().displayName()).isEqualTo("ceo@bank.example");
        assertThat(m.fromDomain()).isEqualTo("evil.example");
    }

    @Test
    void rawUtf8AddressHeadersKeepTheirStructure() {
        MailMessage m = readMessage(("From: \"\u041f\u0451\u0442\u0440 (\u0431\u0430\u043d\u043a)\" <p@bank.example> (\u0449)\r\n"
                + "To: \u0413\u0440\u0443\u043f\u043f\u0430: \u0418\u0432\u0430\u043d <i@x.example>, p@y.example;,"
                + " \u0438\u0432\u0430\u043d@\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444\r\n"
                + "Subject: hi\r\n\r\nbody\r\n").getBytes(StandardCharsets.UTF_8));

        assertThat(m.from().displayName()).isEqualTo("\u041f\u0451\u0442\u0440 (\u0431\u0430\u043d\u043a)");
        assertThat(m.from().address()).isEqualTo("p@bank.example");
        assertThat(m.to()).extracting(a -> a.displayName(), a -> a.address()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("\u0418\u0432\u0430\u043d", "i@x.example"),
                org.assertj.core.groups.Tuple.tuple("", "p@y.example"),
                org.assertj.core.groups.Tuple.tuple("", "\u0438\u0432\u0430\u043d@\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444"));
        assertThat(m.to().get(2).domain()).isEqualTo("xn--e1afmkfd.xn--p1ai");
    }

    @Test
    void rawUtf8DisplayNameWithAFilenameParameterDoesNotHang() {
        // mime4j 0.8.11 RawFieldParser.parseValue returns early, without moving on, for a non-ASCII buffer
        // holding 'filename="'; its address-list loop then never ends.
        MailMessage m = assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> readMessage(
                "From: J\u00fcrgen filename=\"x\" <j@example.com>\r\nSubject: hi\r\n\r\nbody\r\n"
                        .getBytes(StandardCharsets.UTF_8)));

        assertThat(m.from().address()).isEqualTo("j@example.com");
    }

    @Test
    void encodedWordDisplayNamesAreDecoded() {
        MailMessage m = readMessage("From: =?UTF-8?B?0J/QsNGD0KDQsNCGIFN1cHBvcnQ=?= <service@paypal-verify.example>\r\n"
                + "Subject: hi\r\n\r\nbody\r\n");

        assertThat(m.from().displayName()).isEqualTo("\u041f\u0430\u0443\u0420\u0430\u0406 Support");
        assertThat(m.from().address()).isEqualTo("service@paypal-verify.example");
    }

    @Test
    void rawLatin1HeaderIsReadAsLatin1() {
        MailMessage m = readMessage("From: a@example.com\r\nSubject: \u00dcberweisung f\u00e4llig\r\n\r\nx\r\n");

        assertThat(m.subject()).isEqualTo("\u00dcberweisung f\u00e4llig");
    }

    // ---------------------------------------------------------------- charsets and encodings

    @Test
    void unknownCharsetIsReadAndRecorded() {
        MailMessage m = readMessage(HEAD + "Subject: klingon\r\nContent-Type: text/plain; charset=x-klingon\r\n\r\n"
                + "Qapla' \u00e9 click https://x.example/\r\n");

        assertThat(m.text()).contains("Qapla'").contains("https://x.example/").contains("\u00e9");
        assertThat(m.problems()).anySatisfy(p -> assertThat(p).contains("unknown charset").contains("x-klingon"));
    }

    @Test
    void unknownCharsetInHtmlIsReadAndRecorded() {
        MailMessage m = readMessage(HEAD + "Subject: klingon\r\nContent-Type: text/html; charset=\"x-klingon\"\r\n\r\n"
                + "<a href=\"https://x.example/\">here</a>\r\n");

        assertThat(m.html()).contains("https://x.example/");
        assertThat(m.problems()).anySatisfy(p -> assertThat(p).contains("x-klingon"));
    }

    @Test
    void wrongCharsetFallsBackWithoutThrowing() {
        byte[] head = (HEAD + "Subject: utf8 body\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] body = {'c', 'a', 'f', (byte) 0xE9, ' ', (byte) 0xFF, (byte) 0xFE, '\r', '\n'}; // not UTF-8

        MailMessage m = readMessage(concat(head, body));

        assertThat(m.text()).startsWith("caf");
    }

    @Test
    void unknownTransferEncodingIsReadUndecoded() {
        MailMessage m = readMessage(HEAD + "Subject: rot13\r\nContent-Type: text/plain\r\n"
                + "Content-Transfer-Encoding: x-rot13\r\n\r\nuryyb jbeyq\r\n");

        assertThat(m.text()).contains("uryyb jbeyq");
        assertThat(m.problems()).containsExactly("unknown transfer encoding x-rot13; read undecoded");
    }

    @Test
    void textOverTheLimitInManyPartsIsRecordedOnce() {
        String big = "A".repeat(MimeMailParser.MAX_TEXT_BYTES / 2 + 10);
        StringBuilder sb = new StringBuilder(multipart("b", "many big parts"));
        for (int i = 0; i < 5; i++) {
            sb.append("--b\r\nContent-Type: text/plain\r\n\r\n").append(big).append("\r\n");
        }
        sb.append("--b--\r\n");

        MailMessage m = readMessage(sb.toString());

        assertThat(m.problems()).singleElement().asString().startsWith("text body longer than");
        assertThat(m.text().length()).isLessThanOrEqualTo(MimeMailParser.MAX_TEXT_BYTES + 1);
    }

    @Test
    void base64WithGarbageCharactersIsDecodedLeniently() {
        MailMessage m = readMessage(HEAD + "Subject: b64\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "aGVs!!bG8g\u00ff\u00ffd29y*bGQ=\r\n====\r\n");

        assertThat(m.text()).contains("hello world");
    }

    // ---------------------------------------------------------------- nesting

    @Test
    void fiftyLevelsOfNestedMultiparts() {
        StringBuilder sb = new StringBuilder(multipart("d0", "deep"));
        for (int i = 0; i < 50; i++) {
            sb.append("--d").append(i).append("\r\nContent-Type: multipart/mixed; boundary=\"d").append(i + 1).append("\"\r\n\r\n");
        }
        sb.append("--d50\r\nContent-Type: text/plain\r\n\r\ndeepest text\r\n--d50--\r\n");
        for (int i = 49; i >= 0; i--) {
            sb.append("--d").append(i).append("--\r\n");
        }

        MailMessage m = readMessage(sb.toString());

        assertThat(m.subject()).isEqualTo("deep");
        assertThat(m.text()).contains("deepest text");
    }

    @Test
    void tenLevelsOfNestedMessagesStopAtTheDepthLimit() {
        String inner = HEAD + "Subject: level10\r\n\r\ninnermost text\r\n";
        for (int i = 9; i >= 1; i--) {
            inner = multipart("b" + i, "level" + i)
                    + "--b" + i + "\r\nContent-Type: text/plain\r\n\r\ntext " + i + "\r\n"
                    + "--b" + i + "\r\nContent-Type: message/rfc822\r\n\r\n" + inner
                    + "\r\n--b" + i + "--\r\n";
        }

        MailMessage m = readMessage(inner);

        List<MailMessage> chain = new ArrayList<>();
        for (MailMessage cur = m; ; cur = cur.attachedMessages().get(0)) {
            chain.add(cur);
            if (cur.attachedMessages().isEmpty()) {
                break;
            }
            assertThat(cur.attachedMessages()).hasSize(1);
        }
        int depth = MimeMailParser.MAX_MESSAGE_DEPTH;
        assertThat(chain).hasSize(depth + 1);
        for (int d = 0; d <= depth; d++) {
            assertThat(chain.get(d).subject()).isEqualTo("level" + (d + 1));
            assertThat(chain.get(d).text()).contains("text " + (d + 1));
            assertThat(chain.get(d).evidence().source()).isEqualTo("-" + "/attached[1]".repeat(d));
        }
        MailMessage deepest = chain.get(depth);
        assertThat(deepest.problems())
                .anySatisfy(p -> assertThat(p).contains("nested deeper than " + depth + " levels"));
        assertThat(chain).allSatisfy(c -> assertThat(c.text()).doesNotContain("innermost text"));
    }

    @Test
    void nestedOutlookMessagesStopAtTheDepthLimit() {
        byte[] msg = OutlookMsgFixture.message().subject("chain 0").body("b0").senderName("X").senderEmail("x@example.com").build();
        for (int i = 1; i < 10; i++) {
            msg = OutlookMsgFixture.message().subject("chain " + i).body("b" + i).senderName("X")
                    .senderEmail("x@example.com").attach("inner" + i + ".msg", "application/vnd.ms-outlook", msg).build();
        }

        MailMessage m = readMessage(msg);

        int levels = 1;
        MailMessage cur = m;
        while (!cur.attachedMessages().isEmpty()) {
            cur = cur.attachedMessages().get(0);
            levels++;
        }
        assertThat(levels).isLessThanOrEqualTo(MimeMailParser.MAX_MESSAGE_DEPTH + 1);
        assertThat(cur.problems()).anySatisfy(p -> assertThat(p).contains("nested deeper"));
    }

    @Test
    void nestedOutlookMessagesAreReadWithoutThrowing() {
        byte[] msg = OutlookMsgFixture.message().subject("chain 0").body("b0").senderName("X").senderEmail("x@example.com").build();
        for (int i = 1; i < 10; i++) {
            msg = OutlookMsgFixture.message().subject("chain " + i).body("b" + i).senderName("X")
                    .senderEmail("x@example.com").attach("inner" + i + ".msg", "application/vnd.ms-outlook", msg).build();
        }

        MailMessage m = readMessage(msg);

        assertThat(m.subject()).isEqualTo("chain 9");
        assertThat(m.attachedMessages()).singleElement()
                .satisfies(a -> assertThat(a.subject()).isEqualTo("chain 8"));
    }

    @Test
    void morePartsThanTheLimitAreCountedNotInspected() {
        StringBuilder sb = new StringBuilder(multipart("p", "many parts"));
        for (int i = 0; i < MimeMailParser.MAX_PARTS + 100; i++) {
            sb.append("--p\r\nContent-Type: application/octet-stream; name=\"f").append(i).append(".bin\"\r\n\r\nx").append(i).append("\r\n");
        }
        sb.append("--p--\r\n");

        MailMessage m = readMessage(sb.toString());

        assertThat(m.attachments()).hasSize(MimeMailParser.MAX_PARTS);
        assertThat(m.problems()).anySatisfy(p -> assertThat(p).contains("more than " + MimeMailParser.MAX_PARTS + " MIME parts"));
    }

    // ---------------------------------------------------------------- huge input

    @Test
    void hundredMegabytePlainTextBodyIsStreamed() {
        GeneratedMessage gen = GeneratedMessage.plainText(100L << 20);

        MailItem item = readItem(gen);

        assertThat(gen.exhausted()).isTrue();
        assertThat(gen.produced()).isGreaterThan(100L << 20);
        MailMessage m = item.message();
        assertThat(m).isNotNull();
        assertThat(m.subject()).isEqualTo("huge text");
        assertThat(m.text()).startsWith("line 00000000: ");
        assertThat(m.text().length()).isEqualTo(MimeMailParser.MAX_TEXT_BYTES);
        assertThat(m.problems()).anySatisfy(p -> assertThat(p).startsWith("text body longer than")
                .contains(MimeMailParser.MAX_TEXT_BYTES / 1024 + " KiB"));
        assertThat(m.evidence().size()).isEqualTo(gen.produced());
        assertThat(m.evidence().sha256()).isEqualTo(gen.sha256());
    }

    @Test
    void hundredMegabyteBase64AttachmentIsHashedWhileStreaming() {
        GeneratedMessage gen = GeneratedMessage.base64Attachment(100L << 20);

        MailItem item = readItem(gen);

        assertThat(gen.exhausted()).isTrue();
        MailMessage m = item.message();
        assertThat(m).isNotNull();
        assertThat(m.text()).contains("see attachment");
        assertThat(m.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("big.bin");
            assertThat(a.size()).isEqualTo(gen.decodedCount()).isGreaterThan(70L << 20);
            assertThat(a.sha256()).isEqualTo(gen.decodedSha256());
            assertThat(a.text()).isEmpty();
        });
        assertThat(m.evidence().size()).isEqualTo(gen.produced());
        assertThat(m.evidence().sha256()).isEqualTo(gen.sha256());
    }

    @Test
    void attachedMessageLargerThanTheLimitIsAnalysedFromItsStart() {
        GeneratedMessage gen = GeneratedMessage.attachedMessage(MimeMailParser.MAX_ATTACHED_MESSAGE_BYTES + (8L << 20));

        MailItem item = readItem(gen);

        MailMessage m = item.message();
        assertThat(m).isNotNull();
        assertThat(m.evidence().size()).isEqualTo(gen.produced());
        assertThat(m.evidence().sha256()).isEqualTo(gen.sha256());
        assertThat(m.problems()).anySatisfy(p -> assertThat(p).startsWith("attached message larger than "
                + (MimeMailParser.MAX_ATTACHED_MESSAGE_BYTES >> 20) + " MiB"));
        assertThat(m.attachedMessages()).singleElement().satisfies(a -> {
            assertThat(a.subject()).isEqualTo("inner");
            assertThat(a.text()).startsWith("line 00000000: ").hasSize(MimeMailParser.MAX_TEXT_BYTES);
        });
    }

    @Test
    void attachedMessageLargerThanTheLimitKeepsItsRealEvidence() {
        GeneratedMessage gen = GeneratedMessage.attachedMessage(MimeMailParser.MAX_ATTACHED_MESSAGE_BYTES + (8L << 20));

        MailMessage m = readItem(gen).message();

        assertThat(m.attachedMessages()).singleElement().satisfies(a -> {
            assertThat(a.evidence().size()).isEqualTo(gen.innerCount());
            assertThat(a.evidence().sha256()).isEqualTo(gen.innerSha256());
        });
    }

    @Test
    void attachedMessageEvidenceIsItsOwnBytes() {
        GeneratedMessage gen = GeneratedMessage.attachedMessage(1L << 20);

        MailMessage m = readItem(gen).message();

        assertThat(m.attachedMessages()).singleElement().satisfies(a -> {
            assertThat(a.evidence().source()).isEqualTo("-/attached[1]");
            assertThat(a.evidence().size()).isEqualTo(gen.innerCount());
            assertThat(a.evidence().sha256()).isEqualTo(gen.innerSha256());
        });
        assertThat(m.problems()).isEmpty();
    }

    @Test
    void aTenMegabyteBodyLineWithoutNewlines() {
        byte[] head = (HEAD + "Subject: one line\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[10 << 20];
        Arrays.fill(line, (byte) 'A');

        MailMessage m = readMessage(concat(head, line));

        assertThat(m.subject()).isEqualTo("one line");
        assertThat(m.text()).hasSize(MimeMailParser.MAX_TEXT_BYTES).startsWith("AAAA");
        assertThat(m.problems()).anySatisfy(p -> assertThat(p).startsWith("text body longer than"));
        assertThat(m.evidence().size()).isEqualTo(head.length + line.length);
    }

    @Test
    void aTenMegabyteFileThatIsOneLine() {
        byte[] line = new byte[10 << 20];
        Arrays.fill(line, (byte) 'A');

        MailItem item = readItem(line);

        assertThat(item.ok()).isFalse();
        assertThat(item.error()).contains("not an e-mail message");
    }

    @Test
    void aTenMegabyteHeaderLine() {
        byte[] head = (HEAD + "Subject: ").getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[10 << 20];
        Arrays.fill(line, (byte) 'A');

        MailMessage m = readMessage(concat(head, line));

        assertThat(m.from().address()).isEqualTo("sender@example.com");
        assertThat(m.problems()).anySatisfy(p -> assertThat(p).contains("header length limit"));
        assertThat(m.evidence().size()).isEqualTo(head.length + line.length);
    }

    @Test
    void fiveThousandHeaderLines() {
        StringBuilder sb = new StringBuilder(HEAD + "Subject: many headers\r\n");
        for (int i = 0; i < 5000; i++) {
            sb.append("Received: from hop").append(i).append(".example.net by mx.example.org; Mon, 3 Mar 2025 10:00:00 +0000\r\n");
        }
        sb.append("\r\nbody after many headers\r\n");

        MailMessage m = readMessage(sb.toString());

        assertThat(m.subject()).isEqualTo("many headers");
        assertThat(m.from().address()).isEqualTo("sender@example.com");
        assertThat(m.headers()).hasSizeLessThan(5000 + 3);
        assertThat(m.header("Received")).isNotEmpty();
        assertThat(m.problems()).anySatisfy(p -> assertThat(p).contains("header limit"));
        assertThat(m.evidence().size()).isEqualTo(sb.length());
    }

    // ---------------------------------------------------------------- garbage and minimal input

    @Test
    void binaryGarbage() {
        byte[] garbage = new byte[1 << 20];
        new Random(20250303L).nextBytes(garbage);

        MailItem item = readItem(garbage);

        assertThat(item.ok()).isFalse();
        assertThat(item.error()).isEqualTo("not an e-mail message: no header fields");
    }

    @Test
    void binaryGarbageAfterValidHeaders() {
        byte[] garbage = new byte[256 << 10];
        new Random(7L).nextBytes(garbage);
        byte[] head = (HEAD + "Subject: garbage body\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

        MailMessage m = readMessage(concat(head, garbage));

        assertThat(m.subject()).isEqualTo("garbage body");
        assertThat(m.text()).isNotEmpty();
        assertThat(m.evidence().size()).isEqualTo(head.length + garbage.length);
    }

    @Test
    void garbageWithAnOleSignatureIsAnErrorItem() {
        byte[] bytes = new byte[4096];
        new Random(3L).nextBytes(bytes);
        bytes[0] = (byte) 0xD0;
        bytes[1] = (byte) 0xCF;
        bytes[2] = 0x11;
        bytes[3] = (byte) 0xE0;

        MailItem item = readItem(bytes);

        assertThat(item.ok()).isFalse();
        assertThat(item.error()).isNotBlank();
    }

    @Test
    void garbageInAnMbox() {
        byte[] garbage = new byte[64 << 10];
        new Random(11L).nextBytes(garbage);
        byte[] mbox = concat(("From x Mon Mar  3 10:00:00 2025\nFrom: a@example.com\nSubject: ok\n\nfine\n\n"
                + "From y Mon Mar  3 10:00:00 2025\n").getBytes(StandardCharsets.US_ASCII), garbage);
        List<MailItem> items = new ArrayList<>();

        assertThatCode(() -> new MailReader(new ByteArrayInputStream(mbox)).read(List.of("-"), items::add))
                .doesNotThrowAnyException();

        assertThat(items).extracting(MailItem::source).startsWith("-#1", "-#2");
        assertThat(items.get(0).message().subject()).isEqualTo("ok");
        assertThat(items).allSatisfy(i -> assertThat(i.message() == null).isNotEqualTo(i.error() == null));
    }

    @Test
    void messageThatIsOnlyHeaders() {
        MailMessage m = readMessage(HEAD + "Subject: only headers\r\n");

        assertThat(m.subject()).isEqualTo("only headers");
        assertThat(m.from().address()).isEqualTo("sender@example.com");
        assertThat(m.text()).isEmpty();
        assertThat(m.html()).isEmpty();
        assertThat(m.attachments()).isEmpty();
        assertThat(m.problems()).isEmpty();
    }

    @Test
    void messageThatIsOnlyHeadersWithoutFinalNewline() {
        MailMessage m = readMessage(HEAD + "Subject: only headers");

        assertThat(m.subject()).isEqualTo("only headers");
        assertThat(m.text()).isEmpty();
    }

    @Test
    void multipartMessageWithNoBodyAtAll() {
        MailMessage m = readMessage(multipart("b", "empty multipart"));

        assertThat(m.subject()).isEqualTo("empty multipart");
        assertThat(m.text()).isEmpty();
        assertThat(m.attachments()).isEmpty();
    }

    // ---------------------------------------------------------------- archives

    @Test
    void zipBombIsListedWithoutExtraction() {
        int entries = 20;
        long entrySize = 200L << 20;
        byte[] zip = ZipBuilder.zerosBomb(entries, entrySize);
        assertThat(zip.length).isLessThan(AttachmentInspector.MAX_ARCHIVE_BYTES);

        MailMessage m = readMessage(messageWithAttachment("bomb", "invoice.zip", "application/zip", zip));

        assertThat(m.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("invoice.zip");
            assertThat(a.magic()).isEqualTo("zip");
            assertThat(a.size()).isEqualTo(zip.length);
            assertThat(a.sha256()).isEqualTo(Sha256.of(zip));
            assertThat(a.problem()).isEmpty();
            assertThat(a.entries()).hasSize(entries);
            assertThat(a.entries()).allSatisfy(e -> {
                assertThat(e.name()).matches("zeros-\\d{2}\\.bin");
                assertThat(e.size()).isEqualTo(entrySize);
                assertThat(e.compressedSize()).isPositive().isLessThan(entrySize / 500);
                assertThat(e.encrypted()).isFalse();
            });
            assertThat(a.entries().stream().mapToLong(ArchiveEntry::size).sum()).isEqualTo(entries * entrySize);
        });
    }

    @Test
    void archiveWithAnEncryptedEntry() {
        byte[] zip = ZipBuilder.withEncryptedEntry("readme.txt", "invoice.exe");

        MailMessage m = readMessage(messageWithAttachment("locked", "docs.zip", "application/octet-stream", zip));

        assertThat(m.attachments()).singleElement().satisfies(a -> {
            assertThat(a.magic()).isEqualTo("zip");
            assertThat(a.problem()).isEmpty();
            assertThat(a.entries()).extracting(ArchiveEntry::name, ArchiveEntry::encrypted)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("readme.txt", false),
                            org.assertj.core.groups.Tuple.tuple("invoice.exe", true));
        });
    }

    @Test
    void archiveWithABrokenDirectoryIsAProblemNotAFailure() {
        byte[] zip = ZipBuilder.withEncryptedEntry("a.txt", "b.exe");
        byte[] broken = Arrays.copyOf(zip, zip.length - 30); // cut into the central directory

        MailMessage m = readMessage(messageWithAttachment("broken zip", "x.zip", "application/zip", broken));

        assertThat(m.attachments()).singleElement().satisfies(a -> {
            assertThat(a.magic()).isEqualTo("zip");
            assertThat(a.problem()).startsWith("archive directory unreadable");
            assertThat(a.size()).isEqualTo(broken.length);
        });
    }

    @Test
    void archiveWithMoreEntriesThanTheLimitIsListedUpToTheLimit() {
        byte[] zip = ZipBuilder.manyEntries(AttachmentInspector.MAX_ENTRIES + 100, "payload.exe");

        MailMessage m = readMessage(messageWithAttachment("many", "many.zip", "application/zip", zip));

        assertThat(m.attachments()).singleElement().satisfies(a -> {
            assertThat(a.magic()).isEqualTo("zip");
            assertThat(a.entries()).hasSize(AttachmentInspector.MAX_ENTRIES);
            assertThat(a.entries().get(0).name()).isEqualTo("filler-0000.txt");
        });
    }

    @Test
    void archiveWithMoreEntriesThanTheLimitSaysSo() {
        byte[] zip = ZipBuilder.manyEntries(AttachmentInspector.MAX_ENTRIES + 100, "payload.exe");

        MailMessage m = readMessage(messageWithAttachment("many", "many.zip", "application/zip", zip));

        assertThat(m.attachments()).singleElement().satisfies(a -> assertThat(a.problem())
                .isEqualTo("archive lists more than 2000 entries; the rest were not inspected"));
    }

    private static String messageWithAttachment(String subject, String filename, String type, byte[] data) {
        return multipart("b", subject) + "--b\r\nContent-Type: text/plain\r\n\r\nsee attachment\r\n"
                + "--b\r\nContent-Type: " + type + "; name=\"" + filename + "\"\r\n"
                + "Content-Disposition: attachment; filename=\"" + filename + "\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(data) + "\r\n--b--\r\n";
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    // ---------------------------------------------------------------- generators

    /**
     * A valid message produced on the fly: a few header lines, then a body of {@code bodyBytes} bytes that
     * never exists in memory. It hashes and counts what it serves, so the test can check the reader's
     * evidence independently; in base64 mode it also hashes and counts the decoded attachment bytes.
     */
    static final class GeneratedMessage extends InputStream {
        private static final int CHUNK = 64 << 10;
        private final byte[] header;
        private final byte[] trailer;
        private final MessageDigest inner = Sha256.newDigest();
        private long innerCount;
        private final long bodyBytes;
        private final boolean base64;
        private final MessageDigest raw = Sha256.newDigest();
        private final MessageDigest decoded = Sha256.newDigest();
        private final Random random = new Random(42L);
        private final ByteArrayOutputStream next = new ByteArrayOutputStream(CHUNK + 256);
        private byte[] chunk;
        private int pos;
        private int stage; // 0 header, 1 body, 2 trailer, 3 done
        private long bodyProduced;
        private long line;
        private long produced;
        private long decodedCount;
        private String rawHex;

        private GeneratedMessage(String header, String trailer, long bodyBytes, boolean base64) {
            this(header, "", trailer, bodyBytes, base64);
        }

        /** {@code innerHeader} and the body together form an embedded part whose own digest is kept too. */
        private GeneratedMessage(String header, String innerHeader, String trailer, long bodyBytes, boolean base64) {
            byte[] inner = innerHeader.getBytes(StandardCharsets.US_ASCII);
            this.inner.update(inner);
            this.innerCount = inner.length;
            this.header = (header + innerHeader).getBytes(StandardCharsets.US_ASCII);
            this.trailer = trailer.getBytes(StandardCharsets.US_ASCII);
            this.bodyBytes = bodyBytes;
            this.base64 = base64;
        }

        static GeneratedMessage plainText(long bodyBytes) {
            return new GeneratedMessage(HEAD + "Subject: huge text\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n",
                    "", bodyBytes, false);
        }

        static GeneratedMessage base64Attachment(long encodedBytes) {
            return new GeneratedMessage(multipart("big", "huge attachment")
                    + "--big\r\nContent-Type: text/plain\r\n\r\nsee attachment\r\n"
                    + "--big\r\nContent-Type: application/octet-stream; name=\"big.bin\"\r\n"
                    + "Content-Disposition: attachment; filename=\"big.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n",
                    "--big--\r\n", encodedBytes, true);
        }

        /** A message carrying a message/rfc822 part whose body is {@code bodyBytes} of text. */
        static GeneratedMessage attachedMessage(long bodyBytes) {
            return new GeneratedMessage(multipart("big", "huge attached message")
                    + "--big\r\nContent-Type: text/plain\r\n\r\nsee attachment\r\n"
                    + "--big\r\nContent-Type: message/rfc822\r\n\r\n",
                    "From: inner@example.com\r\nSubject: inner\r\nContent-Type: text/plain\r\n\r\n",
                    "\r\n--big--\r\n", bodyBytes, false);
        }

        long produced() {
            return produced;
        }

        boolean exhausted() {
            return stage == 3 && (chunk == null || pos >= chunk.length);
        }

        String sha256() {
            if (rawHex == null) {
                assertThat(exhausted()).as("stream read to the end").isTrue();
                rawHex = Sha256.hex(raw);
            }
            return rawHex;
        }

        long decodedCount() {
            return decodedCount;
        }

        String decodedSha256() {
            return Sha256.hex(decoded);
        }

        long innerCount() {
            return innerCount;
        }

        String innerSha256() {
            return Sha256.hex(inner);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            while (chunk == null || pos >= chunk.length) {
                if (!advance()) {
                    return -1;
                }
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            raw.update(chunk, pos, n);
            pos += n;
            produced += n;
            return n;
        }

        private boolean advance() {
            pos = 0;
            switch (stage) {
                case 0 -> {
                    chunk = header;
                    stage = 1;
                }
                case 1 -> {
                    next.reset();
                    while (next.size() < CHUNK && bodyProduced < bodyBytes) {
                        byte[] l = base64 ? base64Line() : textLine();
                        next.writeBytes(l);
                        inner.update(l);
                        innerCount += l.length;
                        bodyProduced += l.length;
                    }
                    chunk = next.toByteArray();
                    if (bodyProduced >= bodyBytes) {
                        stage = 2;
                    }
                }
                case 2 -> {
                    chunk = trailer;
                    stage = 3;
                }
                default -> {
                    chunk = null;
                    return false;
                }
            }
            return true;
        }

        private byte[] textLine() {
            return String.format("line %08d: the quick brown fox jumps over the lazy dog %d\r\n", line, line++ * 31)
                    .getBytes(StandardCharsets.US_ASCII);
        }

        private byte[] base64Line() {
            byte[] data = new byte[57];
            random.nextBytes(data);
            decoded.update(data);
            decodedCount += data.length;
            byte[] enc = Base64.getEncoder().encode(data);
            byte[] l = Arrays.copyOf(enc, enc.length + 2);
            l[enc.length] = '\r';
            l[enc.length + 1] = '\n';
            return l;
        }
    }

    /** Builds hostile zip archives in memory without ever materialising their declared contents. */
    static final class ZipBuilder {
        private ZipBuilder() {
        }

        /**
         * {@code entries} entries, each declaring {@code entrySize} bytes of zeros. The zeros are deflated once,
         * streaming from a 1 MiB buffer, and the same compressed stream is written raw for every entry.
         */
        static byte[] zerosBomb(int entries, long entrySize) {
            Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
            CRC32 crc = new CRC32();
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            byte[] zeros = new byte[1 << 20];
            byte[] buf = new byte[64 << 10];
            for (long left = entrySize; left > 0; ) {
                int n = (int) Math.min(zeros.length, left);
                deflater.setInput(zeros, 0, n);
                crc.update(zeros, 0, n);
                left -= n;
                while (!deflater.needsInput()) {
                    compressed.write(buf, 0, deflater.deflate(buf));
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                compressed.write(buf, 0, deflater.deflate(buf));
            }
            deflater.end();
            byte[] raw = compressed.toByteArray();
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
                for (int i = 0; i < entries; i++) {
                    ZipArchiveEntry e = new ZipArchiveEntry(String.format("zeros-%02d.bin", i));
                    e.setMethod(ZipArchiveEntry.DEFLATED);
                    e.setSize(entrySize);
                    e.setCompressedSize(raw.length);
                    e.setCrc(crc.getValue());
                    out.addRawArchiveEntry(e, new ByteArrayInputStream(raw));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return zip.toByteArray();
        }

        /** {@code fillers} empty text files, then one small executable-looking entry named {@code last}. */
        static byte[] manyEntries(int fillers, String last) {
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
                for (int i = 0; i < fillers; i++) {
                    stored(out, String.format("filler-%04d.txt", i), new byte[0]);
                }
                stored(out, last, "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return zip.toByteArray();
        }

        /**
         * Two stored entries; the second has general purpose bit 0 (encrypted) set in both its local header
         * and its central directory header, as a password-protected zip would.
         */
        static byte[] withEncryptedEntry(String plainName, String encryptedName) {
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(zip)) {
                stored(out, plainName, "This archive is password protected. Password: 1234\n".getBytes(StandardCharsets.US_ASCII));
                byte[] cipher = new byte[512];
                new Random(99L).nextBytes(cipher);
                stored(out, encryptedName, cipher);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            byte[] bytes = zip.toByteArray();
            setEncryptedFlag(bytes, encryptedName);
            return bytes;
        }

        private static void stored(ZipArchiveOutputStream out, String name, byte[] data) throws IOException {
            ZipArchiveEntry e = new ZipArchiveEntry(name);
            e.setMethod(ZipArchiveEntry.STORED);
            e.setSize(data.length);
            CRC32 crc = new CRC32();
            crc.update(data);
            e.setCrc(crc.getValue());
            out.putArchiveEntry(e);
            out.write(data);
            out.closeArchiveEntry();
        }

        /** Walks the central directory (found from the end record) and sets bit 0 for the named entry. */
        private static void setEncryptedFlag(byte[] zip, String name) {
            ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
            int eocd = zip.length - 22;
            while (eocd >= 0 && b.getInt(eocd) != 0x06054b50) {
                eocd--;
            }
            assertThat(eocd).as("end of central directory").isNotNegative();
            int count = b.getShort(eocd + 10) & 0xFFFF;
            int p = b.getInt(eocd + 16);
            boolean found = false;
            for (int i = 0; i < count; i++) {
                assertThat(b.getInt(p)).isEqualTo(0x02014b50);
                int nameLen = b.getShort(p + 28) & 0xFFFF;
                int extraLen = b.getShort(p + 30) & 0xFFFF;
                int commentLen = b.getShort(p + 32) & 0xFFFF;
                String entry = new String(zip, p + 46, nameLen, StandardCharsets.UTF_8);
                if (entry.equals(name)) {
                    b.putShort(p + 8, (short) (b.getShort(p + 8) | 1));
                    int local = b.getInt(p + 42);
                    assertThat(b.getInt(local)).isEqualTo(0x04034b50);
                    b.putShort(local + 6, (short) (b.getShort(local + 6) | 1));
                    found = true;
                }
                p += 46 + nameLen + extraLen + commentLen;
            }
            assertThat(found).as("entry " + name).isTrue();
        }
    }
}
