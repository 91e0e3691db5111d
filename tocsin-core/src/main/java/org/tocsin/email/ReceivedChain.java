package org.tocsin.email;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which headers of a message the defender's own mail servers wrote, read from its Received chain the way
 * SpamAssassin reads its trusted networks. Every server prepends its headers, so the chain is walked from
 * the top: while a hop was received {@code by} a trusted relay, what lies above it was written by us; the
 * walk stops at the first hop that came {@code from} outside (the border). A sender can forge any header
 * below the border, never one above it.
 *
 * <p>The {@code from} name of the border hop is the sender's own HELO, so a sender calling itself by a
 * trusted name could stretch the walk into headers it forged; callers therefore use the topmost trusted
 * header, which the real border server wrote before any forgery below it.
 */
public final class ReceivedChain {
    private static final Pattern FROM = Pattern.compile("(?i)^\\s*from\\s+\\[?([a-z0-9.:_-]+)");
    private static final Pattern BY = Pattern.compile("(?i)\\bby\\s+([a-z0-9._-]+)");

    private ReceivedChain() {
    }

    /**
     * The number of leading headers written by trusted relays: headers at indices below it were prepended by
     * the defender's own servers. 0 when the topmost Received hop was not made by a trusted relay.
     */
    public static int trustedPrefix(List<HeaderField> headers, Predicate<String> trustedHost) {
        int trusted = 0;
        for (int i = 0; i < headers.size(); i++) {
            HeaderField h = headers.get(i);
            if (!h.name().equalsIgnoreCase("Received")) {
                continue;
            }
            String by = host(BY, h.value());
            if (by == null || !trustedHost.test(by)) {
                return trusted;
            }
            trusted = i; // this hop was written by a trusted relay, and so was everything above it
            String from = host(FROM, h.value());
            if (from == null || !trustedHost.test(from)) {
                return trusted; // the border: the message came in from outside here
            }
        }
        return trusted;
    }

    private static @Nullable String host(Pattern p, String value) {
        Matcher m = p.matcher(value);
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /** True when {@code host} is {@code relay} or a host under it ({@code mx1.relay}). */
    public static boolean isUnder(String host, String relay) {
        return host.equals(relay) || (host.endsWith(relay) && host.charAt(host.length() - relay.length() - 1) == '.');
    }
}
