package org.tocsin.social.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.social.PostKind;

class CanonicalPostsReaderTest {
    private static final String HEADER = "post_id,account_id,account_name,created_at,kind,text,urls,reshare_of,reply_to,lang\n";

    static List<PostItem> readAll(Path... paths) throws IOException {
        List<PostItem> out = new ArrayList<>();
        try (PostArchives a = PostArchives.open(java.util.Arrays.stream(paths).map(Path::toString).toList())) {
            PostItem i;
            while ((i = a.next()) != null) {
                out.add(i);
            }
        }
        return out;
    }

    @Test
    void quotedFieldsWithCommasQuotesAndLineBreaksAndEveryKind(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("posts.csv");
        Files.writeString(f, HEADER
                + "1,acc1,Acc One,2016-10-01T00:00:00Z,post,\"Hello, \"\"world\"\"\nsecond line\",https://a.example/x https://b.example/y,,,en\r\n"
                + "2,acc2,,2016-10-01T00:00:30Z,reshare,Hello,,1,,en\n"
                + "3,acc3,acc3,2016-10-01 00:01:00,reply,re,,,1,\n"
                + "4,acc4,acc4,2016-10-01T02:01:00+02:00,QUOTE,q,,1,,\n");
        List<PostItem> items = readAll(f);
        assertThat(items).allSatisfy(i -> assertThat(i.ok()).as(i.source() + " " + i.error()).isTrue());
        assertThat(items.get(0).post().text()).isEqualTo("Hello, \"world\"\nsecond line");
        assertThat(items.get(0).post().urls()).containsExactly("https://a.example/x", "https://b.example/y");
        assertThat(items.get(1).post().kind()).isEqualTo(PostKind.RESHARE);
        assertThat(items.get(1).post().accountName()).isEqualTo("acc2");
        assertThat(items.get(2).post().replyTo()).isEqualTo("1");
        assertThat(items.get(3).post().createdAt()).isEqualTo(items.get(2).post().createdAt());
        assertThat(items).extracting(PostItem::source).containsExactly(f + "#2", f + "#4", f + "#5", f + "#6");
    }

    @Test
    void badRowsAreProblemsAndTheRestIsRead(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("posts.csv");
        Files.writeString(f, HEADER
                + "1,acc1,,yesterday,post,x,,,,\n"
                + "2,acc2,,2016-10-01T00:00:00Z,tweetstorm,x,,,,\n"
                + ",acc3,,2016-10-01T00:00:00Z,post,x,,,,\n"
                + "4,acc4,,2016-10-01T00:00:00Z,post,\"never closed\n"
                + "5,acc5,,2016-10-01T00:00:00Z,post,fine,,,,\n");
        List<PostItem> items = readAll(f);
        assertThat(items.subList(0, 3)).extracting(PostItem::error).containsExactly(
                "created_at \"yesterday\" is not an ISO-8601 time", "unknown kind \"tweetstorm\"", "no post_id");
        // the unterminated quote swallows the rest of the file up to the end: one problem or one odd post, never an exception
        assertThat(items).hasSizeBetween(4, 5);
    }

    @Test
    void anUnclosedQuoteThatRunsIntoTheNextRowIsReportedAndTheRowIsReadAsItself(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("posts.csv");
        Files.writeString(f, HEADER
                + "1,acc1,,2016-10-01T00:00:00Z,post,fine,,,,en\n"
                + "2,acc2,,2016-10-01T00:00:01Z,post,\"Fixing the fence before the storm rolls in!,,,,en\n"
                + "3,acc3,,2016-10-01T00:00:02Z,reshare,\"Polls are open until 8pm, find your place\",,1,,en\n"
                + "4,acc4,,2016-10-01T00:00:03Z,post,\"a text\nover two lines\",,,,en\n"
                + "5,acc5,,2016-10-01T00:00:04Z,post,last,,,,en\n");
        List<PostItem> items = readAll(f);
        assertThat(items).extracting(PostItem::source).containsExactly(f + "#2", f + "#3", f + "#4", f + "#5", f + "#7");
        assertThat(items.get(1).ok()).isFalse();
        assertThat(items.get(1).error()).startsWith("unclosed quote").contains("line 4");
        assertThat(items.get(2).post().postId()).isEqualTo("3");
        assertThat(items.get(2).post().text()).isEqualTo("Polls are open until 8pm, find your place");
        assertThat(items.get(3).post().text()).isEqualTo("a text\nover two lines");
        assertThat(items.get(4).post().postId()).isEqualTo("5");
    }

    @Test
    void anUnterminatedQuoteCostsOneBoundedRecord(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("posts.csv");
        StringBuilder b = new StringBuilder(HEADER).append("1,acc1,,2016-10-01T00:00:00Z,post,\"");
        b.append("x".repeat(CanonicalCsvSource.MAX_RECORD_CHARS + 10)).append('\n');
        b.append("2,acc2,,2016-10-01T00:00:00Z,post,after the bad one,,,,\n");
        Files.writeString(f, b);
        List<PostItem> items = readAll(f);
        assertThat(items.get(0).error()).startsWith("record longer than");
        assertThat(items.get(items.size() - 1).post().text()).isEqualTo("after the bad one");
    }

    @Test
    void gzipJsonLinesMisEncodedBytesAndJunk(@TempDir Path dir) throws IOException {
        Path gz = dir.resolve("a.jsonl.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(("{\"post_id\": \"9\", \"account_id\": \"z\", \"created_at\": \"2016-10-01T00:00:00Z\", \"kind\": \"post\","
                    + " \"text\": \"caf\u00e9\", \"urls\": [\"https://x.example\"]}\n{\"post_id\": 1\n[1,2]\n").getBytes(StandardCharsets.UTF_8));
        }
        Path bad = dir.resolve("b.csv");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(HEADER.getBytes(StandardCharsets.UTF_8));
        bytes.write("1,acc1,,2016-10-01T00:00:00Z,post,caf".getBytes(StandardCharsets.UTF_8));
        bytes.write(new byte[] {(byte) 0xE9, (byte) 0xFF, ',', ',', ',', ',', '\n'});
        Files.write(bad, bytes.toByteArray());
        Path junk = dir.resolve("c.bin");
        Files.write(junk, new byte[] {0, 1, 2, 3});
        Path truncated = dir.resolve("d.csv.gz");
        byte[] full;
        ByteArrayOutputStream z = new ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(z)) {
            o.write((HEADER + "1,acc1,,2016-10-01T00:00:00Z,post,first,,,,\n".repeat(2000)).getBytes(StandardCharsets.UTF_8));
        }
        full = z.toByteArray();
        Files.write(truncated, java.util.Arrays.copyOf(full, full.length / 2));

        List<PostItem> items = readAll(gz, bad, junk, truncated);
        assertThat(items.get(0).post().urls()).containsExactly("https://x.example");
        assertThat(items.get(1).error()).startsWith("not JSON");
        assertThat(items.get(2).error()).isEqualTo("not a JSON object");
        assertThat(items.get(3).post().text()).isEqualTo("caf\uFFFD\uFFFD");
        assertThat(items.get(4).error()).startsWith("not a posts archive");
        PostItem last = items.get(items.size() - 1);
        assertThat(last.source()).isEqualTo(truncated.toString());
        assertThat(last.error()).startsWith("input broke off");
        assertThat(items.stream().filter(PostItem::ok).count()).isGreaterThan(3); // what came before the cut is kept
    }
}
