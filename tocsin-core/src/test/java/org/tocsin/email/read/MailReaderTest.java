package org.tocsin.email.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.poi.hsmf.MAPIMessage;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.email.MailAttachment;
import org.tocsin.email.MailMessage;
import org.tocsin.evidence.Sha256;

class MailReaderTest {
    @TempDir
    Path dir;

    // ---------------------------------------------------------------- helpers

    static String eml(String from, String subject, String body) {
        return "From: " + from + "\r\n"
                + "To: victim@example.org\r\n"
                + "Subject: " + subject + "\r\n"
                + "Message-ID: <" + subject.replace(' ', '-') + "@example.com>\r\n"
                + "Date: Mon, 3 Mar 2025 10:00:00 +0000\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "\r\n"
                + body + "\r\n";
    }

    private Path write(String relative, String content) throws IOException {
        return write(relative, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String relative, byte[] content) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        return Files.write(p, content);
    }

    private static List<MailItem> read(MailReader reader, String... inputs) {
        List<MailItem> items = new ArrayList<>();
        reader.read(List.of(inputs), items::add);
        return items;
    }

    private static List<MailItem> read(String... inputs) {
        return read(new MailReader(new ByteArrayInputStream(new byte[0])), inputs);
    }

    private static List<MailItem> read(Path... inputs) {
        return read(java.util.Arrays.stream(inputs).map(Path::toString).toArray(String[]::new));
    }

    private static MailMessage only(List<MailItem> items) {
        assertThat(items).hasSize(1);
        assertThat(items.get(0).error()).isNull();
        assertThat(items.get(0).ok()).isTrue();
        return items.get(0).message();
    }

    // ---------------------------------------------------------------- .eml

    @Test
    void readsAnEmlFile() throws IOException {
        Path f = write("invoice.eml", eml("\"PayPal Support\" <Service@PayPa1-Secure.example>", "Your account is limited",
                "Dear customer, please verify your account at https://paypa1-secure.example/login"));

        MailMessage m = only(read(f));

        assertThat(m.evidence().source()).isEqualTo(f.toString());
        assertThat(m.evidence().size()).isEqualTo(Files.size(f));
        assertThat(m.evidence().sha256()).isEqualTo(Sha256.of(Files.readAllBytes(f)));
        assertThat(m.subject()).isEqualTo("Your account is limited");
        assertThat(m.from().displayName()).isEqualTo("PayPal Support");
        assertThat(m.from().address()).isEqualTo("service@paypa1-secure.example");
        assertThat(m.fromDomain()).isEqualTo("paypa1-secure.example");
        assertThat(m.to()).extracting(a -> a.address()).containsExactly("victim@example.org");
        assertThat(m.messageId()).isEqualTo("<Your-account-is-limited@example.com>");
        assertThat(m.date()).isEqualTo("Mon, 3 Mar 2025 10:00:00 +0000");
        assertThat(m.text()).contains("please verify your account at https://paypa1-secure.example/login");
        assertThat(m.html()).isEmpty();
        assertThat(m.attachments()).isEmpty();
        assertThat(m.attachedMessages()).isEmpty();
        assertThat(m.problems()).isEmpty();
        assertThat(m.firstHeader("content-type")).startsWith("text/plain");
    }

    @Test
    void emlWithHtmlAndAttachment() throws IOException {
        String pdf = Base64.getMimeEncoder().encodeToString("%PDF-1.4 fake".getBytes(StandardCharsets.US_ASCII));
        Path f = write("multi.eml", "From: a@example.com\r\nSubject: =?UTF-8?B?w4ljaMOpYW5jZQ==?=\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n"
                + "--outer\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n"
                + "--alt\r\nContent-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "Facture =E0 payer\r\n"
                + "--alt\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n<p>Facture <a href=\"https://x.example\">ici</a></p>\r\n"
                + "--alt--\r\n"
                + "--outer\r\nContent-Type: application/pdf; name=\"facture.pdf\"\r\n"
                + "Content-Disposition: attachment; filename=\"facture.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + pdf + "\r\n--outer--\r\n");

        MailMessage m = only(read(f));

        assertThat(m.subject()).isEqualTo("Échéance");
        assertThat(m.text()).contains("Facture à payer");
        assertThat(m.html()).contains("<a href=\"https://x.example\">ici</a>");
        assertThat(m.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("facture.pdf");
            assertThat(a.contentType()).isEqualTo("application/pdf");
            assertThat(a.magic()).isEqualTo("pdf");
            assertThat(a.size()).isEqualTo("%PDF-1.4 fake".length());
            assertThat(a.sha256()).isEqualTo(Sha256.of("%PDF-1.4 fake".getBytes(StandardCharsets.US_ASCII)));
        });
        assertThat(m.problems()).isEmpty();
    }

