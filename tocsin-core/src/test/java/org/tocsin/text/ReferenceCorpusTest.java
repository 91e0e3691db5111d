package org.tocsin.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceCorpusTest {
    @TempDir
    Path dir;

    @Test
    void jsonLinesGoodLinesAreReadAndEachBadLineIsAProblemOfItsOwn() throws IOException {
        Path f = dir.resolve("corpus.jsonl");
        String deep = "{\"id\":\"deep\",\"text\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        Files.writeString(f, String.join("\n",
                "{\"id\":\"a1\",\"url\":\"https://news.example/a1\",\"title\":\"Count certified\",\"text\":\"The county certified the count.\"}",
                "not json at all",
                "[1, 2, 3]",
                "{\"id\":\"no-text\"}",
                "{\"id\":\"empty\",\"text\":\"  \"}",
                deep,
                "{\"id\":\"long\",\"text\":\"" + "x".repeat(ReferenceCorpus.MAX_LINE_CHARS + 10) + "\"}",
                "",
                "{\"id\":7,\"text\":\"Numeric ids are read as text.\"}",
                "{\"id\":\"cut\",\"text\":\"truncated in the mid"));
        ReferenceCorpus c = ReferenceCorpus.read(f);
        assertThat(c.articles()).extracting(ReferenceArticle::id).containsExactly("a1", "7");
        assertThat(c.articles().get(0).url()).isEqualTo("https://news.example/a1");
        assertThat(c.articles().get(0).title()).isEqualTo("Count certified");
        assertThat(c.problems()).extracting(ReferenceCorpus.Problem::where)
                .containsExactly(f + ":2", f + ":3", f + ":4", f + ":5", f + ":6", f + ":7", f + ":10");
        assertThat(c.problems().get(0).reason()).startsWith("not JSON");
        assertThat(c.problems().get(2).reason()).contains("\"text\" missing");
        assertThat(c.problems().get(5).reason()).contains("longer than");
    }

    @Test
    void directoryOfTextAndHtmlFilesNamesArticlesByFileName() throws IOException {
        Files.writeString(dir.resolve("gazette-2024-10-17.txt"), "Marlow County opens a second early-voting site.");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/tribune-42.html"), """
                <html><head><title>Audit matches machine count</title>
                <link rel="canonical" href="https://tribune.example/42"></head>
                <body><nav>Home | Politics</nav><article><p>The hand count</p><p>matched the scanners.</p></article>
                <script>var x = 1;</script></body></html>""");
        Files.writeString(dir.resolve("notes.md"), "not an article");
        Files.write(dir.resolve("latin1.txt"), "Élection à Nîmes".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(dir.resolve("blank.htm"), "<html><body>   </body></html>");

        ReferenceCorpus c = ReferenceCorpus.read(dir);
        assertThat(c.articles()).extracting(ReferenceArticle::id).containsExactly("gazette-2024-10-17", "latin1", "tribune-42");
        ReferenceArticle html = c.articles().get(2);
        assertThat(html.title()).isEqualTo("Audit matches machine count");
        assertThat(html.url()).isEqualTo("https://tribune.example/42");
        assertThat(html.text()).isEqualTo("The hand count matched the scanners.");
        assertThat(c.articles().get(1).text()).isEqualTo("Élection à Nîmes");
        assertThat(c.problems()).extracting(ReferenceCorpus.Problem::reason)
                .containsExactlyInAnyOrder("no text", "not UTF-8; read as windows-1252");
    }

    @Test
    void oversizedFileIsAProblemAndTheRestIsRead() throws IOException {
        try (RandomAccessFile big = new RandomAccessFile(dir.resolve("huge.txt").toFile(), "rw")) {
            big.setLength(ReferenceCorpus.MAX_FILE_BYTES + 1); // sparse: no real 8 MB written
        }
        Files.writeString(dir.resolve("ok.txt"), "A short real article.");
        ReferenceCorpus c = ReferenceCorpus.read(dir);
        assertThat(c.articles()).extracting(ReferenceArticle::id).containsExactly("ok");
        assertThat(c.problems()).singleElement().satisfies(p -> assertThat(p.reason()).startsWith("too large"));
    }

    @Test
    void missingPathIsAnError() {
        assertThatThrownBy(() -> ReferenceCorpus.read(dir.resolve("nope"))).hasMessageContaining("no such file");
    }

    @Test
    void corpusReadFromDiskFeedsTheIndex() throws IOException {
        Files.writeString(dir.resolve("marlow.txt"), CopyFixtures.resource("original.txt"));
        Files.writeString(dir.resolve("harlan.txt"), CopyFixtures.resource("unrelated.txt"));
        NearDuplicates index = NearDuplicates.builder().addAll(ReferenceCorpus.read(dir).articles()).build();
        assertThat(index.find(CopyFixtures.resource("rewrite.txt"))).extracting(CopyMatch::referenceId).containsExactly("marlow");
    }
}
