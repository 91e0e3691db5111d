package org.tocsin.social.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One stream as posts (what both runners open each file with), and PostArchives over files built on it. */
class PostStreamsTest {
    private static final String CSV = "post_id,account_id,account_name,created_at,kind,text,urls,reshare_of,reply_to,lang\n"
            + "1,alice,Alice,2016-10-01T00:00:00Z,post,hello there,,,,en\n"
            + "2,bob,Bob,bad-time,post,hello,,,,en\n";
    private static final String JSONL = "{\"post_id\":\"3\",\"account_id\":\"carol\",\"created_at\":\"2016-10-01T00:00:05Z\",\"kind\":\"post\",\"text\":\"hi\"}\n";

    @TempDir
    Path dir;

    @Test
    void csvJsonLinesAndGzipAreSniffedByContent() throws IOException {
        assertThat(read(PostStreams.open(new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)), "a")))
                .containsExactly("a#2 post 1 alice", "a#3 problem created_at \"bad-time\" is not an ISO-8601 time");
        assertThat(read(PostStreams.open(new ByteArrayInputStream(gzip(JSONL)), "b"))).containsExactly("b#1 post 3 carol");
    }

    @Test
    void anUnknownFormatIsOneProblem() throws IOException {
        assertThat(read(PostStreams.open(new ByteArrayInputStream(new byte[] {1, 2, 3}), "c")))
                .containsExactly("c problem not a posts archive (canonical CSV or JSON Lines, X/Twitter API v2 JSON, Telegram export)");
        assertThat(read(PostStreams.open(new ByteArrayInputStream(new byte[0]), "empty"))).hasSize(1);
    }

    @Test
    void archivesReadEachInputAndGoOnAfterProblems() throws IOException {
        Files.createDirectory(dir.resolve("d"));
        Files.writeString(dir.resolve("d/2.csv"), CSV);
        Files.write(dir.resolve("d/1.jsonl.gz"), gzip(JSONL));
        Files.write(dir.resolve("junk.bin"), new byte[] {9, 9, 9});
        byte[] gz = gzip(CSV.repeat(2000));
        Files.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length / 2));
        List<String> items = read(PostArchives.open(List.of(dir.resolve("junk.bin").toString(), dir.resolve("d").toString(),
                dir.resolve("missing.csv").toString(), dir.resolve("cut.gz").toString())));
        String d = dir.resolve("d").toString();
        assertThat(items.subList(0, 4)).containsExactly(dir.resolve("junk.bin") + " problem not a posts archive (canonical CSV or JSON Lines,"
                + " X/Twitter API v2 JSON, Telegram export)", d + "/1.jsonl.gz#1 post 3 carol", d + "/2.csv#2 post 1 alice",
                d + "/2.csv#3 problem created_at \"bad-time\" is not an ISO-8601 time");
        assertThat(items.get(4)).startsWith(dir.resolve("missing.csv") + " problem cannot read: ");
        assertThat(items.get(items.size() - 1)).startsWith(dir.resolve("cut.gz") + " problem input broke off: ");
        assertThat(items.subList(5, items.size() - 1)).allSatisfy(s -> assertThat(s).startsWith(dir.resolve("cut.gz") + "#"));
    }

    private static List<String> read(PostSource source) throws IOException {
        List<String> out = new ArrayList<>();
        try (source) {
            PostItem i;
            while ((i = source.next()) != null) {
                out.add(i.ok() ? i.source() + " post " + i.post().postId() + " " + i.post().accountId() : i.source() + " problem " + i.error());
            }
        }
        return out;
    }

    private static byte[] gzip(String s) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(b)) {
            z.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }
}
