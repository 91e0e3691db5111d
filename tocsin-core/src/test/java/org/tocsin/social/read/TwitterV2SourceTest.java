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

class TwitterV2SourceTest {
    private static final String TWEET = "{\"id\": \"%s\", \"author_id\": \"%s\", \"created_at\": \"2024-11-05T12:00:00.000Z\", \"text\": \"%s\"}";

    static List<PostItem> read(byte[] bytes) throws IOException {
        return Sources.all(new TwitterV2Source(new ByteArrayInputStream(bytes), "tw"));
    }

    static List<PostItem> read(String json) throws IOException {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    static String tweet(String id, String author, String text) {
        return TWEET.formatted(id, author, text);
    }

    @Test
    void twarc2PagesGiveEveryKindWithUsernamesWhereverTheIncludesAre() throws IOException {
        List<PostItem> items = read(Sources.resource("twarc2-two-pages.jsonl"));

        assertThat(items).allMatch(PostItem::ok);
        assertThat(items).extracting(PostItem::source).containsExactly("tw#1", "tw#2", "tw#3", "tw#4", "tw#5", "tw#6");
        assertThat(items).extracting(PostItem::post).extracting(Post::postId, Post::accountName, Post::kind, Post::reshareOf, Post::replyTo)
                .containsExactly(
                        tuple("1001", "alice_civic", PostKind.POST, null, null),
                        tuple("1002", "bob_news", PostKind.RESHARE, "900", null),
                        tuple("1003", "alice_civic", PostKind.REPLY, null, "1002"),
                        tuple("2001", "dave", PostKind.QUOTE, "900", null),
                        // not in its page's includes (includes are per page): the author id
                        tuple("2002", "9999", PostKind.POST, null, null),
                        // a reply that quotes is a quote and keeps what it replies to
                        tuple("2003", "1", PostKind.QUOTE, "1001", "2001"));
        Post first = items.get(0).post();
        assertThat(first.accountId()).isEqualTo("1");
        assertThat(first.createdAt()).isEqualTo(Instant.parse("2024-11-05T12:00:00Z"));
        assertThat(first.urls()).containsExactly("https://vote.marlow.example/sites");
        assertThat(first.lang()).isEqualTo("en");
        assertThat(first.text()).startsWith("Polls open 7am\u20138pm");
        Post retweet = items.get(1).post();
        assertThat(retweet.text()).startsWith("BREAKING: Marlow County").endsWith("Spread the word! https://t.co/xyz");
        assertThat(retweet.urls()).containsExactly("https://marlow-alerts.example/moved");
        // no expanded_url: the t.co url
        assertThat(items.get(2).post().urls()).containsExactly("https://t.co/def");
        // a long tweet's full text is in note_tweet
        Post longTweet = items.get(4).post();
        assertThat(longTweet.text()).hasSizeGreaterThan(400).doesNotEndWith("\u2026");
        assertThat(longTweet.lang()).isEqualTo("es");
    }

    @Test
    void aRetweetWithoutItsOriginalInTheIncludesKeepsItsOwnText() throws IOException {
        String json = "{\"data\": [{\"id\": \"5\", \"author_id\": \"2\", \"created_at\": \"2024-11-05T12:00:00Z\","
                + " \"text\": \"RT @carol: cut sh\u2026\", \"referenced_tweets\": [{\"type\": \"retweeted\", \"id\": \"900\"}]}]}";
        Post p = read(json).get(0).post();
        assertThat(p.kind()).isEqualTo(PostKind.RESHARE);
        assertThat(p.text()).isEqualTo("RT @carol: cut sh\u2026");
        assertThat(p.accountName()).isEqualTo("2");
    }

    @Test
    void aPrettyPrintedResponseABareArrayAndFlattenedTweetsPerLine() throws IOException {
        String pretty = """
                {
                  "data": [
                    %s
                  ],
                  "includes": {
                    "users": [ { "id": "1", "username": "alice_civic" } ]
                  },
                  "meta": { "result_count": 1 }
                }
                """.formatted(tweet("1", "1", "hello"));
        assertThat(read(pretty)).extracting(i -> i.post().accountName()).containsExactly("alice_civic");

        String array = "[" + tweet("1", "1", "a") + ",\n" + tweet("2", "2", "b") + "]";
        assertThat(read(array)).extracting(i -> i.post().postId()).containsExactly("1", "2");

        // twarc2 flatten: the author and the retweeted tweet inside the tweet
        String flat = "{\"id\": \"7\", \"author_id\": \"2\", \"author\": {\"id\": \"2\", \"username\": \"bob_news\"},"
                + " \"created_at\": \"2024-11-05T12:00:00Z\", \"text\": \"RT @carol: short\u2026\","
                + " \"referenced_tweets\": [{\"type\": \"retweeted\", \"id\": \"900\", \"text\": \"short but whole\"}]}\n"
                + tweet("8", "1", "plain") + "\n";
        List<PostItem> items = read(flat);
        assertThat(items).extracting(i -> i.post().postId(), i -> i.post().accountName(), i -> i.post().text())
                .containsExactly(tuple("7", "bob_news", "short but whole"), tuple("8", "1", "plain"));
    }

    @Test
    void aLookupOfOneTweetAndAResponseWithoutData() throws IOException {
        String json = "{\"data\": " + tweet("1", "1", "x") + ", \"includes\": {\"users\": [{\"id\": \"1\", \"username\": \"a\"}]}}\n"
                + "{\"meta\": {\"result_count\": 0}}\n{}\n";
        assertThat(read(json)).extracting(i -> i.post().accountName()).containsExactly("a");
    }

    @Test
    void aTweetWithoutWhatAPostNeedsIsAProblemAndTheOthersGoOn() throws IOException {
        String json = "{\"data\": [{\"id\": \"1\", \"author_id\": \"1\", \"text\": \"no time\"}, {\"author_id\": \"1\"},"
                + " {\"id\": \"3\", \"author_id\": \"1\", \"created_at\": \"yesterday\"}, " + tweet("4", "1", "fine") + "],"
                + " \"includes\": {\"users\": [{\"id\": \"1\", \"username\": \"a\"}]}}";
        List<PostItem> items = read(json);
        assertThat(items).extracting(PostItem::source).containsExactly("tw#1", "tw#2", "tw#3", "tw#4");
        assertThat(items.get(0).error()).contains("no created_at");
        assertThat(items.get(1).error()).contains("without id");
        assertThat(items.get(2).error()).contains("not an ISO-8601 time");
        assertThat(items.get(3).post().accountName()).isEqualTo("a");
    }

    @Test
    void pastTheBoundTweetsWaitingForIncludesGoOutInOrderWithTheAuthorId() throws IOException {
        int count = TwitterV2Source.MAX_PENDING + 5;
        StringBuilder b = new StringBuilder("{\"data\": [");
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? "" : ",").append(tweet(String.valueOf(i), "1", "t" + i));
        }
        b.append("], \"includes\": {\"users\": [{\"id\": \"1\", \"username\": \"alice_civic\"}]}}\n");
        b.append("{\"data\": [").append(tweet("next", "1", "x")).append("], \"includes\": {\"users\": [{\"id\": \"1\", \"username\": \"alice_civic\"}]}}");
        List<PostItem> items = read(b.toString());
        assertThat(items).hasSize(count + 1);
        for (int i = 0; i < count; i++) {
            assertThat(items.get(i).post().postId()).isEqualTo(String.valueOf(i));
            assertThat(items.get(i).post().accountName()).isEqualTo("1");
        }
        // the next response starts afresh
        assertThat(items.get(count).post().accountName()).isEqualTo("alice_civic");
    }

    @Test
    void aFileCutInsideDataGivesTheTweetsReadThenOneProblem() throws IOException {
        String all = new String(Sources.resource("twarc2-two-pages.jsonl"), StandardCharsets.UTF_8);
        String cut = all.substring(0, all.indexOf("{\"id\": \"1003\"") + 20);
        List<PostItem> items = read(cut);
        assertThat(items).hasSize(3);
        // the includes never came: the two tweets waiting go out with their author ids
        assertThat(items.subList(0, 2)).extracting(i -> i.post().postId(), i -> i.post().accountName())
                .containsExactly(tuple("1001", "1"), tuple("1002", "2"));
        assertThat(items.get(2).ok()).isFalse();
        assertThat(items.get(2).source()).isEqualTo("tw#3");
        assertThat(items.get(2).error()).contains("JSON unreadable").contains("end-of-input");
    }

    @Test
    void aFileCutInTheSecondPageKeepsTheFirst() throws IOException {
        String all = new String(Sources.resource("twarc2-two-pages.jsonl"), StandardCharsets.UTF_8);
        List<PostItem> items = read(all.substring(0, all.indexOf("\"id\": \"2002\"")));
        assertThat(items).extracting(i -> i.ok() ? i.post().postId() : "problem").containsExactly("1001", "1002", "1003", "2001", "problem");
        assertThat(items.get(1).post().accountName()).isEqualTo("bob_news");
    }

    @Test
    void wrongTypesAreProblemsInTheirPlace() throws IOException {
        String json = "{\"data\": [42, \"x\", [1], " + tweet("4", "1", "ok") + "], \"includes\": {\"users\": \"nobody\"}}\n"
                + "{\"data\": \"oops\"}\n"
                + "{\"data\": [" + tweet("6", "1", "ok") + "], \"includes\": [], \"meta\": 3}\n"
                + "17\n";
        List<PostItem> items = read(json);
        assertThat(items).extracting(i -> i.ok() ? i.source() + " " + i.post().postId() : i.source() + " problem")
                .containsExactly("tw#1 problem", "tw#2 problem", "tw#3 problem", "tw#4 4", "tw#5 problem", "tw#6 6", "tw#7 problem");
        assertThat(items.get(0).error()).contains("not a JSON object");
    }

    @Test
    void aFiveMegabyteTextIsCutAndThePostKept() throws IOException {
        String huge = "x".repeat(5 * 1024 * 1024);
        List<PostItem> items = read("[" + tweet("1", "1", huge) + "," + tweet("2", "1", "after") + "]");
        assertThat(items).hasSize(2).allMatch(PostItem::ok);
        assertThat(items.get(0).post().text()).hasSize(CanonicalPosts.MAX_TEXT);
    }

    @Test
    void deepNestingIsAProblemNotAStackOverflow() throws IOException {
        List<PostItem> inTweet = read("{\"data\": [" + tweet("1", "1", "before") + ", {\"id\": \"2\", \"x\": "
                + Sources.nested(10_000) + "}]}");
        assertThat(inTweet).hasSize(2);
        assertThat(inTweet.get(0).post().postId()).isEqualTo("1");
        assertThat(inTweet.get(1).error()).contains("nesting depth");

        List<PostItem> atTop = read(Sources.nested(10_000));
        assertThat(atTop).isNotEmpty().noneMatch(PostItem::ok);
        assertThat(atTop.get(atTop.size() - 1).error()).contains("nesting depth");

        // just past the pinned bound: the bound is Jackson's check, not the stack's depth
        List<PostItem> justPast = read("[" + "{\"a\": ".repeat(org.tocsin.input.JsonLimits.MAX_DEPTH) + "1" + "}".repeat(org.tocsin.input.JsonLimits.MAX_DEPTH) + "]");
        assertThat(justPast).singleElement().satisfies(i -> assertThat(i.error()).contains("nesting depth"));
    }

    @Test
    void invalidUtf8IsReplacedAndTheTweetKept() throws IOException {
        String json = "[" + tweet("1", "1", "before@@after") + "," + tweet("2", "1", "next") + "]";
        List<PostItem> items = read(Sources.withInvalidUtf8(json, "@@"));
        assertThat(items).hasSize(2).allMatch(PostItem::ok);
        assertThat(items.get(0).post().text()).startsWith("before").endsWith("after").contains("\uFFFD");
    }

    @Test
    void anEmptyFileHasNoItems() throws IOException {
        assertThat(read(new byte[0])).isEmpty();
        assertThat(read("  \n\n")).isEmpty();
    }
}
