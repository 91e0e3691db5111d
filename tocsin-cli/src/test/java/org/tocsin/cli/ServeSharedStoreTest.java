package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.store.Store;
import org.tocsin.testing.Needs;

/**
 * Fault 8 of issue 13: {@code serve} and the command line share the default embedded store. Real processes on a
 * default store (a temporary XDG_DATA_HOME): while serve runs, {@code scan} and {@code export stix} succeed, and the
 * finding the scan added is in the served collection (over HTTP) at the next publication, without a restart; also
 * when the process that opened the store first, and so serves the file to the others, exits under serve; and a scan
 * going through serve's process finishes, storing everything once, when serve stops under it.
 */
class ServeSharedStoreTest {
    private static final Path ROOT = Path.of(System.getProperty("tocsin.root", ".."));
    private static final Path MAIL = ROOT.resolve("examples/mail/phish");
    private static final String FINDINGS = "994959e6-ba40-4337-836b-b29a298c8b40";
    private static final String TOKEN = "demo-analyst-token-not-for-production";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void scanAndExportRunWhileServeHoldsTheDefaultStoreAndTheServerPublishesTheNewFinding(@TempDir Path dir) throws Exception {
        CliProcess cli = new CliProcess(dir, Map.of("XDG_DATA_HOME", dir.resolve("data").toString()));
        Process serve = cli.start("serve", "serve", "--config", config(dir).toString(), "--port", "0");
        try {
            int port = port(cli.awaitErr("serve", serve, "TAXII 2.1 server at"));
            assertThat(served(port)).as("an empty store publishes nothing").isEmpty();

            CliProcess.Result scan = cli.run("scan", "scan", MAIL.resolve("apt42-interview-lure.eml").toString());
            assertThat(scan.exitCode()).as(scan.err()).isZero();
            assertThat(scan.out()).contains("1 new");
            Path export = dir.resolve("export.json");
            CliProcess.Result exported = cli.run("export", "export", "stix", "--out", export.toString());
            assertThat(exported.exitCode()).as(exported.err()).isZero();
            Set<String> reports = reports(export);
            assertThat(reports).hasSize(1);

            assertThat(awaitServed(port, reports)).as("the scanned finding's report, served without a restart").containsAll(reports);
        } finally {
            serve.destroy();
            serve.waitFor(1, TimeUnit.MINUTES);
        }
    }

    @Test
    void serveGoesOnWhenTheProcessServingTheFileToItIsKilled(@TempDir Path dir) throws Exception {
        CliProcess cli = new CliProcess(dir, Map.of("XDG_DATA_HOME", dir.resolve("data").toString()));
        assertThat(cli.run("scan1", "scan", MAIL.resolve("apt42-interview-lure.eml").toString()).exitCode()).isZero();
        Process holder = holder(dir);
        Process serve = cli.start("serve", "serve", "--config", config(dir).toString(), "--port", "0");
        try {
            int port = port(cli.awaitErr("serve", serve, "TAXII 2.1 server at"));
            assertThat(served(port)).as("serve reads the store through the holder's port").hasSize(1);
            holder.toHandle().destroyForcibly(); // SIGKILL: the port serve was using goes away with no goodbye
            holder.waitFor();

            CliProcess.Result scan = cli.run("scan2", "scan", MAIL.resolve("drive-share-credential.eml").toString());
            assertThat(scan.exitCode()).as(scan.err()).isZero();
            assertThat(scan.out()).contains("1 new");
            Path export = dir.resolve("export.json");
            assertThat(cli.run("export", "export", "stix", "--out", export.toString()).exitCode()).isZero();
            Set<String> reports = reports(export);
            assertThat(reports).hasSize(2);
            assertThat(awaitServed(port, reports)).containsAll(reports);
            assertThat(serve.isAlive()).isTrue();
        } finally {
            holder.destroyForcibly();
            serve.destroy();
            serve.waitFor(1, TimeUnit.MINUTES);
        }
    }

    @Test
    void serveGoesOnWhenTheProcessServingTheFileToItExits(@TempDir Path dir) throws Exception {
        CliProcess cli = new CliProcess(dir, Map.of("XDG_DATA_HOME", dir.resolve("data").toString()));
        Process holder = holder(dir);
        Process serve = cli.start("serve", "serve", "--config", config(dir).toString(), "--port", "0");
        try {
            int port = port(cli.awaitErr("serve", serve, "TAXII 2.1 server at"));
            Writer go = new OutputStreamWriter(holder.getOutputStream(), StandardCharsets.US_ASCII);
            go.write("done\n");
            go.flush();
            assertThat(holder.waitFor(1, TimeUnit.MINUTES)).isTrue();
            assertThat(holder.exitValue()).isZero();

            CliProcess.Result scan = cli.run("scan", "scan", MAIL.resolve("apt42-interview-lure.eml").toString());
            assertThat(scan.exitCode()).as(scan.err()).isZero();
            Path export = dir.resolve("export.json");
            assertThat(cli.run("export", "export", "stix", "--out", export.toString()).exitCode()).isZero();
            Set<String> reports = reports(export);
            assertThat(awaitServed(port, reports)).containsAll(reports);
        } finally {
            holder.destroyForcibly();
            serve.destroy();
            serve.waitFor(1, TimeUnit.MINUTES);
        }
    }

