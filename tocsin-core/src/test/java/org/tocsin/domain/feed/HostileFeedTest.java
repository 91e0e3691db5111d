package org.tocsin.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tocsin.domain.feed.CtFixtures.concat;
import static org.tocsin.domain.feed.CtFixtures.entry;
import static org.tocsin.domain.feed.CtFixtures.getEntries;
import static org.tocsin.domain.feed.CtFixtures.gzip;
import static org.tocsin.domain.feed.CtFixtures.merkleTreeLeaf;
import static org.tocsin.domain.feed.CtFixtures.opaque24;
import static org.tocsin.domain.feed.CtFixtures.read;
import static org.tocsin.domain.feed.CtFixtures.u24;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.Test;

/**
 * Malformed, truncated, oversized and binary input: each bad item is one clear problem, the good items
 * before and after it are still delivered, and memory stays bounded however large the feed.
 */
class HostileFeedTest {
    private static final CtFixtures CT = CtFixtures.create();
    private static final String BEFORE = CT.x509Entry("before.example.org", "before.example.org");
    private static final String AFTER = CT.precertEntry("after.example.org", "after.example.org");
    private static final String EMPTY_CHAIN = "AAAA"; // certificate_chain<0..2^24-1> with no certificates

    /** A get-entries feed of BEFORE, the given bad entries, AFTER; returns each item as "#N name-or-problem". */
    private static List<String> around(String... bad) {
        List<String> entries = new ArrayList<>();
        entries.add(BEFORE);
        entries.addAll(List.of(bad));
        entries.add(AFTER);
        return summary(read("ct.json", getEntries(entries.toArray(String[]::new))));
    }

    private static List<String> summary(List<FeedItem> items) {
        return items.stream().map(i -> i.source().replaceFirst("^[^#:]*", "") + " " + (i.isProblem() ? i.problem() : i.name())).toList();
    }

    private static String leafEntry(byte[] leaf) {
        return entry(Base64.getEncoder().encodeToString(leaf), EMPTY_CHAIN);
    }

    @Test
    void malformedBase64IsAProblemForThatEntryOnly() {
        assertThat(around(
                entry("AAEC!!==", EMPTY_CHAIN),
                entry("QUJDR", EMPTY_CHAIN), // a stray last character: the error falls on the closing quote
                entry("QUJ\u00e9RA==", EMPTY_CHAIN),
                entry("QUJ\\\"D", EMPTY_CHAIN),
                entry(Base64.getEncoder().encodeToString(CtFixtures.der(CT.ca())), "not base64!")))
                .containsExactly(
                        "#0 before.example.org",
                        "#1 leaf_input: invalid base64 (character '!' at offset 4)",
                        "#2 leaf_input: invalid base64 (Last unit does not have enough valid bits)",
                        "#3 leaf_input: invalid base64 (character '\u00e9' at offset 3)",
                        "#4 leaf_input: invalid base64 (character '\"' at offset 3)",
                        "#5 extra_data: invalid base64 (character U+0020 at offset 3)",
                        "#6 after.example.org");
    }

    @Test
    void aTruncatedLeafSaysWhereTheDataRanOut() {
        X509CertificateHolder cert = CT.certificate("cut.example.org", "cut.example.org");
        byte[] leaf = CT.x509Leaf(cert, 1L);
        int certLength = CtFixtures.der(cert).length;

        assertThat(around(
                leafEntry(Arrays.copyOf(leaf, leaf.length / 2)),
                leafEntry(Arrays.copyOf(leaf, 7)),
                leafEntry(Arrays.copyOf(leaf, leaf.length - 1)),
                leafEntry(new byte[0])))
                .containsExactly(
                        "#0 before.example.org",
                        "#1 leaf_input: certificate length " + certLength + " past end of data",
                        "#2 leaf_input: data ends inside the timestamp (leaf is 7 bytes)",
                        "#3 leaf_input: data ends inside the extensions length (leaf is " + (leaf.length - 1) + " bytes)",
                        "#4 leaf_input: leaf is empty",
                        "#5 after.example.org");
    }

