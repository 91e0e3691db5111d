package org.tocsin.social.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostArchivesTest {
    @TempDir
    Path dir;

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        }
        return out.toByteArray();
    }

    @Test
    void aDirectoryWithEveryFormatAndJunkIsReadInNameOrderEachItemWithItsSource() throws IOException {
        Path csv = Files.writeString(dir.resolve("a-posts.csv"),
                "post_id,account_id,account_name,created_at,kind,text,urls,reshare_of,reply_to,lang\n"
                        + "c1,9,nine,2024-11-05T09:00:00Z,post,hello,,,,en\n");
        Path jsonl = Files.writeString(dir.resolve("b-posts.jsonl"),
                "{\"post_id\": \"j1\", \"account_id\": \"9\", \"created_at\": \"2024-11-05T09:00:00Z\", \"kind\": \"post\", \"text\": \"x\"}\n");
        Path twitter = Files.write(dir.resolve("c-twarc2.jsonl.gz"), gzip(Sources.resource("twarc2-two-pages.jsonl")));
        Path junk = Files.writeString(dir.resolve("d-notes.txt"), "meeting notes, nothing to read\n");
        Files.createDirectories(dir.resolve("e-telegram"));
        Path telegram = Files.write(dir.resolve("e-telegram/result.json"), Sources.resource("telegram-result.json"));

        List<PostItem> items = Sources.all(PostArchives.open(List.of(dir.toString())));

        assertThat(items).extracting(PostItem::source).containsExactly(
                csv + "#2",
                jsonl + "#1",
                twitter + "#1", twitter + "#2", twitter + "#3", twitter + "#4", twitter + "#5", twitter + "#6",
                junk.toString(),
                telegram + "#2", telegram + "#3", telegram + "#4", telegram + "#5", telegram + "#7", telegram + "#8", telegram + "#9");
        assertThat(items).extracting(i -> i.ok() ? i.post().postId() : "problem").containsExactly(
                "c1", "j1", "1001", "1002", "1003", "2001", "2002", "2003", "problem",
                "1700000001:2", "1700000001:3", "1800000002:10", "1800000002:11", "1800000002:13", "1800000002:14", "1900000003:1");
        assertThat(items.get(3).post().accountName()).isEqualTo("bob_news");
        assertThat(items.get(8).error()).startsWith("not a posts archive");
    }

    @Test
    void aBareArrayOfTweetsIsKnownByItsContent() throws IOException {
        Path array = Files.writeString(dir.resolve("tweets.json"), "[\n  " + TwitterV2SourceTest.tweet("1", "5", "hi") + "\n]\n");
        Path other = Files.writeString(dir.resolve("numbers.json"), "[{\"a\": 1}]\n");
        List<PostItem> items = Sources.all(PostArchives.open(List.of(array.toString(), other.toString())));
        assertThat(items).extracting(i -> i.ok() ? i.post().postId() : i.error())
                .containsExactly("1", "not a posts archive (canonical CSV or JSON Lines, X/Twitter API v2 JSON, Telegram export)");
    }

    @Test
    void aTruncatedGzipOfTweetsKeepsWhatWasReadAndTheNextInputIsRead() throws IOException {
        // 50 copies of the two pages: past the 8 KB PostArchives reads to tell the format, so the break comes mid-stream
        String pages = new String(Sources.resource("twarc2-two-pages.jsonl"), StandardCharsets.UTF_8).repeat(50);
        byte[] z = gzip(pages.getBytes(StandardCharsets.UTF_8));
        Path cut = Files.write(dir.resolve("a-cut.jsonl.gz"), java.util.Arrays.copyOf(z, z.length - 40));
        Path next = Files.write(dir.resolve("b-next.json"), Sources.resource("telegram-result.json"));
        List<PostItem> items = Sources.all(PostArchives.open(List.of(cut.toString(), next.toString())));
        assertThat(items).filteredOn(i -> !i.ok()).singleElement().satisfies(i -> assertThat(i.source()).startsWith(cut.toString()));
        assertThat(items).filteredOn(i -> i.source().startsWith(cut.toString()) && i.ok()).hasSizeGreaterThan(200).hasSizeLessThan(300);
        assertThat(items).filteredOn(i -> !i.ok()).singleElement().satisfies(i -> assertThat(i.error()).startsWith("input broke off"));
        assertThat(items).filteredOn(i -> i.source().startsWith(next.toString())).hasSize(7).allMatch(PostItem::ok);
    }
}