    @Test
    void aScanGoesOnWhenServeStopsUnderIt(@TempDir Path dir) throws Exception {
        Path ham = Needs.sharedData("email/dev/ham");
        Path input = Files.createDirectories(dir.resolve("mail"));
        try (Stream<Path> files = Files.list(ham)) {
            for (Path f : files.sorted().limit(300).toList()) {
                Files.createSymbolicLink(input.resolve(f.getFileName()), f.toAbsolutePath());
            }
        }
        CliProcess cli = new CliProcess(dir, Map.of("XDG_DATA_HOME", dir.resolve("data").toString()));
        Process serve = cli.start("serve", "serve", "--config", config(dir).toString(), "--port", "0");
        cli.awaitErr("serve", serve, "TAXII 2.1 server at"); // serve opened the store first: the scan goes through it
        Process scan = cli.start("scan", "scan", input.toString());
        String url = "jdbc:h2:file:" + dir.resolve("data/tocsin/tocsin");
        long stored = 0;
        while (stored < 30 && scan.isAlive()) {
            Thread.sleep(200);
            try (Connection c = Store.connect(url, "sa", ""); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM evidence")) {
                rs.next();
                stored = rs.getLong(1);
            }
        }
        assertThat(scan.isAlive()).as("the scan was still running when serve stopped").isTrue();
        serve.destroy(); // SIGTERM: the process serving the file goes, mid-transaction for the scan
        assertThat(serve.waitFor(1, TimeUnit.MINUTES)).isTrue();

        assertThat(scan.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(scan.exitValue()).as(cli.err("scan")).isZero();
        Matcher line = Pattern.compile("stored: (\\d+) new pieces of evidence, (\\d+) already in the store; 0 problems")
                .matcher(cli.out("scan"));
        assertThat(line.find()).as(cli.out("scan")).isTrue();
        assertThat(Long.parseLong(line.group(1)) + Long.parseLong(line.group(2))).isEqualTo(300);
        Set<String> distinct = new HashSet<>(); // what the store must hold: each message once, none lost
        try (Stream<Path> files = Files.list(input)) {
            for (Path f : files.toList()) {
                distinct.add(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        }
        try (Store store = Store.open(url, "sa", "")) {
            assertThat(store.count(Store.Table.EVIDENCE)).isEqualTo(distinct.size());
        }
    }

    /** A process that opens the default store before serve does, so that serve reaches the file through its port. */
    private static Process holder(Path dir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), StoreHolder.class.getName())
                .redirectError(dir.resolve("holder.err").toFile());
        pb.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.equals("holding")) {
                return p;
            }
        }
        throw new IllegalStateException("the holder did not open the store: " + Files.readString(dir.resolve("holder.err")));
    }

    /** The example configuration, publishing every second. */
    private static Path config(Path dir) throws IOException {
        Path out = dir.resolve("taxii.yaml");
        String yaml = Files.readString(ROOT.resolve("examples/taxii.yaml"), StandardCharsets.UTF_8);
        Files.writeString(out, yaml.replaceFirst("publish_every_seconds: \\d+", "publish_every_seconds: 1"), StandardCharsets.UTF_8);
        return out;
    }

    private static int port(String line) {
        Matcher m = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/").matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** The ids of the report objects (one per finding) in an exported bundle. */
    private static Set<String> reports(Path bundle) throws IOException {
        Set<String> out = new HashSet<>();
        for (JsonNode o : JSON.readTree(bundle.toFile()).path("objects")) {
            if (o.path("type").asText().equals("report")) {
                out.add(o.path("id").asText());
            }
        }
        return out;
    }

    /** The report ids the findings collection serves now. */
    private Set<String> served(int port) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/tocsin/collections/"
                        + FINDINGS + "/objects/?match[type]=report"))
                .header("Accept", "application/taxii+json;version=2.1").header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Set<String> out = new HashSet<>();
        for (JsonNode o : JSON.readTree(r.body()).path("objects")) {
            out.add(o.path("id").asText());
        }
        return out;
    }

    /**
     * Asks until the collection serves every id wanted: the server publishes every second, so this is the next
     * publication or the one after; the bound only keeps a broken server from hanging the build.
     */
    private Set<String> awaitServed(int port, Set<String> wanted) throws IOException, InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        Set<String> served = new HashSet<>();
        while (System.nanoTime() < giveUp) {
            served = served(port);
            if (served.containsAll(wanted)) {
                break;
            }
            Thread.sleep(200);
        }
        return served;
    }
}
