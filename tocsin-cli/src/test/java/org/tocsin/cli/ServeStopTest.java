package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault 14 of issue 13, the store's part, with real processes: {@code serve} stopped by SIGTERM says nothing about
 * a closed database (H2 closes an embedded file in a shutdown hook of its own, racing serve's), and a store path
 * that cannot be created is one line saying what is wrong, not a stack trace.
 */
class ServeStopTest {
    private static final Path ROOT = Path.of(System.getProperty("tocsin.root", ".."));
    private static final String PARTNER_INTEL = "875164d8-f076-4813-808f-8d1802eb38ff";

    @Test
    void sigtermStopsServeWithoutComplaint(@TempDir Path dir) throws Exception {
        CliProcess cli = new CliProcess(dir, Map.of("XDG_DATA_HOME", dir.resolve("data").toString()));
        Process serve = cli.start("serve", "serve", "--config", ROOT.resolve("examples/taxii.yaml").toString(), "--port", "0");
        String started = cli.awaitErr("serve", serve, "TAXII 2.1 server at");
        Matcher m = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher(started);
        assertThat(m.find()).isTrue();
        // a partner's POST teaches the store: serve's own connection has written, so closing it compacts the file
        String bundle = Files.readString(ROOT.resolve("examples/intel/partner-bundle.json"), StandardCharsets.UTF_8);
        String envelope = "{\"objects\":" + new com.fasterxml.jackson.databind.ObjectMapper().readTree(bundle).path("objects") + "}";
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.group(1)
                        + "/tocsin/collections/" + PARTNER_INTEL + "/objects/"))
                .header("Content-Type", "application/taxii+json;version=2.1").header("Accept", "application/taxii+json;version=2.1")
                .header("Authorization", "Bearer demo-analyst-token-not-for-production")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        cli.awaitErr("serve", serve, "from a POST");

        serve.destroy(); // SIGTERM
        assertThat(serve.waitFor(1, TimeUnit.MINUTES)).isTrue();
        String err = cli.err("serve");
        assertThat(err).doesNotContain("already closed").doesNotContain("Exception").doesNotContain("closing the store");
    }

    @Test
    void aStorePathThatCannotBeCreatedIsOneLineAndExitTwo(@TempDir Path dir) throws Exception {
        CliProcess cli = new CliProcess(dir, Map.of());
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        for (String url : new String[] {"jdbc:h2:file:/proc/x/y", "jdbc:h2:file:" + file.resolve("store")}) {
            CliProcess.Result r = cli.run("indicators", "intel", "indicators", "--db", url);
            assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
            assertThat(r.err().strip().split("\n")).as(r.err()).hasSize(1);
            assertThat(r.err()).startsWith("tocsin: store " + url + ": cannot create the store's directory");
        }
    }
}