    @Test
    void lengthsPastTheEndAreCaughtBeforeTheyAreUsed() {
        byte[] tbsPastEnd = merkleTreeLeaf(0, 0, 1L, 1, concat(new byte[32], u24(9999), new byte[10]));
        byte[] extensionsPastEnd = CT.x509Leaf(CT.certificate("x.example.org", "x.example.org"), 1L);
        extensionsPastEnd[extensionsPastEnd.length - 1] = 40; // CtExtensions length 40, no bytes follow
        byte[] trailing = concat(CT.x509Leaf(CT.certificate("y.example.org", "y.example.org"), 1L), new byte[3]);

        assertThat(around(leafEntry(tbsPastEnd), leafEntry(extensionsPastEnd), leafEntry(trailing))).containsExactly(
                "#0 before.example.org",
                "#1 leaf_input: TBSCertificate length 9999 past end of data",
                "#2 leaf_input: extensions length 40 past end of data",
                "#3 leaf_input: 3 bytes after the end of the leaf",
                "#4 after.example.org");
    }

    @Test
    void unknownVersionsLeafTypesAndEntryTypesAreNamed() {
        byte[] cert = opaque24(CtFixtures.der(CT.certificate("z.example.org", "z.example.org")));

        assertThat(around(
                leafEntry(merkleTreeLeaf(0, 0, 1L, 7, cert)),
                leafEntry(merkleTreeLeaf(1, 0, 1L, 0, cert)),
                leafEntry(merkleTreeLeaf(0, 2, 1L, 0, cert)),
                leafEntry(merkleTreeLeaf(0, 0, 1L, 0, opaque24(new byte[0])))))
                .containsExactly(
                        "#0 before.example.org",
                        "#1 leaf_input: unknown entry type 7",
                        "#2 leaf_input: unknown MerkleTreeLeaf version 1",
                        "#3 leaf_input: unknown leaf type 2",
                        "#4 leaf_input: certificate is empty",
                        "#5 after.example.org");
    }

    @Test
    void derThatIsNotACertificateIsAProblem() {
        byte[] notDer = "this is not DER at all".getBytes(StandardCharsets.US_ASCII);
        byte[] wholeCertAsTbs = CtFixtures.der(CT.certificate("w.example.org", "w.example.org"));
        byte[] cutDer = Arrays.copyOf(wholeCertAsTbs, wholeCertAsTbs.length - 20);

        List<String> items = around(
                leafEntry(merkleTreeLeaf(0, 0, 1L, 0, opaque24(notDer))),
                leafEntry(merkleTreeLeaf(0, 0, 1L, 1, concat(new byte[32], opaque24(wholeCertAsTbs)))),
                leafEntry(merkleTreeLeaf(0, 0, 1L, 0, opaque24(cutDer))),
                CT.x509Entry("Example County Elections"));

        assertThat(items).hasSize(6);
        assertThat(items.get(1)).startsWith("#1 leaf_input: X.509 certificate does not parse (");
        assertThat(items.get(2)).startsWith("#2 leaf_input: TBSCertificate does not parse (");
        assertThat(items.get(3)).startsWith("#3 leaf_input: X.509 certificate does not parse (");
        assertThat(items.get(4)).isEqualTo("#4 leaf_input: certificate names no host (no DNS subjectAltName, no host-name CN)");
        assertThat(items).startsWith("#0 before.example.org").endsWith("#5 after.example.org");
    }

    @Test
    void entriesOfTheWrongShapeAreOneProblemEach() {
        assertThat(around(
                "42",
                "{\"leaf_input\":12345,\"extra_data\":\"AAAA\"}",
                "{\"extra_data\":\"AAAA\"}",
                "{\"leaf_input\":{\"nested\":[1,2,{\"deeper\":\"x\"}]}}"))
                .containsExactly(
                        "#0 before.example.org",
                        "#1 entry is a number, not a JSON object",
                        "#2 leaf_input is a number, not a base64 string",
                        "#3 entry has no leaf_input",
                        "#4 leaf_input is an object, not a base64 string",
                        "#5 after.example.org");
    }

