package org.tocsin.domain;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Undoes the link rewriting that mail-security gateways apply on delivery (Microsoft Defender Safe Links,
 * Proofpoint URL Defense v2 and v3), so rules judge where a link really goes rather than the gateway.
 * Each format is its own small decoding step, which is why they live in code rather than a list.
 * Wrappers that keep the destination on their servers (Mimecast, Barracuda) cannot be undone offline.
 */
public final class LinkWrappers {
    private LinkWrappers() {
    }

    /** The destination a security wrapper points to, or {@code null} when the URL is not wrapped. */
    public static @Nullable WebUrl unwrap(@Nullable WebUrl url) {
        if (url == null || url.asciiHost() == null) {
            return null;
        }
        String host = url.asciiHost();
        String target = null;
        if (host.endsWith(".safelinks.protection.outlook.com")) {
            target = url.queryParameter("url");
        } else if (host.equals("urldefense.proofpoint.com") && url.path().startsWith("/v2/url")) {
            String u = url.queryParameter("u");
            target = u == null ? null : decode(u.replace('-', '%').replace('_', '/'));
        } else if (host.equals("urldefense.com") && url.path().startsWith("/v3/__")) {
            String rest = url.raw().substring(url.raw().indexOf("/v3/__") + 6);
            int end = rest.indexOf("__;");
            target = end < 0 ? null : rest.substring(0, end);
        }
        if (target == null || target.isBlank()) {
            return null;
        }
        WebUrl inner = WebUrl.parse(target);
        return inner != null && inner.isWeb() ? inner : null;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
