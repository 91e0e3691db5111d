package org.tocsin.site;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jspecify.annotations.Nullable;
import org.tocsin.site.read.SitePage;

/**
 * What the site rules see of one page, parsed once: its path, title, visible text, meta tags, links, script
 * sources and inline scripts, and — for an article — its byline and publication time.
 *
 * @param meta    meta tags by lower-case name or property (first value)
 * @param scripts script sources and inline script text (bounded), where tracking ids live
 * @param template a fingerprint of the page's chrome — the tags and classes of its header, navigation and footer,
 *                 without their text — or null when it has too little chrome to tell sites apart
 */
public record PageView(SitePage page, String path, String title, String text, Map<String, String> meta,
                       List<Link> links, List<String> scripts, boolean article, List<String> bylines, @Nullable String published,
                       @Nullable String template) {
    /** Characters of visible text kept per page: enough for an article, bounded for a 2 MiB page. */
    static final int MAX_TEXT = 200_000;
    private static final int MAX_SCRIPT = 20_000;

    /** A link: where it goes and what it says. */
    public record Link(String href, String text) {
    }

    public static PageView of(SitePage page) {
        Document doc = Jsoup.parse(page.html(), page.url());
        Map<String, String> meta = new LinkedHashMap<>();
        for (Element m : doc.select("meta[content]")) {
            String key = !m.attr("name").isEmpty() ? m.attr("name") : m.attr("property");
            if (!key.isEmpty()) {
                meta.putIfAbsent(key.toLowerCase(Locale.ROOT), m.attr("content").strip());
            }
        }
        List<Link> links = new ArrayList<>();
        for (Element a : doc.select("a[href], link[href]")) {
            links.add(new Link(a.absUrl("href").isEmpty() ? a.attr("href") : a.absUrl("href"), a.text().strip()));
        }
        List<String> scripts = new ArrayList<>();
        for (Element s : doc.select("script, noscript, img[src], iframe[src]")) {
            if (s.hasAttr("src")) {
                scripts.add(s.attr("src"));
            }
            String inline = s.tagName().equals("script") ? s.data() : s.html();
            if (!inline.isBlank()) {
                scripts.add(inline.length() > MAX_SCRIPT ? inline.substring(0, MAX_SCRIPT) : inline);
            }
        }
        boolean article = "article".equalsIgnoreCase(meta.getOrDefault("og:type", "")) || meta.containsKey("article:published_time")
                || !doc.select("article").isEmpty() && !doc.select("article .byline, article [rel=author], article time").isEmpty();
        List<String> bylines = bylines(doc, meta);
        String published = meta.getOrDefault("article:published_time", doc.select("time[datetime]").attr("datetime"));
        String text = doc.body() == null ? "" : doc.body().text();
        return new PageView(page, pathOf(page.url()), doc.title().strip(), text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text,
                meta, links, scripts, article, bylines, published.isBlank() ? null : published, template(doc));
    }

    /** Elements of chrome below which a template says nothing: every site has a nav with a link or two. */
    private static final int MIN_TEMPLATE_ELEMENTS = 12;

    /**
     * The chrome's skeleton, hashed: sites generated from one operator's template share it exactly, whatever
     * their articles; the link texts and targets are left out, so renamed sections do not hide it.
     */
    private static @Nullable String template(Document doc) {
        StringBuilder skeleton = new StringBuilder();
        int elements = 0;
        for (Element chrome : doc.select("header, nav, footer")) {
            for (Element e : chrome.getAllElements()) {
                skeleton.append(e.tagName()).append('.').append(String.join(".", new java.util.TreeSet<>(e.classNames()))).append('/');
                elements++;
            }
            skeleton.append('|');
        }
        return elements < MIN_TEMPLATE_ELEMENTS ? null
                : org.tocsin.evidence.Sha256.of(skeleton.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16);
    }

    /** The people an article names as its authors: meta author, rel=author links, byline elements. */
    private static List<String> bylines(Document doc, Map<String, String> meta) {
        List<String> out = new ArrayList<>();
        if (meta.containsKey("author")) {
            out.add(meta.get("author"));
        }
        for (Element e : doc.select("[rel=author], .byline, .author-name, [itemprop=author]")) {
            String name = e.text().strip().replaceFirst("(?i)^by\\s+", "");
            if (!name.isEmpty() && name.length() < 80 && !out.contains(name)) {
                out.add(name);
            }
        }
        return out;
    }

    /** The lower-case path of a URL, {@code /} when it has none or does not parse. */
    public static String pathOf(String url) {
        try {
            String p = URI.create(url.replace(" ", "%20")).getPath();
            return p == null || p.isEmpty() ? "/" : p.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