    @Test
    void garbageBytesAreProblemsNeverNames() {
        byte[] garbage = new byte[600];
        new Random(6962).nextBytes(garbage);
        for (int i = 0; i < garbage.length; i++) {
            if (garbage[i] == '\n') {
                garbage[i] = 0;
            }
        }
        byte[] plain = concat("before.example\n".getBytes(StandardCharsets.US_ASCII), garbage,
                "\nafter.example\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(summary(read("nrd.txt", plain))).containsExactly(
                ":1 before.example", ":2 binary or mis-encoded line", ":3 after.example");
        assertThat(around(leafEntry(garbage))).hasSize(3).element(1).asString().startsWith("#1 leaf_input: unknown");
        Random random = new Random(11129);
        for (int round = 0; round < 200; round++) {
            byte[] junk = new byte[random.nextInt(5000)];
            random.nextBytes(junk);
            // a short printable run between newlines is a plain line like any other; nothing else gets through
            assertThat(read("junk.bin", junk)).allSatisfy(item -> {
                assertThat(item.source()).matches("junk\\.bin(:\\d+)?");
                if (!item.isProblem()) {
                    assertThat(item.name()).doesNotContainPattern("[\\p{Cntrl}\\s,\\uFFFD]");
                }
            });
        }
    }

    @Test
    void aTenMegabyteLineIsOneProblemInEveryFormat() {
        byte[] huge = new byte[10 << 20];
        Arrays.fill(huge, (byte) 'A');
        byte[] plain = concat("before.example\n".getBytes(StandardCharsets.US_ASCII), huge,
                "\r\nafter.example\n".getBytes(StandardCharsets.US_ASCII));
        byte[] certstream = concat("{\"message_type\":\"dns_entries\",\"data\":[\"before.example\"]}\n{\"x\":\"".getBytes(StandardCharsets.US_ASCII),
                huge, "\"}\n{\"message_type\":\"dns_entries\",\"data\":[\"after.example\"]}\n".getBytes(StandardCharsets.US_ASCII));
        String hugeBase64 = new String(huge, StandardCharsets.US_ASCII);

        assertThat(summary(read("nrd.txt", plain))).containsExactly(
                ":1 before.example", ":2 line longer than 4096 bytes; skipped", ":3 after.example");
        assertThat(summary(read("cs.jsonl", certstream))).containsExactly(
                ":1 before.example", ":2 line longer than 1 MiB; skipped", ":3 after.example");
        String goodLeaf = BEFORE.substring(0, BEFORE.indexOf(",\"extra_data\""));
        assertThat(around(
                entry(hugeBase64, EMPTY_CHAIN),
                entry("AAAA", hugeBase64),
                goodLeaf + ",\"unknown\":\"" + hugeBase64 + "\",\"extra_data\":\"" + EMPTY_CHAIN + "\"}"))
                .containsExactly(
                        "#0 before.example.org",
                        "#1 leaf_input: longer than 1 MiB of base64; skipped",
                        "#2 extra_data: longer than 1 MiB of base64; skipped",
                        "#3 before.example.org",
                        "#4 after.example.org");
    }

    @Test
    void aTruncatedGzipKeepsTheNamesReadAndSaysSoAtTheEnd() {
        StringBuilder list = new StringBuilder();
        Random random = new Random(1);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            String name = Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + ".example";
            all.add(name);
            list.append(name).append('\n');
        }
        byte[] compressed = gzip(list.toString().getBytes(StandardCharsets.US_ASCII));

        List<FeedItem> items = read("nrd.txt.gz", Arrays.copyOf(compressed, compressed.length / 2));

