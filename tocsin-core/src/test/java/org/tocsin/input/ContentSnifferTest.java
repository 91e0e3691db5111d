package org.tocsin.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** What an input holds, from its first bytes: one answer for the same bytes, whichever reader or command asks. */
class ContentSnifferTest {
    private static final Path ROOT = Path.of(System.getProperty("tocsin.root", ".."));

    private static Sniffed sniff(String text) {
        return sniff(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Sniffed sniff(byte[] bytes) {
        return ContentSniffer.sniff(bytes, Math.min(bytes.length, ContentSniffer.HEAD), bytes.length <= ContentSniffer.HEAD);
    }

    private static ContentKind kind(String text) {
        return sniff(text).kind();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void kindsAreReadFromContentNotNames() {
        assertThat(kind("Received: from x\r\nFrom: a@b.c\r\n")).isEqualTo(ContentKind.MAIL_MESSAGE);
        assertThat(kind("From a@b.c Mon Sep  2 10:00:00 2024\n")).isEqualTo(ContentKind.MBOX);
        assertThat(kind("# nrd\nwashingtonpost.pm\n")).isEqualTo(ContentKind.DOMAIN_LIST);
        assertThat(kind("example.com. 3600 IN NS ns1.example.net.\n")).isEqualTo(ContentKind.DOMAIN_LIST);
        assertThat(kind("{\"entries\":[]}")).isEqualTo(ContentKind.CT_ENTRIES);
        assertThat(kind("WARC/1.1\r\nWARC-Type: warcinfo\r\n")).isEqualTo(ContentKind.WARC);
        assertThat(kind("  <!DOCTYPE html><html>")).isEqualTo(ContentKind.HTML_PAGE);
        assertThat(kind("<!-- saved from url=(0040)https://x.example/ -->\n<html><head>")).isEqualTo(ContentKind.HTML_PAGE);
        assertThat(kind("post_id,account_id,account_name,created_at,kind,text,urls,reshare_of,reply_to,lang\n"))
                .isEqualTo(ContentKind.POSTS_CSV);
        assertThat(kind("just some prose here\n")).isEqualTo(ContentKind.UNKNOWN);
        assertThat(kind("# profile\norganizations:\n  - name: X\n")).isEqualTo(ContentKind.UNKNOWN);
        assertThat(kind("<?xml version=\"1.0\"?><rss></rss>")).isEqualTo(ContentKind.UNKNOWN);
        assertThat(kind("U.S. officials said on Monday\nthat the vote would go ahead\n")).isEqualTo(ContentKind.UNKNOWN);
        assertThat(sniff(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}).kind()).isEqualTo(ContentKind.OUTLOOK_MSG);
        assertThat(sniff("PK\u0003\u0004rest").kind()).isEqualTo(ContentKind.WACZ);
    }

    /** Fault 7 of issue 13: a list whose names are raw Unicode, or whose first line is damaged, is still a list. */
    @Test
    void aDomainListIsKnownByMostOfItsLinesNotByItsFirst() {
        assertThat(kind("b\u0456ld.de\n")).isEqualTo(ContentKind.DOMAIN_LIST);
        assertThat(kind("bücher-spiegel.de\n")).isEqualTo(ContentKind.DOMAIN_LIST);
        assertThat(kind("!!! export of 2024-09-05 !!!\nspiegel.ltd\nfox-news.in\n")).isEqualTo(ContentKind.DOMAIN_LIST);
        assertThat(kind(",2024-09-01\n.\nok.example\n")).isEqualTo(ContentKind.DOMAIN_LIST);
        assertThat(kind("\"fox-news.in\",2024-09-01,namecheap\n*.nato.ws,x\n")).isEqualTo(ContentKind.DOMAIN_LIST);
        byte[] binaryFirst = ("\u0000\u0001garbage\n" + "a.example\nb.example\n").getBytes(StandardCharsets.UTF_8);
        assertThat(sniff(binaryFirst).kind()).isEqualTo(ContentKind.DOMAIN_LIST);
        assertThat(kind("1.2.3.4\n5.6.7.8\n")).isEqualTo(ContentKind.UNKNOWN); // addresses, not names
    }

    @Test
    void jsonIsToldApartByTheFieldNamesOfItsFirstValue() {
        String certstream = "{\"data\":{\"cert_index\":42,\"leaf_cert\":{\"all_domains\":[\"a.example\"]}},\"message_type\":\"certificate_update\"}\n";
        assertThat(kind(certstream)).isEqualTo(ContentKind.CERTSTREAM);
        assertThat(kind("{\"message_type\":\"heartbeat\"}\n")).isEqualTo(ContentKind.CERTSTREAM);
        assertThat(kind("[{\"leaf_input\":\"AAAA\",\"extra_data\":\"\"}]")).isEqualTo(ContentKind.CT_ENTRIES);
        assertThat(kind("{\"post_id\":\"1\",\"account_id\":\"a\",\"created_at\":\"2024-01-01T00:00:00Z\"}\n")).isEqualTo(ContentKind.POSTS_JSONL);
        assertThat(kind("{\"data\":[{\"id\":\"1\",\"author_id\":\"5\",\"text\":\"hi\"}],\"includes\":{}}")).isEqualTo(ContentKind.TWITTER_V2);
        assertThat(kind("[{\"id\":\"1\",\"author_id\":\"5\",\"text\":\"hi\"}]")).isEqualTo(ContentKind.TWITTER_V2);
        assertThat(kind("{\"name\":\"Channel\",\"type\":\"public_channel\",\"id\":1,\"messages\":[]}")).isEqualTo(ContentKind.TELEGRAM);
        assertThat(sniff("{\"type\":\"bundle\",\"id\":\"bundle--1\",\"objects\":[]}").detail()).isEqualTo("JSON of another shape");
        assertThat(kind("[{\"a\": 1}]")).isEqualTo(ContentKind.UNKNOWN);
        assertThat(kind("{\"data\":" + "[".repeat(100_000))).isEqualTo(ContentKind.TWITTER_V2); // a nesting bomb costs nothing
    }

    @Test
    void gzipIsLookedInto() throws IOException {
        Sniffed feed = sniff(gzip("spiegel.ltd\nbild.eu.com\n".getBytes(StandardCharsets.US_ASCII)));
        Sniffed warc = sniff(Files.readAllBytes(ROOT.resolve("examples/sites/washingtonpost.pm.warc.gz")));
        Sniffed posts = sniff(gzip("post_id,account_id\n".getBytes(StandardCharsets.US_ASCII)));

        assertThat(feed).isEqualTo(new Sniffed(ContentKind.DOMAIN_LIST, true, false, null));
        assertThat(warc).isEqualTo(new Sniffed(ContentKind.WARC, true, false, null));
        assertThat(posts.kind()).isEqualTo(ContentKind.POSTS_CSV);
        assertThat(sniff(gzip(new byte[0])).kind()).isEqualTo(ContentKind.EMPTY);
        Sniffed cut = sniff(new byte[] {0x1f, (byte) 0x8b, 8, 0});
        assertThat(cut.gzip()).isTrue();
        assertThat(cut.damaged()).isTrue();
        assertThat(cut.kind()).isEqualTo(ContentKind.UNKNOWN);
    }

    @Test
    void mailIsKnownByItsHeaderBlockWhateverBytesItsValuesHold() {
        assertThat(kind("Return-Path: <a@b.c>\r\nSubject: \u001b[2J\u001b]0;owned\u0007 \u202egpj.exe\r\n\r\nbody")).isEqualTo(ContentKind.MAIL_MESSAGE);
        assertThat(sniff("X-Spam: yes\r\nSubject: caf\u00e9\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)).kind()).isEqualTo(ContentKind.MAIL_MESSAGE);
        byte[] hugeHeader = new byte[1 << 20];
        Arrays.fill(hugeHeader, (byte) 'A');
        byte[] start = "Subject: ".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(start, 0, hugeHeader, 0, start.length);
        assertThat(sniff(hugeHeader).kind()).isEqualTo(ContentKind.MAIL_MESSAGE);
        assertThat(kind("Foo: bar\nBaz: qux\n\nbody")).isEqualTo(ContentKind.UNKNOWN); // a header line, but no mail field
    }

    @Test
    void emptinessAndBinaryData() {
        byte[] noise = new byte[10_000];
        new Random(5).nextBytes(noise);
        noise[0] = 'X';
        byte[] blank = new byte[ContentSniffer.HEAD + 1];
        Arrays.fill(blank, (byte) '\n');

        assertThat(sniff(new byte[0]).kind()).isEqualTo(ContentKind.EMPTY);
        assertThat(kind(" \n\t\r\n")).isEqualTo(ContentKind.EMPTY);
        assertThat(sniff(noise).detail()).isEqualTo("binary data");
        assertThat(sniff(blank)).isEqualTo(new Sniffed(ContentKind.UNKNOWN, false, false, "nothing but white space in its first 64 KiB"));
    }

    @Test
    void aUtf16PageWithItsByteOrderMarkIsAPage() {
        byte[] page = "\uFEFF<!DOCTYPE html><html><body>x</body></html>".getBytes(StandardCharsets.UTF_16LE);
        assertThat(sniff(page).kind()).isEqualTo(ContentKind.HTML_PAGE);
    }

    @Test
    void sniffingAStreamConsumesNothing() throws IOException {
        byte[] bytes = Files.readAllBytes(ROOT.resolve("examples/mail/mbox/reported-2024-10.mbox"));
        BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(bytes), 512);

        assertThat(ContentSniffer.sniff(in).kind()).isEqualTo(ContentKind.MBOX);
        assertThat(in.readAllBytes()).isEqualTo(bytes);
    }

    /** A stream is sniffed on its first 8 KiB when that decides it: the answer is the one the whole head gives. */
    @Test
    void aStreamAndItsBytesGiveTheSameAnswer() throws IOException {
        String fields = "X-Long: " + "a".repeat(9000) + "\r\n";
        java.util.List<byte[]> inputs = new java.util.ArrayList<>(java.util.List.of(
                ("Foo: bar\r\n" + fields + "Subject: late field\r\n\r\nbody").getBytes(StandardCharsets.US_ASCII),
                ("Foo: bar\r\n" + "Bar: " + "b".repeat(9000) + "\r\nSubject: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII),
                (" ".repeat(9000) + "<html><body>x</body></html>").getBytes(StandardCharsets.US_ASCII),
                ("{\"data\":\"" + "x".repeat(9000) + "\",\"message_type\":\"heartbeat\"}\n").getBytes(StandardCharsets.US_ASCII),
                ("post_id" + ",x".repeat(5000) + "\n").getBytes(StandardCharsets.US_ASCII),
                ("just words\n".repeat(1000) + "a.example\n".repeat(1000)).getBytes(StandardCharsets.US_ASCII)));
        for (String example : java.util.List.of("mail/phish/apt42-interview-lure.eml", "mail/mbox/reported-2024-10.mbox",
                "feeds/nrd-2024-09-05.txt", "feeds/certstream-2024-09.jsonl", "feeds/ct-get-entries-2024-09.json",
                "sites/washingtonpost.pm.warc.gz", "posts/activist-network.csv")) {
            inputs.add(Files.readAllBytes(ROOT.resolve("examples").resolve(example)));
        }
        for (byte[] bytes : inputs) {
            Sniffed whole = sniff(bytes);
            BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(bytes));
            assertThat(ContentSniffer.sniff(in)).as(new String(bytes, 0, 40, StandardCharsets.ISO_8859_1)).isEqualTo(whole);
        }
    }
}
