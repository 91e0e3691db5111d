package org.tocsin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which client a failed sign-in is counted under. */
class ClientAddressTest {
    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        ClientAddress direct = new ClientAddress(List.of());
        assertThat(direct.of("203.0.113.7", List.of("198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void behindATrustedProxyTheClientIsTheRightMostHopNotAProxy() {
        ClientAddress proxied = new ClientAddress(List.of("127.0.0.1", "10.0.0.5"));
        // what the client wrote itself (left) is not believed; what the nearest proxies saw is
        assertThat(proxied.of("127.0.0.1", List.of("1.2.3.4, 203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(proxied.of("127.0.0.1", List.of("1.2.3.4", "203.0.113.7, 10.0.0.5"))).isEqualTo("203.0.113.7");
        assertThat(proxied.of("127.0.0.1", List.of())).isEqualTo("127.0.0.1");
        // a peer that is no proxy of ours is the client, whatever it says
        assertThat(proxied.of("203.0.113.9", List.of("1.2.3.4"))).isEqualTo("203.0.113.9");
        // a hop that is not an address is counted as written, never looked up
        assertThat(proxied.of("127.0.0.1", List.of("evil.example"))).isEqualTo("?evil.example");
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        ClientAddress direct = new ClientAddress(List.of());
        assertThat(direct.of("2001:db8:1:2:aaaa::1", List.of())).isEqualTo(direct.of("[2001:db8:1:2:ffff:1:2:3]", List.of()))
                .isEqualTo("20010db800010002::/64");
        assertThat(direct.of("2001:db8:1:3::1", List.of())).isNotEqualTo(direct.of("2001:db8:1:2::1", List.of()));
    }
}
