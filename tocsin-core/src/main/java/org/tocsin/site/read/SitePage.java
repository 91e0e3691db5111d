package org.tocsin.site.read;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tocsin.evidence.EvidenceRef;

/**
 * One archived HTML page, as the site rules read it.
 *
 * @param url      the page's URL (WARC-Target-URI, or a file URL for saved pages)
 * @param host     the URL's host, lower-case ASCII ({@code ""} when the URL has none, e.g. a loose file)
 * @param status   the HTTP status (200 for saved files)
 * @param headers  response headers, names lower-case, the first value of each
 * @param html     the page decoded to text, cut at the reader's bound
 * @param fetched  when it was archived (WARC-Date, else the file's modification time)
 * @param evidence where it was read (archive path and record offset, or file path), its payload's SHA-256 and size
 * @param truncated whether {@code html} was cut at the bound
 * @param ip       the server's address when the archive recorded it (WARC-IP-Address), else null
 */
public record SitePage(String url, String host, int status, Map<String, String> headers, String html, Instant fetched,
                       EvidenceRef evidence, boolean truncated, @Nullable String ip) {
    public SitePage {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(host, "host");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(fetched, "fetched");
        Objects.requireNonNull(evidence, "evidence");
    }
}
