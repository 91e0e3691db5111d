package org.tocsin.social.trace;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A shared link made comparable: scheme and {@code www.} dropped, host lower-cased, fragment and tracking
 * parameters ({@code utm_*}, {@code fbclid}, {@code gclid}, …) removed, a trailing slash dropped. Two accounts
 * sharing {@code https://www.site.com/a?utm_source=x} and {@code http://site.com/a/} share one link.
 */
public final class LinkKey {
    private static final Pattern TRACKING = Pattern.compile("(?i)^(?:utm_[a-z]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|ref_src|s|t|si)$");
    private static final int MAX = 2048;

    private LinkKey() {
    }

    /** The comparable form, or null for something that is not a web link. */
    public static @Nullable String of(String url) {
        String u = url.strip();
        if (u.isEmpty() || u.length() > MAX) {
            return null;
        }
        if (!u.regionMatches(true, 0, "http://", 0, 7) && !u.regionMatches(true, 0, "https://", 0, 8)) {
            if (!u.regionMatches(true, 0, "www.", 0, 4)) {
                return null;
            }
            u = "http://" + u;
        }
        try {
            URI uri = new URI(u.replace(" ", "%20").replace("|", "%7C"));
            String host = uri.getHost();
            if (host == null) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            if (host.startsWith("www.")) {
                host = host.substring(4);
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            StringBuilder out = new StringBuilder(host).append(path);
            String query = uri.getRawQuery();
            if (query != null) {
                StringBuilder kept = new StringBuilder();
                for (String param : query.split("&")) {
                    String name = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
                    if (!name.isEmpty() && !TRACKING.matcher(name).matches()) {
                        kept.append(kept.isEmpty() ? "" : "&").append(param);
                    }
                }
                if (!kept.isEmpty()) {
                    out.append('?').append(kept);
                }
            }
            return out.toString();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
