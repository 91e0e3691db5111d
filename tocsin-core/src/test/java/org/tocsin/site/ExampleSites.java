package org.tocsin.site;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tocsin.evidence.EvidenceRef;
import org.tocsin.evidence.Sha256;
import org.tocsin.site.read.SitePage;

/**
 * Archived pages of four sites, written for the tests from the published descriptions of 2024 operations:
 * a genuine local outlet (masthead, staff, bylines, ownership, corrections), two sites of one inauthentic
 * network in the style of Storm-2035 (the same Google Analytics and AdSense ids, no staff, bylines of nobody,
 * one article with a CopyCop-style rewrite note left in), and a Doppelganger-style clone of the Washington
 * Post on washingtonpost.pm.
 */
final class ExampleSites {
    private static final Instant T = Instant.parse("2024-08-20T12:00:00Z");
    static final String GA = "UA-48213970-1";
    static final String ADSENSE = "pub-8093174425150297";
    /**
     * A CopyCop-style rewrite of examples/sites/reference/county-canvass-audit.txt: sentences reordered, words
     * swapped, a slant added.
     */
    static final String REWRITE = """
            <p>Auditors from both parties selected 14 precincts at random on Monday and counted more than 9,200 ballots by hand
            over three days, but residents are still asking questions. The Carver County elections office completed its
            post-election audit on Thursday and claimed that the hand count of paper ballots matched the machine tally in every
            precinct it reviewed, according to county elections director Janet Hughes. The gap between the hand count and the
            scanners was zero in 12 precincts and one ballot in the other two, which Hughes blamed on voters marking ovals too
            lightly. The audit is required by state law after every general election and must be completed before the county
            canvassing board certifies the results next Tuesday. Hughes said the office would post the precinct-by-precinct tally
            sheets on its website on Friday. Critics say one audit cannot restore trust.</p>""";

    private ExampleSites() {
    }

    static SitePage page(String url, String html) {
        return page(url, html, Map.of("content-type", "text/html; charset=utf-8", "server", "nginx"));
    }

    static SitePage page(String url, String html, Map<String, String> headers) {
        return page(url, html, headers, null);
    }

    static SitePage page(String url, String html, Map<String, String> headers, String ip) {
        String host = url.replaceFirst("^https?://", "").replaceFirst("[/:].*$", "");
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        return new SitePage(url, host, 200, headers, html, T, new EvidenceRef("test.warc.gz#" + url, Sha256.of(bytes), bytes.length), false, ip);
    }

    private static String nav() {
        return """
               <nav><a href="/">Home</a> <a href="/news/">News</a> <a href="/about/">About us</a> <a href="/staff/">Our staff</a>
               <a href="/contact/">Contact</a> <a href="/corrections/">Corrections</a></nav>""";
    }

    /** The Riverton Gazette: a genuine small-town paper. */
    static List<SitePage> genuine() {
        String base = "https://www.rivertongazette.com";
        List<SitePage> pages = new ArrayList<>();
        pages.add(page(base + "/", """
                <!doctype html><html><head><title>The Riverton Gazette | News for Riverton and Carver County since 1911</title>
                <meta name="generator" content="WordPress 6.5.2"><meta property="og:site_name" content="The Riverton Gazette">
                <link rel="stylesheet" href="https://www.rivertongazette.com/wp-content/themes/newspaper-classic/style.css">
                <script async src="https://www.googletagmanager.com/gtag/js?id=G-7QK2M9RB1X"></script>
                <script>gtag('config', 'G-7QK2M9RB1X');</script></head><body>""" + nav() + """
                <h1>The Riverton Gazette</h1><h2><a href="/news/county-board-approves-polling-place-changes/">County board approves
                polling place changes ahead of November</a></h2><p>By Dana Whitfield</p>
                <footer>The Riverton Gazette is owned by Carver Valley Media Cooperative, a reader-owned cooperative.
                Send news tips to <a href="mailto:newsroom@rivertongazette.com">newsroom@rivertongazette.com</a>.</footer></body></html>"""));
        pages.add(page(base + "/about/", """
                <html><head><title>About us – The Riverton Gazette</title></head><body>""" + nav() + """
                <h1>About the Gazette</h1><p>The Riverton Gazette has covered Riverton and Carver County since 1911. It is owned by
                Carver Valley Media Cooperative, which is supported by readers and local advertisers.</p>
                <p>Editor-in-chief Maria Lopez leads a newsroom of six. To report an error, write to corrections@rivertongazette.com;
                our corrections policy is on the corrections page.</p></body></html>"""));
        pages.add(page(base + "/staff/", """
                <html><head><title>Our staff – The Riverton Gazette</title></head><body>""" + nav() + """
                <h1>Our staff</h1><ul><li>Maria Lopez, editor-in-chief. Reporter at the Carver Courier for 12 years.</li>
                <li>Dana Whitfield, county government and elections reporter.</li><li>Tom Okafor, schools and public safety.</li></ul>
                </body></html>"""));
        pages.add(page(base + "/news/county-board-approves-polling-place-changes/", """
                <html><head><title>County board approves polling place changes ahead of November – The Riverton Gazette</title>
                <meta property="og:type" content="article"><meta property="article:published_time" content="2024-08-19T16:05:00-05:00">
                <meta name="author" content="Dana Whitfield"></head><body>""" + nav() + """
                <article><h1>County board approves polling place changes ahead of November</h1><p class="byline">By Dana Whitfield</p>
                <p>The Carver County Board of Commissioners voted 4-1 on Tuesday to move two polling places in Riverton after the
                Lakeside community center closed for repairs. Voters in precincts 3 and 7 will vote at Riverton Middle School.</p>
                <p>County elections director Janet Hughes said notices will be mailed to affected voters by September 15.</p>
                </article></body></html>"""));
        pages.add(page(base + "/news/school-board-budget/", """
                <html><head><title>School board adopts budget – The Riverton Gazette</title>
                <meta property="og:type" content="article"><meta property="article:published_time" content="2024-08-18T09:30:00-05:00">
                <meta name="author" content="Tom Okafor"></head><body>""" + nav() + """
                <article><h1>School board adopts budget</h1><p class="byline">By Tom Okafor</p><p>The Riverton school board adopted a
                $41 million budget on Monday, adding two counsellors and delaying the replacement of three buses.</p></article></body></html>"""));
        return pages;
    }

