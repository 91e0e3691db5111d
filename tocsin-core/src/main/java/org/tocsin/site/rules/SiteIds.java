package org.tocsin.site.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tocsin.site.PageView;
import org.tocsin.site.SiteId;
import org.tocsin.site.SiteId.Tier;

/**
 * The ids a page carries in its scripts, tracking pixels and meta tags — the items Bellingcat traces across
 * sites — and its build (CMS, WordPress theme and plugins, server). Ids are read only where they are used
 * (script sources, inline scripts, pixels, verification meta tags), not from article text.
 */
public final class SiteIds {
    private record IdPattern(String kind, Pattern pattern) {
    }

    private static final List<IdPattern> TRACKING = List.of(
            new IdPattern("google-analytics", Pattern.compile("\\b(UA-\\d{4,10}-\\d{1,4})\\b")),
            new IdPattern("google-analytics", Pattern.compile("(?:gtag/js\\?id=|config['\"]\\s*,\\s*['\"])(G-[A-Z0-9]{6,12})\\b")),
            new IdPattern("google-tag-manager", Pattern.compile("\\b(GTM-[A-Z0-9]{4,9})\\b")),
            new IdPattern("adsense", Pattern.compile("\\b(?:ca-)?(pub-\\d{10,20})\\b")),
            new IdPattern("meta-pixel", Pattern.compile("fbq\\(\\s*['\"]init['\"]\\s*,\\s*['\"](\\d{10,20})['\"]")),
            new IdPattern("meta-pixel", Pattern.compile("facebook\\.com/tr\\?id=(\\d{10,20})")),
            new IdPattern("yandex-metrica", Pattern.compile("mc\\.yandex\\.ru/watch/(\\d{5,12})")),
            new IdPattern("yandex-metrica", Pattern.compile("\\bym\\(\\s*(\\d{5,12})\\s*,\\s*['\"]init['\"]")));
    private static final List<String> VERIFICATION = List.of("google-site-verification", "facebook-domain-verification",
            "yandex-verification", "msvalidate.01", "p:domain_verify", "baidu-site-verification");
    private static final Pattern THEME = Pattern.compile("/wp-content/themes/([A-Za-z0-9_.-]+)/");
    private static final Pattern PLUGIN = Pattern.compile("/wp-content/plugins/([A-Za-z0-9_.-]+)/");
    /** Placeholders copied from tutorials (G-XXXXXXXXXX, UA-00000000-0) are nobody's account. */
    private static final Pattern PLACEHOLDER = Pattern.compile("(?:UA|G|GTM|pub)-(.)\\1+(?:-\\d+)?");

    private SiteIds() {
    }

    /** The ids of one page, in the order found, each once. */
    public static List<SiteId> of(PageView page) {
        Map<String, SiteId> out = new LinkedHashMap<>();
        String where = page.page().url();
        for (String script : page.scripts()) {
            for (IdPattern p : TRACKING) {
                Matcher m = p.pattern().matcher(script);
                while (m.find()) {
                    String id = m.group(1);
                    if (!PLACEHOLDER.matcher(id).matches()) {
                        put(out, new SiteId(p.kind(), id, Tier.STRONG, where));
                    }
                }
            }
        }
        for (String name : VERIFICATION) {
            String token = page.meta().get(name);
            if (token != null && token.length() >= 6) {
                put(out, new SiteId(name, token, Tier.STRONG, where));
            }
        }
        build(page, out, where);
        return new ArrayList<>(out.values());
    }

    private static void build(PageView page, Map<String, SiteId> out, String where) {
        String generator = page.meta().getOrDefault("generator", "");
        TreeSet<String> plugins = new TreeSet<>();
        String theme = null;
        List<String> sources = new ArrayList<>(page.scripts());
        page.links().forEach(l -> sources.add(l.href()));
        for (String s : sources) {
            Matcher t = THEME.matcher(s);
            if (t.find()) {
                theme = t.group(1);
            }
            Matcher p = PLUGIN.matcher(s);
            while (p.find()) {
                plugins.add(p.group(1));
            }
        }
        String cms = generator.isEmpty() ? (theme != null || !plugins.isEmpty() ? "WordPress" : null)
                : generator.replaceAll("\\s*[\\d.]+.*$", "").strip();
        if (cms != null && !cms.isEmpty()) {
            put(out, new SiteId("cms", cms, Tier.WEAK, where));
        }
        if (theme != null) {
            // a theme with the same plugins is one build; a popular theme alone is not
            put(out, new SiteId("wordpress-build", theme + (plugins.isEmpty() ? "" : " + " + String.join(", ", plugins)),
                    plugins.size() >= 2 ? Tier.MEDIUM : Tier.WEAK, where));
        }
        String server = page.page().headers().get("server");
        if (server != null && !server.isBlank()) {
            put(out, new SiteId("server", server.strip(), Tier.WEAK, where));
        }
        boolean cdn = CDN_HEADERS.stream().anyMatch(page.page().headers()::containsKey);
        if (page.page().headers().containsKey("cf-ray")) {
            put(out, new SiteId("cdn", "Cloudflare", Tier.WEAK, where));
        }
        if (page.template() != null) {
            put(out, new SiteId("page-template", page.template(), Tier.MEDIUM, where));
        }
        String block = hostingBlock(page.page().ip());
        if (block != null) {
            // the same /24 is the same hosting account more often than not; behind a CDN it is the CDN's, shared by millions
            put(out, new SiteId("hosting-block", block, cdn ? Tier.WEAK : Tier.MEDIUM, where));
        }
    }

    /** Headers CDNs add: an address behind one is the CDN's, not the site's host. */
    private static final List<String> CDN_HEADERS = List.of("cf-ray", "x-amz-cf-id", "x-fastly-request-id", "x-akamai-transformed",
            "x-cdn", "x-sucuri-id");

    /** An IPv4 address's /24 ({@code 198.51.100.0/24}) or an IPv6 address's /48; null for anything else. */
    static @Nullable String hostingBlock(@Nullable String ip) {
        if (ip == null || ip.isBlank()) {
            return null;
        }
        String a = ip.strip();
        if (a.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return a.substring(0, a.lastIndexOf('.')) + ".0/24";
        }
        if (a.indexOf(':') >= 0) {
            try {
                byte[] b = java.net.InetAddress.getByName(a).getAddress(); // a literal: parsed, never looked up
                if (b.length == 16) {
                    return String.format("%02x%02x:%02x%02x:%02x%02x::/48", b[0], b[1], b[2], b[3], b[4], b[5]);
                }
            } catch (java.net.UnknownHostException e) {
                return null;
            }
        }
        return null;
    }

    private static void put(Map<String, SiteId> out, SiteId id) {
        out.putIfAbsent(id.key(), id);
    }
}
