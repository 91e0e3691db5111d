package org.tocsin.site.read;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A page saved from a browser as one HTML file. Its URL is the file's own unless the page names its origin:
 * browsers keep the page's {@code <link rel="canonical">} and {@code og:url} when saving, and those are how a
 * saved copy of a news site tells where it came from.
 */
final class SavedPage {
    private static final Pattern TAG = Pattern.compile("<(link|meta)\\s[^>]{0,2048}>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTR = Pattern.compile(
            "([a-zA-Z:-]+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))");
    private static final Pattern HEAD_END = Pattern.compile("</head\\s*>|<body[\\s>]", Pattern.CASE_INSENSITIVE);

    private SavedPage() {
    }

    /**
     * @param ownUrl   the page's URL when it names no origin (a file's {@code file:} URI), or null to use the source
     * @param modified when it was saved, as far as is known
     */
    static void read(String source, @Nullable String ownUrl, InputStream in, Instant modified, Consumer<PageItem> sink) {
        try {
            Payload payload = Payload.read(in, Pages.MAX_PAYLOAD_BYTES);
            // without a Content-Encoding the payload is the text, so there always is one
            String text = Objects.requireNonNull(PageText.decode(payload.head(), null, null).text());
            String url = origin(text);
            Pages.deliver(source, url != null ? url : ownUrl != null ? ownUrl : source, 200, Map.of(), payload, modified, null, sink);
        } catch (IOException e) {
            sink.accept(PageItem.problem(source, "cannot read HTML file: " + e));
        }
    }

    /** The canonical link or og:url in the head, if it is an absolute http(s) URL. */
    static @Nullable String origin(String html) {
        Matcher end = HEAD_END.matcher(html);
        String head = html.substring(0, end.find() ? end.start() : Math.min(html.length(), 64 * 1024));
        String canonical = null;
        String ogUrl = null;
        Matcher tag = TAG.matcher(head);
        while (tag.find()) {
            Map<String, String> attrs = attributes(tag.group());
            if (tag.group(1).equalsIgnoreCase("link") && canonical == null
                    && attrs.getOrDefault("rel", "").toLowerCase(java.util.Locale.ROOT).matches("(.*\\s)?canonical(\\s.*)?")) {
                canonical = absoluteHttp(attrs.get("href"));
            } else if (tag.group(1).equalsIgnoreCase("meta") && ogUrl == null
                    && "og:url".equalsIgnoreCase(attrs.get("property"))) {
                ogUrl = absoluteHttp(attrs.get("content"));
            }
        }
        return canonical != null ? canonical : ogUrl;
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attrs = new java.util.HashMap<>();
        Matcher m = ATTR.matcher(tag);
        while (m.find()) {
            String v = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            attrs.putIfAbsent(m.group(1).toLowerCase(java.util.Locale.ROOT), v.strip().replace("&amp;", "&"));
        }
        return attrs;
    }

    private static @Nullable String absoluteHttp(@Nullable String url) {
        if (url == null) {
            return null;
        }
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? url : null;
    }
}