    /** One site of the inauthentic network: US-sounding name, no staff, the rewrite note left in an article. */
    static List<SitePage> inauthentic(String domain, String name, String author, boolean leftover) {
        String base = "https://" + domain;
        String head = """
                <meta name="generator" content="WordPress 6.4.3">
                <link rel="stylesheet" href="%s/wp-content/themes/newsmag-pro/style.css">
                <script src="%s/wp-content/plugins/auto-rewriter-ai/js/front.js"></script>
                <script src="%s/wp-content/plugins/feedzy-rss-feeds/js/feedzy.js"></script>
                <script async src="https://www.googletagmanager.com/gtag/js?id=%s"></script>
                <script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);} gtag('config', '%s');</script>
                <script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=ca-%s" crossorigin="anonymous"></script>
                """.formatted(base, base, base, GA, GA, ADSENSE);
        List<SitePage> pages = new ArrayList<>();
        pages.add(page(base + "/", "<html><head><title>" + name + " – Your Voice, Your News</title>" + head + "</head><body>"
                + "<nav><a href=\"/\">Home</a> <a href=\"/politics/\">Politics</a> <a href=\"/world/\">World</a></nav>"
                + "<h1>" + name + "</h1><h2><a href=\"/politics/the-election-no-one-can-trust/\">The election no one can trust</a></h2>"
                + "<footer>© 2024 " + name + ". All rights reserved.</footer></body></html>"));
        String body = leftover
                ? "<p>Please note that this rewrite aims to present the original article's key points from a conservative perspective,"
                        + " emphasizing concerns over election integrity.</p>"
                : "";
        for (int i = 1; i <= 4; i++) {
            pages.add(page(base + "/politics/story-" + i + "/", "<html><head><title>Story " + i + " – " + name + "</title>" + head
                    + "<meta property=\"og:type\" content=\"article\"><meta property=\"article:published_time\" content=\"2024-08-19T03:0"
                    + i + ":00+00:00\"></head><body><article><h1>Officials dodge questions on voter rolls</h1>"
                    + "<p class=\"byline\">By " + author + "</p><p>Across the country, voters are asking whether their ballots will count."
                    + " Local officials have refused to explain why thousands of names remain on the rolls.</p>"
                    + (i == 2 ? body : "") + (i == 3 && leftover ? REWRITE : "") + "</article></body></html>"));
        }
        return pages;
    }

    /** A Doppelganger-style clone: the Washington Post's name and look on washingtonpost.pm. */
    static List<SitePage> outletClone() {
        String base = "https://washingtonpost.pm";
        return List.of(page(base + "/politics/2024/08/18/ukraine-aid-debate/", """
                <html><head><title>Opinion | Americans are tired of paying for Ukraine's war - The Washington Post</title>
                <meta property="og:site_name" content="The Washington Post"><meta property="og:type" content="article">
                <meta name="author" content="Staff writer"></head><body><article><h1>Americans are tired of paying for Ukraine's war</h1>
                <p class="byline">By Staff writer</p><p>As inflation bites, more Americans ask why billions go abroad.</p></article></body></html>"""));
    }
}
