package org.tocsin.server;

import com.google.common.net.InetAddresses;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which client a request comes from, as failed sign-ins are counted ({@link SignInThrottle}). Behind the TLS proxy
 * docs/taxii.md recommends, every request comes from the proxy: then, and only when the peer is one of the
 * configured {@code trusted_proxies}, the client is the right-most address of {@code X-Forwarded-For} that is not a
 * trusted proxy (what the nearest proxy saw; anything left of it the client may have written itself). Otherwise the
 * header is ignored, so no client can pick the address it is counted under. An IPv6 client is counted by its /64,
 * the block one subscriber gets: rotating addresses inside it changes nothing. Literals only, never a DNS lookup.
 */
final class ClientAddress {
    private final Set<InetAddress> trustedProxies;

    ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(InetAddresses::forString).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether text is an IP address literal (what {@code trusted_proxies} holds). */
    static boolean isLiteral(String text) {
        return InetAddresses.isInetAddress(text);
    }

    /**
     * The key a client is counted under.
     *
     * @param peer         the address the connection comes from
     * @param forwardedFor the X-Forwarded-For header values, in order (empty when none)
     */
    String of(String peer, List<String> forwardedFor) {
        InetAddress client = parse(peer);
        if (client == null) {
            return unparsed(peer);
        }
        if (trustedProxies.contains(client)) {
            List<String> hops = forwardedFor.stream().flatMap(v -> List.of(v.split(",")).stream()).map(String::trim)
                    .filter(h -> !h.isEmpty()).toList();
            for (int i = hops.size() - 1; i >= 0; i--) {
                InetAddress hop = parse(hops.get(i));
                if (hop == null) {
                    return unparsed(hops.get(i)); // the proxy wrote what it saw; a proxy writes addresses
                }
                client = hop;
                if (!trustedProxies.contains(hop)) {
                    break;
                }
            }
        }
        if (client instanceof Inet6Address) {
            return HexFormat.of().formatHex(client.getAddress(), 0, 8) + "::/64";
        }
        return client.getHostAddress();
    }

    private static InetAddress parse(String text) {
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        return InetAddresses.isInetAddress(literal) ? InetAddresses.forString(literal) : null;
    }

    private static String unparsed(String text) {
        return "?" + (text.length() > 64 ? text.substring(0, 64) : text);
    }
}