    // ---------------------------------------------------------------- mbox

    @Test
    void splitsAnMboxIntoNumberedMessagesAndUnescapesFromLines() throws IOException {
        String mbox = "From alice@example.com Mon Mar  3 10:00:00 2025\n"
                + "From: alice@example.com\nSubject: first\n\nfirst body\n\n"
                + "From bob@example.com Mon Mar  3 10:01:00 2025\n"
                + "From: bob@example.com\nSubject: second\n\nsecond body\n>From the desk of Bob\n"
                + ">>From quoted twice\nwe met\nFrom there on, a bare From line not after a blank line\n\n"
                + "From carol@example.com Mon Mar  3 10:02:00 2025\n"
                + "From: carol@example.com\nSubject: third\n\nthird body\n";
        Path f = write("inbox.mbox", mbox);

        List<MailItem> items = read(f);

        assertThat(items).extracting(MailItem::source)
                .containsExactly(f + "#1", f + "#2", f + "#3");
        assertThat(items).allSatisfy(i -> assertThat(i.ok()).isTrue());
        assertThat(items).extracting(i -> i.message().subject()).containsExactly("first", "second", "third");
        assertThat(items).extracting(i -> i.message().evidence().source())
                .containsExactly(f + "#1", f + "#2", f + "#3");
        MailMessage second = items.get(1).message();
        assertThat(second.text())
                .contains("second body")
                .contains("\nFrom the desk of Bob")
                .doesNotContain(">From the desk of Bob")
                .contains("\n>From quoted twice")
                .contains("From there on, a bare From line");
        assertThat(items.get(0).message().text()).contains("first body").doesNotContain("second");
        assertThat(items.get(2).message().text()).contains("third body");
        // each message is hashed on its own, as it was split out (separator line excluded)
        assertThat(items.get(0).message().evidence().sha256())
                .isEqualTo(Sha256.of("From: alice@example.com\nSubject: first\n\nfirst body\n\n"
                        .getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void mboxWithCrlfLineEnds() throws IOException {
        String mbox = ("From a@example.com Mon Mar  3 10:00:00 2025\n"
                + "From: a@example.com\nSubject: one\n\nbody one\n\n"
                + "From b@example.com Mon Mar  3 10:01:00 2025\n"
                + "From: b@example.com\nSubject: two\n\nbody two\n").replace("\n", "\r\n");
        Path f = write("crlf.mbox", mbox);

        List<MailItem> items = read(f);

        assertThat(items).extracting(MailItem::source).containsExactly(f + "#1", f + "#2");
        assertThat(items).extracting(i -> i.message().subject()).containsExactly("one", "two");
    }

    // ---------------------------------------------------------------- directories

    @Test
    void readsMaildirCurAndNewButNotTmp() throws IOException {
        Path md = dir.resolve("Maildir");
        write("Maildir/cur/1700000000.1.host:2,S", eml("a@example.com", "seen", "in cur"));
        write("Maildir/new/1700000001.2.host", eml("b@example.com", "unseen", "in new"));
        write("Maildir/tmp/1700000002.3.host", eml("c@example.com", "being delivered", "in tmp"));

        List<MailItem> items = read(md);

        assertThat(items).allSatisfy(i -> assertThat(i.ok()).isTrue());
        assertThat(items).extracting(i -> i.message().subject()).containsExactly("seen", "unseen");
        assertThat(items.get(0).source()).endsWith("cur/1700000000.1.host:2,S");
        assertThat(items.get(1).source()).endsWith("new/1700000001.2.host");
    }

    @Test
    void aTmpDirectoryOutsideAMaildirIsRead() throws IOException {
        write("plain/tmp/x.eml", eml("a@example.com", "in a tmp folder", "hello"));

        List<MailItem> items = read(dir.resolve("plain"));

        assertThat(items).extracting(i -> i.message().subject()).containsExactly("in a tmp folder");
    }

    @Test
    void readsAMixedDirectoryRecursivelyInNameOrder() throws IOException {
        Path root = dir.resolve("mixed");
        write("mixed/z-last.eml", eml("z@example.com", "z", "last"));
        write("mixed/sub/e.eml", eml("e@example.com", "e", "sub e"));
        write("mixed/sub/d.eml", eml("d@example.com", "d", "sub d"));
        write("mixed/notes.txt", "Shopping list\nmilk\neggs\n");
        write("mixed/c.msg", OutlookMsgFixture.message().subject("c").body("outlook body")
                .senderName("C Sender").senderEmail("c@example.com").build());
        write("mixed/b.mbox", "From x Mon Mar  3 10:00:00 2025\nFrom: b1@example.com\nSubject: b1\n\none\n\n"
                + "From y Mon Mar  3 10:00:00 2025\nFrom: b2@example.com\nSubject: b2\n\ntwo\n");
        write("mixed/a.eml", eml("a@example.com", "a", "first"));
        write("mixed/.hidden.eml", eml("h@example.com", "hidden", "dot files are skipped"));

        List<MailItem> items = read(root);

        assertThat(items).extracting(MailItem::source).containsExactly(
                root.resolve("a.eml").toString(),
                root.resolve("b.mbox") + "#1",
                root.resolve("b.mbox") + "#2",
                root.resolve("c.msg").toString(),
                root.resolve("notes.txt").toString(),
                root.resolve("sub/d.eml").toString(),
                root.resolve("sub/e.eml").toString(),
                root.resolve("z-last.eml").toString());
        assertThat(items).extracting(i -> i.ok() ? i.message().subject() : "ERROR")
                .containsExactly("a", "b1", "b2", "c", "ERROR", "d", "e", "z");
        // a text file that is not mail is reported as such, and reading goes on
        assertThat(items.get(4).error()).contains("not an e-mail message");
        assertThat(items.get(4).message()).isNull();
    }

    @Test
    void nonMailTextFileInADirectoryIsAnErrorItem() throws IOException {
        write("docs/readme.txt", "This is just a note without any header lines\nSecond line\n");
        write("docs/report.csv", "id;name;amount\n1;foo;3\n");

        List<MailItem> items = read(dir.resolve("docs"));

        assertThat(items).hasSize(2).allSatisfy(i -> {
            assertThat(i.ok()).isFalse();
            assertThat(i.message()).isNull();
            assertThat(i.error()).isEqualTo("not an e-mail message: no header fields");
        });
    }

    @Test
    void nonMailOleFileInADirectoryIsAnErrorItem() throws IOException {
        ByteArrayOutputStream doc = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.getRoot().createDocument("WordDocument", new ByteArrayInputStream(new byte[4096]));
            fs.writeFilesystem(doc);
        }
        write("office/letter.doc", doc.toByteArray());

        List<MailItem> items = read(dir.resolve("office"));

        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.ok()).isFalse();
            assertThat(i.error()).isNotBlank();
        });
    }

    // ---------------------------------------------------------------- stdin

    @Test
    void readsStandardInputForDash() {
        byte[] bytes = eml("stdin@example.com", "from a pipe", "piped body").getBytes(StandardCharsets.UTF_8);
        MailReader reader = new MailReader(new ByteArrayInputStream(bytes));

        MailMessage m = only(read(reader, "-"));

        assertThat(m.evidence().source()).isEqualTo("-");
        assertThat(m.evidence().size()).isEqualTo(bytes.length);
        assertThat(m.evidence().sha256()).isEqualTo(Sha256.of(bytes));
        assertThat(m.subject()).isEqualTo("from a pipe");
        assertThat(m.text()).contains("piped body");
    }

    @Test
    void readsAnMboxFromStandardInput() {
        byte[] bytes = ("From a Mon Mar  3 10:00:00 2025\nFrom: a@example.com\nSubject: s1\n\nx\n\n"
                + "From b Mon Mar  3 10:00:00 2025\nFrom: b@example.com\nSubject: s2\n\ny\n").getBytes(StandardCharsets.US_ASCII);

        List<MailItem> items = read(new MailReader(new ByteArrayInputStream(bytes)), "-");

        assertThat(items).extracting(MailItem::source).containsExactly("-#1", "-#2");
        assertThat(items).extracting(i -> i.message().subject()).containsExactly("s1", "s2");
    }

    // ---------------------------------------------------------------- errors do not stop the run

    @Test
    void missingPathAndEmptyFileAreErrorItemsAndTheRunGoesOn() throws IOException {
        Path before = write("before.eml", eml("a@example.com", "before", "x"));
        Path missing = dir.resolve("does-not-exist.eml");
        Path empty = write("empty.eml", new byte[0]);
        Path after = write("after.eml", eml("b@example.com", "after", "y"));

        List<MailItem> items = read(before, missing, empty, after);

        assertThat(items).extracting(MailItem::source)
                .containsExactly(before.toString(), missing.toString(), empty.toString(), after.toString());
        assertThat(items.get(0).message().subject()).isEqualTo("before");
        assertThat(items.get(1).ok()).isFalse();
        assertThat(items.get(1).error()).isEqualTo("no such file or directory");
        assertThat(items.get(2).ok()).isFalse();
        assertThat(items.get(2).error()).isEqualTo("empty file");
        assertThat(items.get(3).message().subject()).isEqualTo("after");
    }

    @Test
    void emptyStandardInputIsAnErrorItem() {
        List<MailItem> items = read(new MailReader(new ByteArrayInputStream(new byte[0])), "-");

        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.source()).isEqualTo("-");
            assertThat(i.error()).isEqualTo("empty file");
        });
    }

    // ---------------------------------------------------------------- attached messages

    @Test
    void messageRfc822AttachmentBecomesAnAttachedMessage() throws IOException {
        String inner = eml("\"IT Helpdesk\" <helpdesk@evil.example>", "Password expiry",
                "Reset your password at https://evil.example/reset");
        Path f = write("fwd.eml", "From: colleague@example.org\r\nTo: soc@example.org\r\nSubject: Fwd: suspicious\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nPlease have a look at the attached.\r\n"
                + "--b\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment; filename=\"orig.eml\"\r\n\r\n"
                + inner
                + "\r\n--b--\r\n");

        MailMessage m = only(read(f));

        assertThat(m.subject()).isEqualTo("Fwd: suspicious");
        assertThat(m.text()).contains("Please have a look").doesNotContain("Reset your password");
        assertThat(m.attachments()).isEmpty();
        assertThat(m.attachedMessages()).singleElement().satisfies(a -> {
            assertThat(a.evidence().source()).isEqualTo(f + "/attached[1]").endsWith("/attached[1]");
            assertThat(a.subject()).isEqualTo("Password expiry");
            assertThat(a.from().address()).isEqualTo("helpdesk@evil.example");
            assertThat(a.from().displayName()).isEqualTo("IT Helpdesk");
            assertThat(a.text()).contains("https://evil.example/reset");
        });
    }

    @Test
    void twoAttachedMessagesAreNumbered() throws IOException {
        Path f = write("two.eml", "From: a@example.org\r\nSubject: two\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: message/rfc822\r\n\r\n" + eml("x@example.com", "one", "1")
                + "\r\n--b\r\nContent-Type: application/octet-stream; name=\"second.eml\"\r\n\r\n" + eml("y@example.com", "two", "2")
                + "\r\n--b--\r\n");

        MailMessage m = only(read(f));

        assertThat(m.attachedMessages()).extracting(a -> a.evidence().source())
                .containsExactly(f + "/attached[1]", f + "/attached[2]");
        assertThat(m.attachedMessages()).extracting(MailMessage::subject).containsExactly("one", "two");
    }

    // ---------------------------------------------------------------- Outlook .msg

    @Test
    void fixtureIsReadableByPoi() throws IOException {
        byte[] bytes = OutlookMsgFixture.message().subject("Quarterly report").body("See the figures.")
                .senderName("Alice Example").senderEmail("alice@example.com").build();

        MAPIMessage msg = new MAPIMessage(new ByteArrayInputStream(bytes));

        try {
            assertThat(msg.getSubject()).isEqualTo("Quarterly report");
            assertThat(msg.getTextBody()).isEqualTo("See the figures.");
            assertThat(msg.getDisplayFrom()).isEqualTo("Alice Example");
            assertThat(msg.getMainChunks().getEmailFromChunk().getValue()).isEqualTo("alice@example.com");
        } catch (org.apache.poi.hsmf.exceptions.ChunkNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void readsAnOutlookMsgFile() throws IOException {
        byte[] bytes = OutlookMsgFixture.message().subject("Votre colis est bloqué")
                .body("Payez les frais de douane: https://colis-douane.example/pay")
                .senderName("La Poste").senderEmail("noreply@colis-douane.example")
                .displayTo("Victim")
                .attach("facture.html", "text/html", "<html><body><form action=\"https://x.example\"></form></body></html>"
                        .getBytes(StandardCharsets.UTF_8))
                .build();
        Path f = write("parcel.msg", bytes);

        MailMessage m = only(read(f));

        assertThat(m.evidence().source()).isEqualTo(f.toString());
        assertThat(m.evidence().size()).isEqualTo(bytes.length);
        assertThat(m.evidence().sha256()).isEqualTo(Sha256.of(bytes));
        assertThat(m.subject()).isEqualTo("Votre colis est bloqué");
        assertThat(m.from().displayName()).isEqualTo("La Poste");
        assertThat(m.from().address()).isEqualTo("noreply@colis-douane.example");
        assertThat(m.text()).contains("https://colis-douane.example/pay");
        assertThat(m.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("facture.html");
            assertThat(a.magic()).isEqualTo("html");
            assertThat(a.text()).contains("<form action=\"https://x.example\">");
        });
        assertThat(m.problems()).isEmpty();
    }

    @Test
    void aDamagedOutlookPropertyTableKeepsTheMessage() throws IOException {
        byte[] good = OutlookMsgFixture.message().subject("Account suspended").body("Sign in to restore access.")
                .senderName("IT Desk").senderEmail("it@helpdesk-login.example")
                .html("<html><body><a href=\"https://helpdesk-login.example/restore\">restore</a></body></html>", 65001)
                .build();
        // corrupt the file where it stands: PR_INTERNET_CPID's property tag (3FDE0003, PT_LONG) becomes 3FDE0002 (PT_I2), as
        // a flipped bit in the property stream would; POI stops reading the property table there (it only logs it)
        byte[] damaged = good.clone();
        byte[] tag = {0x03, 0x00, (byte) 0xDE, 0x3F};
        int at = indexOf(damaged, tag);
        assertThat(at).as("the property tag is in the file").isPositive();
        assertThat(indexOf(java.util.Arrays.copyOfRange(damaged, at + 1, damaged.length), tag)).as("and only once").isNegative();
        damaged[at] = 0x02;

        MailMessage m = only(read(write("damaged.msg", damaged)));

        assertThat(m.subject()).isEqualTo("Account suspended");
        assertThat(m.text()).contains("Sign in to restore access.");
        assertThat(m.html()).contains("helpdesk-login.example/restore");
    }

    @Test
    void anOutlookPropertyPoiCannotReadIsARecordedProblemNeverAValue() {
        // POI 5.3's getters did not throw on any damaged file tried (every byte of a .msg set to 00, 7F, 80 and FF in turn,
        // and PR_INTERNET_CPID given 12 other types), so the recording is tested with a getter that does
        List<String> problems = new java.util.ArrayList<>();
        String html = OutlookMsgParser.property("HTML body (PR_HTML)", () -> {
            throw new ClassCastException("class PropertyValue$ShortPropertyValue cannot be cast to class PropertyValue$LongPropertyValue");
        }, problems);
        assertThat(html).isNull();
        assertThat(problems).containsExactly("Outlook HTML body (PR_HTML) could not be read: ClassCastException: class"
                + " PropertyValue$ShortPropertyValue cannot be cast to class PropertyValue$LongPropertyValue");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void outlookMsgTransportHeadersAreUsedWhenPresent() throws IOException {
        byte[] bytes = OutlookMsgFixture.message().subject("Wire transfer").body("Please wire today.")
                .senderName("CEO").senderEmail("ceo@example.com")
                .transportHeaders("Return-Path: <bounce@attacker.example>\r\n"
                        + "From: CEO <ceo@example.com>\r\n"
                        + "Reply-To: ceo.private@attacker.example\r\n"
                        + "Subject: Wire transfer\r\n"
                        + "Authentication-Results: mx.example.com; dmarc=fail header.from=example.com\r\n"
                        + "Content-Type: text/plain\r\n")
                .build();
        Path f = write("bec.msg", bytes);

        MailMessage m = only(read(f));

        assertThat(m.from().address()).isEqualTo("ceo@example.com");
        assertThat(m.replyTo()).extracting(a -> a.address()).containsExactly("ceo.private@attacker.example");
        assertThat(m.returnPath()).isEqualTo("bounce@attacker.example");
        assertThat(m.firstHeader("Authentication-Results")).contains("dmarc=fail");
        assertThat(m.text()).contains("Please wire today.");
        // the .msg's own Content-Type is dropped in favour of the rebuilt MIME structure
        assertThat(m.header("Content-Type")).singleElement().asString().startsWith("multipart/mixed");
    }

    @Test
    void outlookMsgPropertiesCannotInjectHeaderFields() throws IOException {
        byte[] bytes = OutlookMsgFixture.message().subject("s").body("b").senderName("n").senderEmail("n@example.com")
                .displayTo("Bob\r\nReply-To: evil@attacker.example").build();
        Path f = write("inject.msg", bytes);

        MailMessage m = only(read(f));

        assertThat(m.hasHeader("Reply-To")).isFalse();
        assertThat(m.replyTo()).isEmpty();
    }

    @Test
    void outlookAttachmentMimeTagsCannotInjectPartHeaders() throws IOException {
        byte[] bytes = OutlookMsgFixture.message().subject("s").body("b").senderName("n").senderEmail("n@example.com")
                .attach("a.txt", "text/plain\r\nContent-Disposition: inline\r\n\r\nforged body", "real".getBytes(StandardCharsets.US_ASCII))
                .build();
        Path f = write("tag.msg", bytes);

        MailMessage m = only(read(f));

        assertThat(m.text()).doesNotContain("forged body");
        assertThat(m.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("a.txt");
            assertThat(a.size()).isEqualTo(4);
        });
    }

    @Test
    void aNonMailOleFileAttachedAsMsgIsStillAnAttachment() throws IOException {
        ByteArrayOutputStream doc = new ByteArrayOutputStream();
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            fs.getRoot().createDocument("WordDocument", new ByteArrayInputStream(new byte[4096]));
            fs.writeFilesystem(doc);
        }
        Path f = write("doc-as-msg.eml", "From: user@example.org\r\nSubject: fw\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
                + "--b\r\nContent-Type: application/vnd.ms-outlook; name=\"mail.msg\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(doc.toByteArray()) + "\r\n--b--\r\n");

        MailMessage m = only(read(f));

        assertThat(m.attachedMessages()).isEmpty();
        assertThat(m.problems()).anySatisfy(p -> assertThat(p).startsWith("attached Outlook message unreadable: not an Outlook message"));
        assertThat(m.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("mail.msg");
            assertThat(a.magic()).isEqualTo("ole");
            assertThat(a.sha256()).isEqualTo(Sha256.of(doc.toByteArray()));
        });
    }

    @Test
    void emlWithAnAttachedOutlookMsgYieldsAnAttachedMessage() throws IOException {
        byte[] msg = OutlookMsgFixture.message().subject("Invoice 4711").body("Open the invoice: https://inv.example")
                .senderName("Billing").senderEmail("billing@inv.example")
                .transportHeaders("From: Billing <billing@inv.example>\r\nReply-To: pay@other.example\r\nSubject: Invoice 4711\r\n")
                .build();
        Path f = write("report.eml", "From: user@example.org\r\nTo: phishing-report@example.org\r\nSubject: FW: Invoice\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nLooks fishy.\r\n"
                + "--b\r\nContent-Type: application/vnd.ms-outlook; name=\"x.msg\"\r\n"
                + "Content-Disposition: attachment; filename=\"x.msg\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(msg) + "\r\n--b--\r\n");

        MailMessage m = only(read(f));

        assertThat(m.text()).contains("Looks fishy.");
        assertThat(m.attachments()).isEmpty();
        assertThat(m.attachedMessages()).singleElement().satisfies(a -> {
            assertThat(a.evidence().source()).isEqualTo(f + "/attached[1]");
            assertThat(a.evidence().size()).isEqualTo(msg.length);
            assertThat(a.evidence().sha256()).isEqualTo(Sha256.of(msg));
            assertThat(a.subject()).isEqualTo("Invoice 4711");
            assertThat(a.from().address()).isEqualTo("billing@inv.example");
            assertThat(a.replyTo()).extracting(r -> r.address()).containsExactly("pay@other.example");
            assertThat(a.text()).contains("https://inv.example");
        });
    }

    @Test
    void unreadableAttachedMsgIsAProblemNotAFailure() throws IOException {
        Path f = write("badmsg.eml", "From: user@example.org\r\nSubject: bad\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain\r\n\r\nbody\r\n"
                + "--b\r\nContent-Type: application/octet-stream; name=\"x.msg\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString("this is not an OLE file".getBytes(StandardCharsets.US_ASCII))
                + "\r\n--b--\r\n");

        MailMessage m = only(read(f));

        assertThat(m.text()).contains("body");
        assertThat(m.attachedMessages()).isEmpty();
        assertThat(m.problems()).anySatisfy(p -> assertThat(p).startsWith("attached Outlook message unreadable"));
    }

    @Test
    void truncatedMsgFileIsAnErrorItem() throws IOException {
        byte[] bytes = OutlookMsgFixture.message().subject("s").body("b").senderName("n").senderEmail("n@example.com").build();
        Path cut = write("cut.msg", java.util.Arrays.copyOf(bytes, 700));
        Path next = write("next.eml", eml("a@example.com", "next", "x"));

        List<MailItem> items = read(cut, next);

        assertThat(items).hasSize(2);
        assertThat(items.get(0).ok()).isFalse();
        assertThat(items.get(0).source()).isEqualTo(cut.toString());
        assertThat(items.get(0).error()).isNotBlank();
        assertThat(items.get(1).message().subject()).isEqualTo("next");
    }

    @Test
    void readsOneStreamSniffingItsFormat() {
        String mbox = "From a@example.com Mon Jan  1 00:00:00 2024\n" + eml("a@example.com", "one", "body")
                + "\nFrom b@example.com Mon Jan  1 00:00:00 2024\n" + eml("b@example.com", "two", "body");
        List<MailItem> items = new ArrayList<>();
        new MailReader().read(new ByteArrayInputStream(mbox.getBytes(StandardCharsets.UTF_8)), "bench", items::add);

        assertThat(items).extracting(MailItem::source).containsExactly("bench#1", "bench#2");
        assertThat(items).extracting(i -> i.message().subject()).containsExactly("one", "two");
    }

    /** NullAway found it: an I/O failure without a message made an item with neither a message nor an error. */
    @Test
    void aReadFailureWithoutAMessageStillSaysWhatFailed() {
        byte[] head = ("From: a@example.org\r\nSubject: cut off\r\n\r\n" + "body ".repeat(8_000))
                .getBytes(StandardCharsets.US_ASCII);
        InputStream failing = new InputStream() {
            private int pos;

            @Override
            public int read() throws IOException {
                if (pos < head.length) {
                    return head[pos++] & 0xff;
                }
                throw new IOException(); // some streams fail without a message
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos >= head.length) {
                    throw new IOException();
                }
                int n = Math.min(len, head.length - pos);
                System.arraycopy(head, pos, b, off, n);
                pos += n;
                return n;
            }
        };
        List<MailItem> items = new ArrayList<>();
        new MailReader().read(failing, "cut.eml", items::add);
        assertThat(items).hasSize(1);
        assertThat(items.get(0).message()).isNull();
        assertThat(items.get(0).error()).isNotBlank();
    }

    /**
     * Issue 14: of 3,000 mutants, three files holding only an mbox "From " line produced neither a result nor an error
     * line (the mbox had no message, and nothing said so). Every input gives at least one item.
     */
    @Test
    void anMboxHoldingOnlyItsFromLineIsAnErrorNotNothing(@TempDir Path dir) throws IOException {
        Path only = Files.writeString(dir.resolve("only-from"), "From someone@example.org Mon Jan  1 00:00:00 2024\n");
        List<MailItem> items = read(only);
        assertThat(items).singleElement().satisfies(i -> assertThat(i.error()).contains("no message"));
    }
}
