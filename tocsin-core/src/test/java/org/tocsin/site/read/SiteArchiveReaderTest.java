package org.tocsin.site.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.site.read.Archives.FETCHED;
import static org.tocsin.site.read.Archives.html;
import static org.tocsin.site.read.Archives.pages;
import static org.tocsin.site.read.Archives.problems;
import static org.tocsin.site.read.Archives.read;
import static org.tocsin.site.read.Archives.request;
import static org.tocsin.site.read.Archives.response;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcCompression;
import org.tocsin.evidence.Sha256;

class SiteArchiveReaderTest {
    static final String FRONT = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Millbrook Gazette – Local news</title></head>
            <body><h1>Millbrook Gazette</h1>
            <article><h2><a href="/2024/10/polling-stations">Polling stations confirmed for 5 November</a></h2></article>
            <article><h2><a href="/2024/10/council-budget">Council budget vote delayed</a></h2></article>
            <footer><a href="/about">About us</a> · Registered office: 12 High Street, Millbrook</footer>
            </body></html>
            """;
    static final String ARTICLE = """
            <!doctype html><html><head><title>Polling stations confirmed</title></head>
            <body><article><h1>Polling stations confirmed for 5 November</h1>
            <p>The county clerk’s office said all 42 polling stations will open at 7am.</p></article></body></html>
            """;
    static final String ABOUT = """
            <html><head><title>About the Gazette</title></head>
            <body><h1>About us</h1><p>The Millbrook Gazette has served the valley since 1887. Editor: Jo Marsh.</p>
            </body></html>
            """;

    @TempDir
    Path dir;

    @Test
    void readsHtmlResponsesOfAGzipWarcAndSkipsEverythingElse() throws IOException {
        Path warc = dir.resolve("gazette.warc.gz");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};
        Archives.write(warc, WarcCompression.GZIP,
                request("https://www.millbrook-gazette.example/"),
                html("https://www.Millbrook-Gazette.example/", FRONT),
                response("https://www.millbrook-gazette.example/logo.png", "image/png", png),
                html("https://www.millbrook-gazette.example/2024/10/polling-stations", ARTICLE));

        List<PageItem> items = read(warc);

        assertThat(problems(items)).isEmpty();
        List<SitePage> pages = pages(items);
        assertThat(pages).extracting(SitePage::url).containsExactly("https://www.Millbrook-Gazette.example/",
                "https://www.millbrook-gazette.example/2024/10/polling-stations");
        SitePage front = pages.get(0);
        assertThat(front.host()).isEqualTo("www.millbrook-gazette.example");
        assertThat(front.status()).isEqualTo(200);
        assertThat(front.headers()).containsEntry("content-type", "text/html;charset=utf-8")
                .containsKey("content-length");
        assertThat(front.html()).isEqualTo(FRONT);
        assertThat(front.fetched()).isEqualTo(FETCHED);
        assertThat(front.truncated()).isFalse();
        assertThat(front.evidence().sha256()).isEqualTo(Sha256.of(FRONT.getBytes(StandardCharsets.UTF_8)));
        assertThat(front.evidence().size()).isEqualTo(FRONT.getBytes(StandardCharsets.UTF_8).length);
        assertThat(front.evidence().source()).startsWith(warc + "#").isNotEqualTo(pages.get(1).evidence().source());
        assertThat(pages.get(1).html()).contains("county clerk’s office");
    }

    @Test
    void decodesWindows1252AndGzipContentEncodingInAPlainWarc() throws IOException {
        Charset cp1252 = Charset.forName("windows-1252");
        String latin = "<html><head><title>Caf\u00e9 owners \u201cworried\u201d</title></head><body>\u2013</body></html>";
        byte[] gz = Archives.gzip(ABOUT.getBytes(StandardCharsets.UTF_8));
        Path warc = dir.resolve("two.warc");
        Archives.write(warc, WarcCompression.NONE,
                response("http://millbrook-gazette.example/cafe", "text/html; charset=windows-1252",
                        latin.getBytes(cp1252)),
                response("http://millbrook-gazette.example/about", "text/html", gz, "Content-Encoding", "gzip"),
                // no charset anywhere but the page's own meta tag
                response("http://millbrook-gazette.example/old", "text/html",
                        "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body>na\u00efve</body></html>"
                                .getBytes(cp1252)));

        List<SitePage> pages = pages(read(warc));

        assertThat(pages).hasSize(3);
        assertThat(pages.get(0).html()).isEqualTo(latin);
        assertThat(pages.get(1).html()).isEqualTo(ABOUT);
        assertThat(pages.get(1).headers()).containsEntry("content-encoding", "gzip");
        // the evidence is the payload as archived, still gzip-encoded
        assertThat(pages.get(1).evidence().sha256()).isEqualTo(Sha256.of(gz));
        assertThat(pages.get(2).html()).contains("na\u00efve");
    }

    @Test
    void readsEachWarcOfAWaczWithoutExtractingIt() throws IOException {
        Path wacz = dir.resolve("gazette.wacz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(wacz))) {
            entry(zip, "datapackage.json", "{\"profile\":\"data-package\"}".getBytes(StandardCharsets.UTF_8));
            entry(zip, "archive/data-1.warc.gz", Archives.warcBytes(WarcCompression.GZIP,
                    html("https://millbrook-gazette.example/", FRONT)));
            entry(zip, "archive/data-2.warc", Archives.warcBytes(WarcCompression.NONE,
                    request("https://millbrook-gazette.example/about"),
                    html("https://millbrook-gazette.example/about", ABOUT)));
            entry(zip, "pages/pages.jsonl", "{}".getBytes(StandardCharsets.UTF_8));
        }

        List<PageItem> items = read(wacz);

        assertThat(problems(items)).isEmpty();
        assertThat(pages(items)).extracting(SitePage::html).containsExactly(FRONT, ABOUT);
        assertThat(pages(items).get(1).evidence().source()).startsWith(wacz + "!/archive/data-2.warc#");
    }

    @Test
    void walksADirectoryInNameOrderSniffingEachFile() throws IOException {
        Path site = Files.createDirectories(dir.resolve("site"));
        Archives.write(site.resolve("b-crawl.warc.gz"), WarcCompression.GZIP,
                html("https://millbrook-gazette.example/about", ABOUT));
        // named .txt, but a WARC all the same: content decides
        Archives.write(site.resolve("a-crawl.txt"), WarcCompression.NONE,
                html("https://millbrook-gazette.example/", FRONT));
        Files.createDirectories(site.resolve("c-saved"));
        Files.writeString(site.resolve("c-saved/article.html"), ARTICLE);
        Files.writeString(site.resolve(".hidden.html"), ABOUT);
        Files.writeString(site.resolve("notes.txt"), "crawl notes, not a page");

        List<PageItem> items = read(site);

        assertThat(problems(items)).isEmpty();
        assertThat(pages(items)).extracting(SitePage::html).containsExactly(FRONT, ABOUT, ARTICLE);
    }

    @Test
    void aSavedPageTakesItsOriginFromTheCanonicalLink() throws IOException {
        Path saved = dir.resolve("Polling stations confirmed.html");
        String html = """
                <!DOCTYPE html><html><head>
                <meta property="og:url" content="https://og.millbrook-gazette.example/x">
                <link href="https://www.M\u00fcllbrook-gazette.example/2024/10/polling-stations?ref=a&amp;b=1" rel="canonical">
                </head><body><p>The polling stations…</p></body></html>
                """;
        Files.writeString(saved, html);
        Instant modified = Instant.parse("2024-10-15T12:00:00Z");
        Files.setLastModifiedTime(saved, FileTime.from(modified));
        Path loose = dir.resolve("loose.htm");
        Files.writeString(loose, ABOUT);

        SitePage page = pages(read(saved)).get(0);
        SitePage plain = pages(read(loose)).get(0);

        assertThat(page.url()).isEqualTo("https://www.M\u00fcllbrook-gazette.example/2024/10/polling-stations?ref=a&b=1");
        assertThat(page.host()).isEqualTo("www.xn--mllbrook-gazette-jzb.example");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.fetched()).isEqualTo(modified);
        assertThat(page.evidence()).isEqualTo(new org.tocsin.evidence.EvidenceRef(saved.toString(),
                Sha256.of(html.getBytes(StandardCharsets.UTF_8)), html.getBytes(StandardCharsets.UTF_8).length));
        assertThat(plain.url()).isEqualTo(loose.toUri().toString());
        assertThat(plain.host()).isEmpty();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        OutputStream out = zip;
        out.write(bytes);
        zip.closeEntry();
    }
}
