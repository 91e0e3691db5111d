package org.tocsin.site.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.site.read.Archives.html;
import static org.tocsin.site.read.Archives.pages;
import static org.tocsin.site.read.Archives.problems;
import static org.tocsin.site.read.Archives.read;
import static org.tocsin.site.read.SiteArchiveReaderTest.ABOUT;
import static org.tocsin.site.read.SiteArchiveReaderTest.ARTICLE;
import static org.tocsin.site.read.SiteArchiveReaderTest.FRONT;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcCompression;

/**
 * Broken and hostile archives: each gives a problem for the damaged record, the records after it are still read,
 * and memory stays bounded (the test JVM's default heap).
 */
class HostileArchiveTest {
    private static final String FRONT_URL = "https://millbrook-gazette.example/";
    private static final String ABOUT_URL = "https://millbrook-gazette.example/about";
    private static final String ARTICLE_URL = "https://millbrook-gazette.example/2024/10/polling-stations";

    @TempDir
    Path dir;

    @Test
    void aTruncatedLastRecordIsAProblemAndTheOnesBeforeItAreRead() throws IOException {
        byte[] first = Archives.warcBytes(WarcCompression.NONE, html(FRONT_URL, FRONT));
        byte[] second = Archives.warcBytes(WarcCompression.NONE, html(ABOUT_URL, ABOUT));
        Path warc = dir.resolve("cut.warc");
        Files.write(warc, concat(first, Arrays.copyOf(second, second.length / 2)));

        List<PageItem> items = read(warc);

        assertThat(pages(items)).extracting(SitePage::url).containsExactly(FRONT_URL);
        assertThat(problems(items)).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo(warc + "#" + first.length);
            assertThat(p.problem()).contains("cut short");
        });
    }

    @Test
    void aWrongContentLengthCostsOnlyThatRecord() throws IOException {
        for (int delta : new int[] {-40, +40}) {
            byte[] bad = withContentLengthChangedBy(Archives.warcBytes(WarcCompression.NONE, html(FRONT_URL, FRONT)),
                    delta);
            Path warc = dir.resolve("length" + delta + ".warc");
            Files.write(warc, concat(bad, Archives.warcBytes(WarcCompression.NONE, html(ABOUT_URL, ABOUT),
                    html(ARTICLE_URL, ARTICLE))));

            List<PageItem> items = read(warc);

            assertThat(problems(items)).as("Content-Length %+d", delta).singleElement()
                    .satisfies(p -> assertThat(p.source()).isEqualTo(warc + "#0"));
            assertThat(pages(items)).extracting(SitePage::url).as("Content-Length %+d", delta)
                    .endsWith(ABOUT_URL, ARTICLE_URL);
        }
    }

    @Test
    void garbageBetweenRecordsIsSkipped() throws IOException {
        Path warc = dir.resolve("garbage.warc");
        Files.write(warc, concat(Archives.warcBytes(WarcCompression.NONE, html(FRONT_URL, FRONT)),
                "<<< stray bytes from a broken crawler >>>\r\nHTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
                Archives.warcBytes(WarcCompression.NONE, html(ABOUT_URL, ABOUT))));

        List<PageItem> items = read(warc);

        assertThat(pages(items)).extracting(SitePage::url).containsExactly(FRONT_URL, ABOUT_URL);
        assertThat(problems(items)).singleElement().satisfies(p -> assertThat(p.problem()).contains("not a readable WARC record"));
    }

    @Test
    void aTruncatedGzipMemberIsAProblemAndTheNextMemberIsRead() throws IOException {
        byte[] first = Archives.warcBytes(WarcCompression.GZIP, html(FRONT_URL, FRONT));
        byte[] second = Archives.warcBytes(WarcCompression.GZIP, html(ABOUT_URL, ABOUT));
        byte[] third = Archives.warcBytes(WarcCompression.GZIP, html(ARTICLE_URL, ARTICLE));
        Path warc = dir.resolve("cut.warc.gz");
        Files.write(warc, concat(first, Arrays.copyOf(second, second.length / 2), third));

        List<PageItem> items = read(warc);

        assertThat(pages(items)).extracting(SitePage::url).containsExactly(FRONT_URL, ARTICLE_URL);
        assertThat(problems(items)).isNotEmpty().allSatisfy(p -> assertThat(p.source())
                .isEqualTo(warc + "#" + first.length));
    }

    @Test
    void aGzipBombIsInflatedOnlyToTheBound() throws IOException {
        // 256 MiB of zeros gzip to about 256 KB; a real bomb is bigger, and the bound is what keeps it harmless
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bomb)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 256; i++) {
                gz.write(zeros);
            }
        }
        Path warc = dir.resolve("bomb.warc.gz");
        Archives.write(warc, WarcCompression.GZIP,
                Archives.response(FRONT_URL, "text/html", bomb.toByteArray(), "Content-Encoding", "gzip"),
                html(ABOUT_URL, ABOUT));

        List<PageItem> items = read(warc);

        assertThat(pages(items)).hasSize(2);
        SitePage bombPage = pages(items).get(0);
        assertThat(bombPage.truncated()).isTrue();
        assertThat(bombPage.html()).hasSize(PageText.MAX_CHARS);
        assertThat(bombPage.evidence().size()).isEqualTo(bomb.size());
        assertThat(pages(items).get(1).html()).isEqualTo(ABOUT);
    }

    @Test
    void aFiftyMegabytePageIsCutAndTheNextRecordIsRead() throws IOException {
        long size = 50L * 1024 * 1024;
        Path warc = dir.resolve("huge.warc");
        Archives.write(warc, WarcCompression.NONE, Archives.hugeHtml(FRONT_URL, size), html(ABOUT_URL, ABOUT));

        List<PageItem> items = read(warc);

        SitePage huge = pages(items).get(0);
        assertThat(huge.truncated()).isTrue();
        assertThat(huge.html()).hasSize(PageText.MAX_CHARS).startsWith("<p>Polling stations open");
        assertThat(huge.evidence().size()).isEqualTo(size);
        assertThat(problems(items)).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo(huge.evidence().source());
            assertThat(p.problem()).contains("over the " + Pages.MAX_PAYLOAD_BYTES + "-byte bound");
        });
        assertThat(pages(items).get(1).html()).isEqualTo(ABOUT);
    }

    @Test
    void brokenHtmlIsStillAPage() throws IOException {
        String broken = "<html><head><title>Unclosed <body>" + "<div>".repeat(100_000)
                + "<p>Vote \u0000 on <b>Tuesday\uFFFD</i></html";
        byte[] bytes = concat(broken.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, (byte) 0x28});
        Path warc = dir.resolve("broken.warc");
        Archives.write(warc, WarcCompression.NONE, Archives.response(FRONT_URL, "text/html; charset=bogus-8", bytes));

        SitePage page = pages(read(warc)).get(0);

        assertThat(page.html()).startsWith("<html><head><title>Unclosed").endsWith("</html\uFFFD(");
    }

    @Test
    void randomBytesNamedWarcAreOneProblem() throws IOException {
        byte[] noise = new byte[64 * 1024];
        new Random(7).nextBytes(noise);
        noise[0] = 'X'; // not by chance a gzip or zip header
        Path warc = dir.resolve("crawl.warc");
        Files.write(warc, noise);
        Path wacz = dir.resolve("crawl.wacz");
        Files.write(wacz, concat("PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1), noise));

        List<PageItem> items = read(dir);

        assertThat(items).extracting(PageItem::source).containsExactly(wacz.toString(), warc.toString());
        assertThat(items).allSatisfy(i -> assertThat(i.ok()).isFalse());
        assertThat(items.get(1).problem()).isEqualTo("not a WARC, WACZ or HTML file");
    }

    private static byte[] withContentLengthChangedBy(byte[] record, int delta) {
        String text = new String(record, StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Content-Length: (\\d+)\r\n").matcher(text);
        assertThat(m.find()).isTrue();
        String changed = text.substring(0, m.start(1)) + (Long.parseLong(m.group(1)) + delta) + text.substring(m.end(1));
        return changed.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
