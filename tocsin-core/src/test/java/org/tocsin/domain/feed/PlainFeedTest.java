package org.tocsin.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tocsin.domain.feed.CtFixtures.gzip;
import static org.tocsin.domain.feed.CtFixtures.read;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Newly-registered-domain lists, zone-file extracts and CSV: the first field of each line. */
class PlainFeedTest {

    @Test
    void oneNamePerLineWithCommentsAndBlankLinesSkipped() {
        String feed = "# newly registered domains, 2024-09-02\n"
                + "washingtonpost.pm\n"
                + "\n"
                + "; a zone-file style comment\n"
                + "   spiegel.ltd   \n"
                + "bücher-spiegel.de\n";

        assertThat(read("nrd.txt", feed)).containsExactly(
                FeedItem.name("nrd.txt:2", "washingtonpost.pm"),
                FeedItem.name("nrd.txt:5", "spiegel.ltd"),
                FeedItem.name("nrd.txt:6", "bücher-spiegel.de"));
    }

    @Test
    void zoneFileLinesGiveTheOwnerNameWithoutItsTrailingDot() {
        String feed = "$ORIGIN pm.\n"
                + "$TTL 3600\n"
                + "washingtonpost.pm.\t3600\tIN\tNS\tns1.example.net.\n"
                + "washingtonpost.pm. 3600 IN NS ns2.example.net.\n"
                + "lemonde.pm. 86400 in ns dns1.registrar-servers.com. ; glue elsewhere\n";

        assertThat(read("pm.zone", feed)).extracting(FeedItem::toString).containsExactly(
                "pm.zone:3: washingtonpost.pm", "pm.zone:4: washingtonpost.pm", "pm.zone:5: lemonde.pm");
    }

    @Test
    void csvLinesGiveTheirFirstColumn() {
        String feed = "bild.eu.com,2024-09-01\n"
                + "\"fox-news.in\",2024-09-01,namecheap\n"
                + "nato.ws.,2024-09-02\n";

        assertThat(read("nrd.csv", feed)).extracting(FeedItem::name)
                .containsExactly("bild.eu.com", "fox-news.in", "nato.ws");
    }

    @Test
    void crlfLineEndsAndAMissingFinalNewlineAreFine() {
        String feed = "\r\n\r\nt-onlinr.life\r\nspiegel.ltd.\r\nbild.eu.com";

        assertThat(read("nrd.txt", feed)).containsExactly(
                FeedItem.name("nrd.txt:3", "t-onlinr.life"),
                FeedItem.name("nrd.txt:4", "spiegel.ltd"),
                FeedItem.name("nrd.txt:5", "bild.eu.com"));
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstName() {
        byte[] feed = CtFixtures.concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf},
                "nato.ws\n".getBytes(StandardCharsets.UTF_8));

        assertThat(read("nrd.txt", feed)).containsExactly(FeedItem.name("nrd.txt:1", "nato.ws"));
    }

    @Test
    void aLineOfExactly4096BytesIsStillAName() {
        String longName = "a".repeat(4096 - ".example".length()) + ".example";

        assertThat(read("nrd.txt", longName + "\r\nnext.example\n")).extracting(FeedItem::name)
                .containsExactly(longName, "next.example");
    }

    @Test
    void aLineWithNothingBeforeTheSeparatorIsAProblem() {
        assertThat(read("nrd.csv", ",2024-09-01\n.\nok.example\n")).extracting(FeedItem::toString).containsExactly(
                "nrd.csv:1: no domain name in the first field",
                "nrd.csv:2: no domain name in the first field",
                "nrd.csv:3: ok.example");
    }

    @Test
    void gzippedListsAndEmptyInput() {
        byte[] feed = "spiegel.ltd\nbild.eu.com\n".getBytes(StandardCharsets.UTF_8);

        assertThat(read("nrd.txt.gz", gzip(feed))).extracting(FeedItem::name).containsExactly("spiegel.ltd", "bild.eu.com");
        assertThat(read("empty.txt", "")).isEmpty();
        assertThat(read("blank.txt", "\n \n\t\n")).isEmpty();
        assertThat(read("empty.gz", gzip(new byte[0]))).isEmpty();
    }
}
