package org.tocsin.site.read;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tocsin.domain.DomainNames;
import org.tocsin.evidence.EvidenceRef;

/** Builds a {@link SitePage} from a bounded payload, the step WARC records and saved files share. */
final class Pages {
    /** Raw payload kept per record; the rest is hashed and skipped. */
    static final int MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;

    private static final Pattern AUTHORITY = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://(?:[^/?#@]*@)?(\\[[^]]*]|[^/?#:]*)");

    private Pages() {
    }

    /**
     * Delivers the page, and a problem for each thing that kept it from being read whole; a payload that cannot be
     * decoded at all (an unsupported Content-Encoding) gives only the problem.
     */
    static void deliver(String source, String url, int status, Map<String, String> headers, Payload payload,
                        Instant fetched, @Nullable String ip, Consumer<PageItem> sink) {
        PageText.Decoded text = PageText.decode(payload.head(), headers.get("content-encoding"),
                headers.get("content-type"));
        if (text.text() != null) {
            EvidenceRef evidence = new EvidenceRef(source, payload.sha256(), payload.size());
            sink.accept(PageItem.of(new SitePage(url, hostOf(url), status, headers, text.text(), fetched, evidence,
                    text.truncated() || payload.cut(), ip)));
        }
        if (payload.cut()) {
            sink.accept(PageItem.problem(source, "payload of " + payload.size() + " bytes is over the "
                    + MAX_PAYLOAD_BYTES + "-byte bound; the page was read from its first " + MAX_PAYLOAD_BYTES
                    + " bytes"));
        }
        if (text.problem() != null) {
            sink.accept(PageItem.problem(source, text.problem()));
        }
    }

    /** The URL's host, lower-case ASCII, or "" when it has none; lenient, since archived URLs are often not RFC 3986. */
    static String hostOf(String url) {
        String host = null;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            // fall through to the lenient match
        }
        if (host == null) {
            Matcher m = AUTHORITY.matcher(url);
            host = m.find() ? m.group(1) : "";
        }
        if (host.isEmpty()) {
            return "";
        }
        String ascii = DomainNames.toAscii(host);
        return ascii != null ? ascii : host.toLowerCase(Locale.ROOT);
    }
}