        List<String> names = items.stream().filter(i -> !i.isProblem()).map(FeedItem::name).toList();
        assertThat(names).isNotEmpty().hasSizeLessThan(all.size()).isEqualTo(all.subList(0, names.size()));
        assertThat(items.get(items.size() - 1)).isEqualTo(FeedItem.problem("nrd.txt.gz",
                "gzip data cut short or corrupt (Unexpected end of ZLIB input stream); the names before this point were read"));
    }

    @Test
    void aDamagedGzipHeaderOrBodyIsAProblemNotAnException() {
        byte[] good = gzip("nato.ws\n".repeat(1000).getBytes(StandardCharsets.US_ASCII));
        byte[] corrupt = good.clone();
        for (int i = 12; i < corrupt.length - 8; i++) {
            corrupt[i] ^= 0x5a;
        }

        assertThat(read("x.gz", new byte[] {0x1f, (byte) 0x8b, 8})).containsExactly(
                FeedItem.problem("x.gz", "gzip header is damaged (data ends early)"));
        List<FeedItem> items = read("y.gz", corrupt);
        assertThat(items).isNotEmpty();
        assertThat(items.get(items.size() - 1).problem()).startsWith("gzip data cut short or corrupt (");
    }

    @Test
    void aJsonFileCutMidEntryKeepsTheEntriesBeforeIt() {
        String third = CT.x509Entry("third.example.org", "third.example.org");
        String feed = getEntries(BEFORE, AFTER, third);
        String cut = feed.substring(0, feed.indexOf(third) + third.length() / 2);

        assertThat(summary(read("ct.json", cut))).containsExactly(
                "#0 before.example.org", "#1 after.example.org",
                "#2 JSON ends early at line 4, column " + (third.length() / 2 + 1) + ", inside this entry (file cut short?)");
        assertThat(summary(read("ct.json.gz", gzip(cut.getBytes(StandardCharsets.US_ASCII))))).hasSize(3);
        byte[] gz = gzip(feed.getBytes(StandardCharsets.US_ASCII));
        assertThat(summary(read("ct.json.gz", Arrays.copyOf(gz, gz.length - 200))))
                .startsWith("#0 before.example.org").last().asString().startsWith(" gzip data cut short");
    }

    @Test
    void brokenJsonStructureStopsTheFileWithAClearProblem() {
        String feed = "{\"entries\":[" + BEFORE + ", xyz, " + AFTER + "]}";

        // the column where the bad token starts (Jackson 2.18 gave the one after its end; 2.23 the start)
        assertThat(summary(read("ct.json", feed))).containsExactly("#0 before.example.org",
                " JSON syntax error at line 1, column " + (feed.indexOf("xyz") + 1)
                        + " (Unrecognized token 'xyz': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')); rest of file not read");
    }

    @Test
    void nulAndOtherControlBytesAndInvalidUtf8AreProblems() {
        byte[] plain = concat("a.example\nb\0ad.example\n".getBytes(StandardCharsets.US_ASCII),
                new byte[] {'c', (byte) 0xff, (byte) 0xfe, '.', 'e', 'x', '\n'},
                "tab\u0085.example\nd.example\tA\n".getBytes(StandardCharsets.UTF_8));
        byte[] certstream = ("{\"message_type\":\"dns_entries\",\"data\":[\"a.example\"]}\n"
                + "{\"message_type\":\"dns_entries\",\"data\":[\"b\0ad.example\"]}\n"
                + "{\"message_type\":\"dns_entries\",\"data\":[\"c.example\"]}\n").getBytes(StandardCharsets.US_ASCII);

        assertThat(summary(read("nrd.txt", plain))).containsExactly(":1 a.example",
                ":2 binary or mis-encoded line", ":3 binary or mis-encoded line", ":4 binary or mis-encoded line",
                ":5 d.example");
        assertThat(summary(read("cs.jsonl", certstream))).hasSize(3)
                .startsWith(":1 a.example").endsWith(":3 c.example").element(1).asString().startsWith(":2 not valid JSON");
        assertThat(around(entry("AAAA\0AAAA", EMPTY_CHAIN))).containsExactly(
                "#0 before.example.org", "#1 leaf_input: invalid base64 (character U+0000 at offset 4)", "#2 after.example.org");
    }

    @Test
    void deeplyNestedJsonIsAProblemNotAStackOverflow() {
        String deep = "[".repeat(100_000);
        String certstream = "{\"message_type\":\"dns_entries\",\"data\":[\"a.example\"]}\n{\"data\":" + deep + "\n"
                + "{\"message_type\":\"dns_entries\",\"data\":[\"c.example\"]}\n";

        assertThat(summary(read("cs.jsonl", certstream))).hasSize(3)
                .startsWith(":1 a.example").endsWith(":3 c.example").element(1).asString().contains("nesting depth");
        assertThat(summary(read("ct.json", "{\"entries\":[" + BEFORE + "," + deep)))
                .first().isEqualTo("#0 before.example.org");
    }

    @Test
    @SuppressWarnings("InputStreamSlowMultibyteRead") // streams that fail; how fast they read does not matter
    void aStreamThatCannotBeReadIsAnIOExceptionAndAMissingFileToo() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("device not ready");
            }
        };
        byte[] gzHead = Arrays.copyOf(gzip("nato.ws\n".getBytes(StandardCharsets.US_ASCII)), 10);
        InputStream failingGzip = new InputStream() {
            private int pos;

            @Override
            public int read() throws IOException {
                if (pos < gzHead.length) {
                    return gzHead[pos++] & 0xff;
                }
                throw new IOException("device not ready");
            }
        };

        assertThatThrownBy(() -> DomainFeedReader.read("dev", failing, i -> { })).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> DomainFeedReader.read("dev.gz", failingGzip, i -> { }))
                .isInstanceOf(IOException.class).hasMessage("device not ready");
        assertThatThrownBy(() -> DomainFeedReader.read("/no/such/feed.txt", i -> { })).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aHugeGetEntriesFeedStreamsEntryByEntry() throws IOException {
        GeneratedFeed feed = new GeneratedFeed(CT, 200_000);
        long[] delivered = {0};

        DomainFeedReader.read("big.json", feed, item -> {
            long k = delivered[0]++;
            assertThat(item).isEqualTo(FeedItem.name("big.json#" + k, GeneratedFeed.nameOf(k)));
            // each name is handed on while the stream is at most a few buffers past its entry
            assertThat(feed.served() - feed.endOfEntry(k)).isLessThan(256 * 1024);
        });

        assertThat(delivered[0]).isEqualTo(200_000);
        assertThat(feed.served()).isGreaterThan(100L << 20); // far more than any buffer: it really streamed
    }

    /**
     * {@code {"entries":[...]}} with {@code count} x509 entries for n000000.example.org, n000001..., made
     * as it is read: one real leaf whose name digits are rewritten per entry (the signature no longer
     * matches, which a feed reader does not check), so nothing the size of the feed is ever in memory.
     */
    private static final class GeneratedFeed extends InputStream {
        private static final byte[] HEAD = "{\"entries\":[".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] TAIL = "]}\n".getBytes(StandardCharsets.US_ASCII);
        private final byte[] template;
        private final List<Integer> digitOffsets = new ArrayList<>();
        private final int count;
        private final int entryLength;
        private int next = -1;
        private byte[] current = new byte[0];
        private int pos;
        private long served;

        GeneratedFeed(CtFixtures ct, int count) {
            this.count = count;
            template = ct.x509Leaf(ct.certificate(nameOf(0), nameOf(0)), 1_725_264_000_000L);
            byte[] marker = nameOf(0).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i + marker.length <= template.length; i++) {
                if (Arrays.equals(template, i, i + marker.length, marker, 0, marker.length)) {
                    digitOffsets.add(i + 1);
                }
            }
            assertThat(digitOffsets).hasSize(2); // the CN and the SAN
            entryLength = entryBytes(0).length;
        }

        static String nameOf(long k) {
            return String.format("n%06d.example.org", k);
        }

        long served() {
            return served;
        }

        /** Offset just past entry k: the head, k + 1 entries and the k commas between them. */
        long endOfEntry(long k) {
            return HEAD.length + (k + 1) * entryLength + k;
        }

        private byte[] entryBytes(int k) {
            byte[] leaf = template.clone();
            byte[] digits = String.format("%06d", k).getBytes(StandardCharsets.US_ASCII);
            for (int offset : digitOffsets) {
                System.arraycopy(digits, 0, leaf, offset, digits.length);
            }
            return entry(Base64.getEncoder().encodeToString(leaf), EMPTY_CHAIN).getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == current.length) {
                next++;
                if (next > count + 1) {
                    return -1;
                }
                current = next == 0 ? HEAD : next == count + 1 ? TAIL
                        : next == 1 ? entryBytes(0) : concat(new byte[] {','}, entryBytes(next - 1));
                pos = 0;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            served += n;
            return n;
        }
    }
}
