package org.tocsin.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.tocsin.domain.feed.DomainFeedReader;
import org.tocsin.domain.feed.FeedItem;
import org.tocsin.email.read.MailItem;
import org.tocsin.email.read.MailReader;
import org.tocsin.input.ContentKind.Family;
import org.tocsin.site.read.PageItem;
import org.tocsin.site.read.SiteArchiveReader;
import org.tocsin.social.read.PostItem;
import org.tocsin.social.read.PostSource;
import org.tocsin.social.read.PostStreams;

/**
 * Fault 7 of issue 13: the same bytes are the same kind everywhere. Every fixture kind is given to every reader (mail,
 * domain feeds, web archives, posts); exactly the readers of the family {@link ContentSniffer} names take it, and the
 * others refuse it saying so — which is what {@code tocsin scan} routes by, too.
 */
class SniffingAgreementTest {
    private static final Path ROOT = Path.of(System.getProperty("tocsin.root", ".."));

    @Test
    void everyFixtureIsTakenByTheReadersOfItsFamilyAndNoOther() throws IOException {
        Map<String, byte[]> fixtures = new LinkedHashMap<>();
        for (String example : List.of("mail/phish/apt42-interview-lure.eml", "mail/legit/newsletter.eml", "mail/mbox/reported-2024-10.mbox",
                "feeds/nrd-2024-09-05.txt", "feeds/certstream-2024-09.jsonl", "feeds/ct-get-entries-2024-09.json",
                "sites/washingtonpost.pm.warc.gz", "sites/rivertongazette.com.warc.gz", "posts/activist-network.csv",
                "posts/accounts.csv", "intel/partner-bundle.json", "intel/isac-event.json", "watch-profile.yaml", "README.md")) {
            fixtures.put(example, Files.readAllBytes(ROOT.resolve("examples").resolve(example)));
        }
        fixtures.put("unicode.txt", "b\u0456ld.de\nwashingtonpost.pm\n".getBytes(StandardCharsets.UTF_8));
        fixtures.put("damaged-first-line.txt", "!!! export !!!\nspiegel.ltd\nfox-news.in\n".getBytes(StandardCharsets.UTF_8));
        fixtures.put("nrd.txt.gz", ContentSnifferTest.gzip(fixtures.get("feeds/nrd-2024-09-05.txt")));
        fixtures.put("site.wacz", wacz(fixtures.get("sites/rivertongazette.com.warc.gz")));
        fixtures.put("saved.html", "<!DOCTYPE html><html><head><title>t</title></head><body><p>x</p></body></html>".getBytes(StandardCharsets.UTF_8));
        fixtures.put("posts.jsonl", "{\"post_id\":\"1\",\"account_id\":\"a\",\"created_at\":\"2024-10-01T10:00:00Z\",\"text\":\"hi\"}\n"
                .getBytes(StandardCharsets.UTF_8));
        fixtures.put("telegram.json", resource("social/telegram-result.json"));
        fixtures.put("twarc2.jsonl", resource("social/twarc2-two-pages.jsonl"));
        byte[] noise = new byte[4096];
        new Random(13).nextBytes(noise);
        noise[0] = 'X';
        fixtures.put("noise.bin", noise);

        for (Map.Entry<String, byte[]> f : fixtures.entrySet()) {
            byte[] bytes = f.getValue();
            Family family = ContentSniffer.sniff(bytes, Math.min(bytes.length, ContentSniffer.HEAD), bytes.length <= ContentSniffer.HEAD).family();
            assertThat(takenBy(bytes)).as(f.getKey() + " sniffed as " + family)
                    .isEqualTo(family == Family.NONE ? EnumSet.noneOf(Family.class) : EnumSet.of(family));
        }
        assertThat(fixtures.keySet().stream().map(k -> ContentSniffer.sniff(fixtures.get(k), Math.min(fixtures.get(k).length,
                ContentSniffer.HEAD), true).family()).distinct()).containsExactlyInAnyOrder(Family.values());
    }

    /** The families whose reader took the bytes: read them without saying they are not of its kind. */
    private static Set<Family> takenBy(byte[] bytes) throws IOException {
        Set<Family> taken = EnumSet.noneOf(Family.class);
        List<MailItem> mail = new ArrayList<>();
        new MailReader().read(new ByteArrayInputStream(bytes), "x", mail::add);
        if (mail.stream().noneMatch(i -> !i.ok() && i.error().startsWith("not an e-mail message"))) {
            taken.add(Family.MAIL);
        }
        List<FeedItem> feed = new ArrayList<>();
        DomainFeedReader.read("x", new ByteArrayInputStream(bytes), feed::add);
        if (feed.stream().noneMatch(i -> i.isProblem() && i.problem().startsWith("not a domain feed"))) {
            taken.add(Family.DOMAIN_FEED);
        }
        List<PageItem> pages = new ArrayList<>();
        SiteArchiveReader.stream("x", new ByteArrayInputStream(bytes), pages::add);
        if (pages.stream().noneMatch(i -> !i.ok() && i.problem().startsWith("not a WARC, WACZ or HTML file"))) {
            taken.add(Family.SITE_ARCHIVE);
        }
        try (PostSource posts = PostStreams.open(new ByteArrayInputStream(bytes), "x")) {
            PostItem first = posts.next();
            if (first == null || first.ok() || !first.error().startsWith("not a posts archive")) {
                taken.add(Family.POSTS);
            }
        }
        return taken;
    }

    private static byte[] wacz(byte[] warc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("archive/data.warc.gz"));
            zip.write(warc);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] resource(String name) throws IOException {
        try (var in = SniffingAgreementTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
