package org.tocsin.domain;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A URL as an attacker wrote it, parsed leniently. {@link java.net.URI} rejects much of what mail
 * clients and browsers accept (spaces, backslashes, raw Unicode), and phishing relies on exactly that
 * gap, so this parser follows browser behaviour for the parts Tocsin reasons about: scheme, userinfo,
 * host, path and query.
 *
 * @param raw        the URL as written
 * @param scheme     lower-case scheme, {@code http} when the URL had none ({@code www.x.com})
 * @param userinfo   text before {@code @} in the authority, or {@code null}
 * @param host       the host as written (percent-decoded), or {@code null}
 * @param asciiHost  the normalised ASCII host, or {@code null} when it is not a valid host name
 * @param path       the path (may be empty)
 * @param query      the query without {@code ?}, or {@code null}
 */
public record WebUrl(String raw, String scheme, @Nullable String userinfo, @Nullable String host, @Nullable String asciiHost,
                     @Nullable String port, String path, @Nullable String query) {
    private static final int MAX_LENGTH = 8192;

    /** Parses {@code text}, or returns {@code null} when it has no host we can reason about. */
    public static @Nullable WebUrl parse(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        if (s.length() > MAX_LENGTH) {
            s = s.substring(0, MAX_LENGTH);
        }
        String scheme;
        String rest;
        int colon = s.indexOf(':');
        if (colon > 0 && isScheme(s, colon)) {
            scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
            rest = s.substring(colon + 1);
        } else if (s.regionMatches(true, 0, "www.", 0, 4)) {
            scheme = "http";
            rest = "//" + s;
        } else {
            return null;
        }
        if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("ftp")) {
            return new WebUrl(text, scheme, null, null, null, null, rest, null);
        }
        // Browsers treat backslashes as slashes in special schemes, and tolerate any number of them.
        rest = rest.replace('\\', '/');
        int i = 0;
        while (i < rest.length() && rest.charAt(i) == '/') {
            i++;
        }
        rest = rest.substring(i);
        int end = firstOf(rest, "/?#");
        String authority = rest.substring(0, end);
        String tail = rest.substring(end);
        String userinfo = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            userinfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
        }
        String port = null;
        String host = authority;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close > 0 && close + 1 < host.length() && host.charAt(close + 1) == ':') {
                port = host.substring(close + 2);
            }
            host = close > 0 ? host.substring(0, close + 1) : host;
        } else {
            int pc = host.lastIndexOf(':');
            if (pc >= 0) {
                port = host.substring(pc + 1);
                host = host.substring(0, pc);
            }
        }
        host = percentDecode(host);
        if (host.isEmpty()) {
            return null;
        }
        String ascii = host.startsWith("[") ? host.toLowerCase(Locale.ROOT) : normaliseHost(host);
        String path = tail;
        String query = null;
        int hash = path.indexOf('#');
        if (hash >= 0) {
            path = path.substring(0, hash);
        }
        int q = path.indexOf('?');
        if (q >= 0) {
            query = path.substring(q + 1);
            path = path.substring(0, q);
        }
        return new WebUrl(text, scheme, userinfo, host, ascii, port, path, query);
    }

    /** True for http(s)/ftp URLs with a host. */
    public boolean isWeb() {
        return host != null;
    }

    public boolean isIpLiteral() {
        return asciiHost != null && (asciiHost.startsWith("[") || DomainNames.isIpv4(asciiHost));
    }

    /** The registrable domain of the host, or {@code null} for IP literals and invalid hosts. */
    public @Nullable String registrableDomain() {
        return asciiHost == null || isIpLiteral() ? null : DomainNames.registrable(asciiHost);
    }

    /** Value of a query parameter (first occurrence, percent-decoded), or {@code null}. */
    public @Nullable String queryParameter(String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return eq < 0 ? "" : percentDecode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    private static boolean isScheme(String s, int colon) {
        if (colon > 16 || !Character.isLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = s.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.'))) {
                return false;
            }
        }
        return true;
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    /**
     * Browsers read decimal, octal and hexadecimal IPv4 forms ({@code http://3627734734/},
     * {@code 0xd8.0x3a...}); normalise them to dotted quads so the IP-literal rule sees them.
     */
    private static @Nullable String normaliseHost(String host) {
        String numeric = numericIpv4(host);
        return numeric != null ? numeric : DomainNames.toAscii(host);
    }

    private static @Nullable String numericIpv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length == 0 || parts.length > 4) {
            return null;
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].toLowerCase(Locale.ROOT);
            try {
                if (p.startsWith("0x")) {
                    values[i] = p.length() == 2 ? 0 : Long.parseLong(p.substring(2), 16);
                } else if (p.length() > 1 && p.startsWith("0")) {
                    values[i] = Long.parseLong(p.substring(1), 8);
                } else if (!p.isEmpty() && p.chars().allMatch(Character::isDigit) && p.length() <= 10) {
                    values[i] = Long.parseLong(p);
                } else {
                    return null;
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        long ip = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 255) {
                return null;
            }
            ip = (ip << 8) | values[i];
        }
        int remaining = 4 - (values.length - 1);
        long last = values[values.length - 1];
        if (last >= (1L << (8 * remaining))) {
            return null;
        }
        ip = (ip << (8 * remaining)) | last;
        return ((ip >> 24) & 255) + "." + ((ip >> 16) & 255) + "." + ((ip >> 8) & 255) + "." + (ip & 255);
    }

    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
