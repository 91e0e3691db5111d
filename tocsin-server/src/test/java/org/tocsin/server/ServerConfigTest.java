package org.tocsin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The YAML configuration: the shipped example, and the mistakes that must stop a server at start. */
class ServerConfigTest {
    private static final Path ROOT = Path.of(System.getProperty("tocsin.root", ".."));
    private static final String COLLECTIONS = """
            title: t
            collections:
              - {id: 994959e6-ba40-4337-836b-b29a298c8b40, alias: findings, title: Findings, publish_findings: true}
              - {id: 875164d8-f076-4813-808f-8d1802eb38ff, title: Shared}
            """;
    private static final String TOKEN = "0".repeat(64);
    @TempDir
    Path dir;

    @Test
    void theExampleLoadsAndItsDemoSecretsAreTheDocumentedOnes() throws IOException {
        ServerConfig c = ServerConfig.load(ROOT.resolve("examples/taxii.yaml"));
        assertThat(c.apiRoot()).isEqualTo("tocsin");
        assertThat(c.collections()).extracting(CollectionConfig::alias).containsExactly("findings", "partner-intel", "internal");
        Account analyst = c.accounts().get(0);
        Account partner = c.accounts().get(1);
        assertThat(analyst.partner()).isFalse();
        assertThat(partner.partner()).isTrue();
        // read and write lists name collections by alias; loaded, they hold ids
        assertThat(partner.canRead("875164d8-f076-4813-808f-8d1802eb38ff")).isTrue();
        assertThat(partner.canRead("08271f63-2997-4995-a603-c87444686d0c")).isFalse();
        // the demo secrets docs/taxii.md gives
        Authenticator auth = new Authenticator(c.accounts());
        assertThat(auth.authenticate(TestServer.basic("analyst", "analyst-demo-password"), "127.0.0.1")).isEqualTo(analyst);
        assertThat(auth.authenticate(TestServer.basic("county-elections", "partner-demo-password"), "127.0.0.1")).isEqualTo(partner);
        assertThat(auth.authenticate("Bearer demo-analyst-token-not-for-production", "127.0.0.1")).isEqualTo(analyst);
        assertThat(auth.authenticate("Bearer demo-partner-token-not-for-production", "127.0.0.1")).isEqualTo(partner);
        assertThat(auth.authenticate("Bearer demo-feed-token-not-for-production", "127.0.0.1").name()).isEqualTo("isac-feed");
    }

    @Test
    void mistakesAreRefusedWithWhatIsWrong() {
        assertRefused(COLLECTIONS + "colour: red\n", "colour");
        assertRefused(COLLECTIONS + account("kind: partner, token_hashes: [" + TOKEN + "], read: [nowhere]"), "names no collection nowhere");
        assertRefused(COLLECTIONS + account("kind: friend, token_hashes: [" + TOKEN + "]"), "kind is partner or internal");
        assertRefused(COLLECTIONS + account("kind: partner, password_hash: secret"), "password_hash");
        assertRefused(COLLECTIONS + account("kind: partner"), "neither a password_hash nor token_hashes");
        assertRefused(COLLECTIONS + account("kind: partner, token_hashes: [abc]"), "64 lower-case hex");
        assertRefused(COLLECTIONS + account("kind: partner, token_hashes: [" + TOKEN + "]")
                + "  - {name: a, kind: internal, token_hashes: [" + "1".repeat(64) + "]}\n", "two accounts are named a");
        assertRefused(COLLECTIONS + account("kind: partner, token_hashes: [" + TOKEN + "]")
                + "  - {name: b, kind: internal, token_hashes: [" + TOKEN + "]}\n", "a token hash is given to two accounts");
        assertRefused(COLLECTIONS.replace("title: Shared", "title: Shared, alias: findings"), "two collections are named findings");
        assertRefused(COLLECTIONS.replace("875164d8-f076-4813-808f-8d1802eb38ff", "shared"), "not a UUID");
        assertRefused("title: t\n", "no collections");
        assertRefused(COLLECTIONS + "api_root: a/b\n", "api_root");
    }

    @Test
    void mistakesAreSaidAsTheFileSaysThemWithTheLine() {
        assertRefused(COLLECTIONS + "colour: red\n", "unknown key colour (known here: accounts, api_root, collections");
        assertRefused(COLLECTIONS + "page_limit: many\n", "page_limit must be a number (line 5");
        assertRefused("title: t\ncollections: 3\n", "collections must be a list (line 2");
        assertRefused(COLLECTIONS + account("kind: partner, token_hashes: [" + TOKEN + "], read: {a: b}"), "accounts[0].read must be a list");
        assertRefused("- title\n- t\n", "the file must hold a mapping of settings");
        assertRefused("title: 'unclosed\n", "not YAML that can be read");
        assertRefused(COLLECTIONS + "trusted_proxies: [proxy.example]\n", "trusted_proxies holds IP addresses, not proxy.example");
    }

    @Test
    void trustedProxiesAreAddresses() throws IOException {
        Path f = Files.writeString(dir.resolve("taxii.yaml"), COLLECTIONS + "trusted_proxies: [127.0.0.1, '::1']\n");
        assertThat(ServerConfig.load(f).trustedProxies()).containsExactly("127.0.0.1", "::1");
    }

    private static String account(String fields) {
        return "accounts:\n  - {name: a, " + fields + "}\n";
    }

    private void assertRefused(String yaml, String message) {
        assertThatThrownBy(() -> {
            Path f = Files.writeString(dir.resolve("taxii.yaml"), yaml);
            ServerConfig.load(f);
        }).isInstanceOf(IOException.class).hasMessageContaining(message);
    }
}
