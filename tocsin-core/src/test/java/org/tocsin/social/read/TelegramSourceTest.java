package org.tocsin.social.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tocsin.social.Post;
import org.tocsin.social.PostKind;

class TelegramSourceTest {
    static List<PostItem> read(byte[] bytes) throws IOException {
        return Sources.all(new TelegramSource(new ByteArrayInputStream(bytes), "tg"));
    }

    static List<PostItem> read(String json) throws IOException {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    static String chat(String messages) {
        return "{\"name\": \"Marlow Neighbours\", \"type\": \"private_supergroup\", \"id\": 18, \"messages\": [" + messages + "]}";
    }

    static String message(int id, String text) {
        return "{\"id\": " + id + ", \"type\": \"message\", \"date\": \"2024-11-05T10:00:00\", \"date_unixtime\": \"1730800800\","
                + " \"from\": \"Erin Walsh\", \"from_id\": \"user501\", \"text\": \"" + text + "\"}";
    }

    @Test
    void aFullExportGivesTheMessagesOfEveryChatWithChatQualifiedIds() throws IOException {
        List<PostItem> items = read(Sources.resource("telegram-result.json"));

        assertThat(items).allMatch(PostItem::ok);
        // service messages (#1, #6) are skipped; the n-th message of the file keeps its number
        assertThat(items).extracting(PostItem::source).containsExactly("tg#2", "tg#3", "tg#4", "tg#5", "tg#7", "tg#8", "tg#9");
        assertThat(items).extracting(PostItem::post)
                .extracting(Post::postId, Post::accountId, Post::accountName, Post::kind, Post::reshareOf, Post::replyTo)
                .containsExactly(
                        tuple("1700000001:2", "channel1700000001", "Marlow Election Alerts", PostKind.POST, null, null),
                        // a channel post without from: the channel by its chat
                        tuple("1700000001:3", "channel1700000001", "Marlow Election Alerts", PostKind.POST, null, null),
                        tuple("1800000002:10", "user501", "Erin Walsh", PostKind.POST, null, null),
                        tuple("1800000002:11", "user502", "Frank", PostKind.RESHARE, "forwarded:Marlow Election Alerts", null),
                        tuple("1800000002:13", "user503", "Grace", PostKind.REPLY, null, "1800000002:10"),
                        // a deleted account: "from": null
                        tuple("1800000002:14", "user504", "user504", PostKind.POST, null, null),
                        // left_chats are read too; message ids repeat across chats
                        tuple("1900000003:1", "user505", "Hal", PostKind.POST, null, null));
        Post alert = items.get(0).post();
        assertThat(alert.text()).isEqualTo("Polling places have changed! See https://marlow-alerts.example/moved and the official list #MarlowVotes");
        assertThat(alert.urls()).containsExactly("https://marlow-alerts.example/moved", "https://vote.marlow.example/sites");
        assertThat(alert.createdAt()).isEqualTo(Instant.ofEpochSecond(1730745000));
        assertThat(alert.lang()).isNull();
        // no date_unixtime: the local date, read as UTC
        assertThat(items.get(1).post().createdAt()).isEqualTo(Instant.parse("2024-11-04T19:00:00Z"));
        assertThat(items.get(3).post().urls()).containsExactly("https://marlow-alerts.example/moved");
        // a plain-string text with its link among text_entities
        assertThat(items.get(4).post().urls()).containsExactly("https://vote.marlow.example");
        assertThat(items.get(5).post().text()).isEmpty();
    }

    @Test
    void aOneChatExportAndAChatWhoseIdComesAfterItsMessages() throws IOException {
        assertThat(read(chat(message(5, "hi")))).extracting(i -> i.post().postId()).containsExactly("18:5");
        String idLast = "{\"name\": \"Late\", \"messages\": [{\"id\": 1, \"type\": \"message\", \"date\": \"2024-11-05T10:00:00\", \"text\": \"x\"}], \"id\": 99}";
        Post p = read(idLast).get(0).post();
        assertThat(p.postId()).isEqualTo("chat1:1");
        assertThat(p.accountId()).isEqualTo("channelchat1");
        assertThat(p.accountName()).isEqualTo("Late");
    }

    @Test
    void aMessageWithoutIdOrDateIsAProblemAndTheOthersGoOn() throws IOException {
        List<PostItem> items = read(chat("{\"type\": \"message\", \"date\": \"2024-11-05T10:00:00\", \"text\": \"x\"},"
                + "{\"id\": 2, \"type\": \"message\", \"text\": \"x\"},"
                + "{\"id\": 3, \"type\": \"message\", \"date_unixtime\": \"soon\", \"text\": \"x\"},"
                + "{\"id\": 4, \"type\": \"message\", \"date\": \"5 Nov\", \"text\": \"x\"}," + message(5, "ok")));
        assertThat(items).extracting(i -> i.ok() ? i.post().postId() : i.error())
                .satisfiesExactly(
                        e -> assertThat(e).contains("without id"),
                        e -> assertThat(e).contains("no date"),
                        e -> assertThat(e).contains("date_unixtime"),
                        e -> assertThat(e).contains("not an ISO-8601 time"),
                        e -> assertThat(e).isEqualTo("18:5"));
    }

    @Test
    void aFileCutMidMessageGivesTheMessagesReadThenOneProblem() throws IOException {
        String all = new String(Sources.resource("telegram-result.json"), StandardCharsets.UTF_8);
        String cut = all.substring(0, all.indexOf("\"reply_to_message_id\""));
        List<PostItem> items = read(cut);
        assertThat(items).extracting(PostItem::source).containsExactly("tg#2", "tg#3", "tg#4", "tg#5", "tg#7");
        assertThat(items.subList(0, 4)).allMatch(PostItem::ok);
        assertThat(items.get(4).error()).contains("JSON unreadable").contains("end-of-input");
    }

    @Test
    void wrongTypesAreProblemsAndTheRestIsRead() throws IOException {
        String json = "{\"chats\": {\"list\": [17, " + chat("42, \"text\", " + message(3, "ok"))
                + ", {\"id\": 19, \"messages\": \"none\"}]}, \"left_chats\": []}";
        List<PostItem> items = read(json);
        assertThat(items).extracting(i -> i.ok() ? i.post().postId() : i.error())
                .satisfiesExactly(
                        e -> assertThat(e).contains("a chat that is not a JSON object"),
                        e -> assertThat(e).contains("a message that is not a JSON object"),
                        e -> assertThat(e).contains("a message that is not a JSON object"),
                        e -> assertThat(e).isEqualTo("18:3"),
                        e -> assertThat(e).contains("\"messages\" of chat 19 is not an array"));
        assertThat(read("[" + chat(message(1, "x")) + "]")).singleElement()
                .satisfies(i -> assertThat(i.error()).contains("not a Telegram export"));
    }

    @Test
    void aFiveMegabyteTextIsCutAndThePostKept() throws IOException {
        String huge = "y".repeat(5 * 1024 * 1024);
        String parts = "{\"id\": 2, \"type\": \"message\", \"date_unixtime\": \"1730800800\", \"text\": [\"" + huge
                + "\", {\"type\": \"text_link\", \"text\": \"more\", \"href\": \"https://x.example\"}]}";
        List<PostItem> items = read(chat(message(1, huge) + "," + parts + "," + message(3, "after")));
        assertThat(items).hasSize(3).allMatch(PostItem::ok);
        assertThat(items.get(0).post().text()).hasSize(CanonicalPosts.MAX_TEXT);
        assertThat(items.get(1).post().text()).hasSize(CanonicalPosts.MAX_TEXT);
        assertThat(items.get(1).post().urls()).containsExactly("https://x.example");
    }

    @Test
    void deepNestingIsAProblemNotAStackOverflow() throws IOException {
        List<PostItem> inMessage = read(chat(message(1, "before") + ", {\"id\": 2, \"type\": \"message\", \"text\": "
                + Sources.nested(10_000) + "}"));
        assertThat(inMessage).hasSize(2);
        assertThat(inMessage.get(0).ok()).isTrue();
        assertThat(inMessage.get(1).error()).contains("nesting depth");

        List<PostItem> atTop = read(Sources.nested(10_000));
        assertThat(atTop).isNotEmpty().noneMatch(PostItem::ok);
        assertThat(atTop.get(atTop.size() - 1).error()).contains("nesting depth");

        // nested objects where the walk skips a field, not where it reads a tree
        List<PostItem> skipped = read("{\"personal_information\": " + "{\"a\": ".repeat(10_000) + "1" + "}".repeat(10_000) + "}");
        assertThat(skipped).singleElement().satisfies(i -> assertThat(i.error()).contains("nesting depth"));
    }

    @Test
    void invalidUtf8IsReplacedAndTheMessageKept() throws IOException {
        List<PostItem> items = read(Sources.withInvalidUtf8(chat(message(1, "before@@after") + "," + message(2, "next")), "@@"));
        assertThat(items).hasSize(2).allMatch(PostItem::ok);
        assertThat(items.get(0).post().text()).startsWith("before").endsWith("after").contains("\uFFFD");
    }

    @Test
    void anEmptyFileHasNoItems() throws IOException {
        assertThat(read(new byte[0])).isEmpty();
        assertThat(read("{}")).isEmpty();
    }
}
