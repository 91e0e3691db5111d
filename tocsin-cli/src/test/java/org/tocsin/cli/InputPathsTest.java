package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.store.Observable;
import org.tocsin.store.Store;

/**
 * How inputs come in on the command line (issue 13): what a file holds is decided the same way by {@code scan} and by
 * the command of its kind (fault 7), an unreadable directory costs only itself (fault 3), symbolic links are followed
 * (fault 6) and {@code -} is standard input for every kind (fault 14).
 */
class InputPathsTest {
    private static final Path ROOT = Path.of(System.getProperty("tocsin.root", ".."));
    private static final String WATCH_PROFILE = ROOT.resolve("examples/watch-profile.yaml").toString();

    // --- fault 7: one sniffer ---

    @Test
    void aFeedOfRawUnicodeNamesIsScannedAsAFeedAndRaisesTheHomographAlert(@TempDir Path dir) throws Exception {
        Path feed = dir.resolve("nrd-unicode.txt");
        Files.writeString(feed, "b\u0456ld.de\nwashingtonpost.pm\n", StandardCharsets.UTF_8); // Cyrillic і
        String url = "jdbc:h2:file:" + dir.resolve("store");

        CliRun watch = CliRun.of("domains", "watch", "--json", "--profile", WATCH_PROFILE, feed.toString());
        CliRun scan = CliRun.of("scan", "--db", url, "--profile", WATCH_PROFILE, feed.toString());

        assertThat(watch.lines()).anySatisfy(o -> assertThat(o.get("protected_domain").asText()).isEqualTo("bild.de"));
        assertThat(scan.exitCode()).isZero();
        assertThat(scan.err()).doesNotContain("neither mail");
        assertThat(scan.out()).contains("2 feed names (2 lookalike alerts)");
        try (Store store = Store.open(url, "sa", "")) {
            String homograph = watch.lines().stream().filter(o -> o.get("protected_domain").asText().equals("bild.de"))
                    .findFirst().orElseThrow().get("domain").asText();
            assertThat(store.findingsWith(new Observable("domain-name", homograph))).hasSize(1);
        }
    }

    @Test
    void aFeedWhoseFirstLineIsMalformedIsStillAFeed(@TempDir Path dir) throws Exception {
        Path feed = dir.resolve("nrd-damaged.txt");
        Files.writeString(feed, "!!! export of 2024-09-05 !!!\nspiegel.ltd\nfox-news.in\n", StandardCharsets.UTF_8);

        CliRun scan = CliRun.of("scan", "--db", "jdbc:h2:file:" + dir.resolve("store"), "--profile", WATCH_PROFILE, feed.toString());

        assertThat(scan.exitCode()).isZero();
        assertThat(scan.out()).contains("3 feed names (2 lookalike alerts)"); // the first line's "!!!" is examined, and refused
        assertThat(scan.err()).contains("nrd-damaged.txt:1: ");
    }

    /** Each kind of fixture is read as that kind by scan and by the command of its kind (one sniffer). */
    @Test
    void everyFixtureKindIsReadAlikeByScanAndByItsOwnCommand(@TempDir Path dir) throws Exception {
        Path unicode = Files.writeString(dir.resolve("unicode.txt"), "b\u0456ld.de\n", StandardCharsets.UTF_8);
        String url = "jdbc:h2:file:" + dir.resolve("store");
        @SuppressWarnings("ArrayRecordComponent") // a test table, never compared
        record Fixture(Path file, String scanSays, String... command) {
        }
        String profile = ROOT.resolve("examples/profile.yaml").toString();
        List<Fixture> fixtures = List.of(
                new Fixture(ROOT.resolve("examples/mail/legit/newsletter.eml"), "^1 messages", "email", "triage", "--profile", profile),
                new Fixture(ROOT.resolve("examples/mail/mbox/reported-2024-10.mbox"), "^3 messages", "email", "triage", "--profile", profile),
                new Fixture(ROOT.resolve("examples/feeds/nrd-2024-09-05.txt"), " [1-9][0-9]* feed names", "domains", "watch", "--profile", WATCH_PROFILE),
                new Fixture(ROOT.resolve("examples/feeds/certstream-2024-09.jsonl"), " [1-9][0-9]* feed names", "domains", "watch", "--profile",
                        WATCH_PROFILE),
                new Fixture(ROOT.resolve("examples/feeds/ct-get-entries-2024-09.json"), " [1-9][0-9]* feed names", "domains", "watch", "--profile",
                        WATCH_PROFILE),
                new Fixture(unicode, " 1 feed names \\(1 lookalike alerts\\)", "domains", "watch", "--profile", WATCH_PROFILE),
                new Fixture(ROOT.resolve("examples/sites/heartland-herald.example.warc.gz"), " [1-9][0-9]* archived pages of 1 sites", "sites",
                        "assess"),
                new Fixture(ROOT.resolve("examples/posts/activist-network.csv"), "posts coordination reads posts", "posts", "coordination"));
        for (Fixture f : fixtures) {
            CliRun scan = CliRun.of("scan", "--db", url, "--profile", WATCH_PROFILE, f.file().toString());
            List<String> own = new ArrayList<>(List.of(f.command()));
            own.add(f.file().toString());
            CliRun command = CliRun.of(own.toArray(String[]::new));

            assertThat(command.exitCode()).as(f.file() + " by " + own + "\n" + command.err()).isIn(0, 1);
            assertThat(command.err()).as(f.file().toString()).doesNotContain("not a ", "not an ");
            assertThat(scan.out() + scan.err()).as(f.file().toString())
                    .containsPattern(java.util.regex.Pattern.compile(f.scanSays(), java.util.regex.Pattern.MULTILINE));
        }
    }

    // --- fault 3: one unreadable directory ---

    /**
     * Tests run as root, and root reads a directory whatever its mode. So the scan runs in a child JVM that
     * {@code setpriv} starts without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH: still root (it reads the build's
     * classes and the Maven repository as their owner), but a mode-000 directory is closed to it as to anyone.
     * Run as another user, the child needs no help. Without setpriv, root cannot make the condition: skipped.
     */
    @Test
    void anUnreadableDirectoryIsOneProblemAndTheRestIsScanned(@TempDir Path dir) throws Exception {
        Path tree = dir.resolve("mail");
        Path locked = tree.resolve("m-locked");
        Files.createDirectories(locked);
        Files.copy(ROOT.resolve("examples/mail/legit/internal-schedule.eml"), tree.resolve("a.eml"));
        Files.copy(ROOT.resolve("examples/mail/legit/newsletter.eml"), locked.resolve("b.eml"));
        Files.copy(ROOT.resolve("examples/mail/phish/apt42-interview-lure.eml"), tree.resolve("z.eml"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            String url = "jdbc:h2:file:" + dir.resolve("store");
            Child r = childJvm(List.of("scan", "--db", url, tree.toString()));

            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).contains("2 messages").contains("2 new pieces of evidence");
            assertThat(r.err()).contains(locked.toString()).containsIgnoringCase("permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    // --- fault 6: symbolic links ---

    @Test
    void aLinkToADirectoryNamedOnTheCommandLineIsFollowed(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("reported"), ROOT.resolve("examples/mail/legit").toAbsolutePath());

        CliRun triage = CliRun.of("email", "triage", "--json", link.toString());
        CliRun scan = CliRun.of("scan", "--db", "jdbc:h2:file:" + dir.resolve("store"), link.toString());

        assertThat(triage.exitCode()).isZero();
        assertThat(triage.lines()).hasSize(6).allSatisfy(o -> assertThat(o.get("source").asText()).startsWith(link.toString()));
        assertThat(scan.exitCode()).isZero();
        assertThat(scan.out()).contains("6 messages");
    }

    /** Inside a tree, links are followed too (docs/cli.md), but no directory is read twice and a loop ends. */
    @Test
    void linksInsideATreeAreFollowedOnceAndALoopEnds(@TempDir Path dir) throws Exception {
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Files.copy(ROOT.resolve("examples/mail/legit/internal-schedule.eml"), tree.resolve("own.eml"));
        Files.createSymbolicLink(tree.resolve("phish"), ROOT.resolve("examples/mail/phish").toAbsolutePath());
        Files.createSymbolicLink(tree.resolve("up"), tree); // a link to its own ancestor
        Files.createSymbolicLink(tree.resolve("same"), tree.resolve("phish")); // a second way into phish/

        CliRun triage = CliRun.of("email", "triage", "--json", tree.toString());

        assertThat(triage.exitCode()).isZero();
        List<String> sources = triage.lines().stream().filter(o -> o.has("verdict")).map(o -> o.get("source").asText()).toList();
        assertThat(sources).hasSize(7).doesNotHaveDuplicates();
        assertThat(sources.stream().map(s -> Path.of(s).getFileName().toString())).doesNotHaveDuplicates();
    }

    // --- fault 14: '-' is standard input, for every kind ---

    @Test
    void standardInputIsScannedWhateverItHolds(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("store");
        Path sites = ROOT.resolve("examples/sites");
        Path wacz = dir.resolve("site.wacz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(wacz))) {
            zip.putNextEntry(new ZipEntry("archive/data.warc.gz"));
            zip.write(Files.readAllBytes(sites.resolve("rivertongazette.com.warc.gz")));
            zip.closeEntry();
        }
        Path html = dir.resolve("saved.html");
        Files.writeString(html, "<!DOCTYPE html><html><head><link rel=\"canonical\" href=\"https://heartland-herald.example/\">"
                + "<title>Heartland Herald</title></head><body><article><h1>Storm</h1><p>Rain all day.</p></article></body></html>");
        List<StdinCase> kinds = List.of(
                new StdinCase(ROOT.resolve("examples/mail/phish/apt42-interview-lure.eml"), "^1 messages", 1),
                new StdinCase(ROOT.resolve("examples/mail/mbox/reported-2024-10.mbox"), "^3 messages", 3),
                new StdinCase(ROOT.resolve("examples/feeds/nrd-2024-09-05.txt"), "[1-9][0-9]* feed names", 1),
                new StdinCase(ROOT.resolve("examples/feeds/certstream-2024-09.jsonl"), "[1-9][0-9]* feed names", 1),
                new StdinCase(ROOT.resolve("examples/feeds/ct-get-entries-2024-09.json"), "[1-9][0-9]* feed names", 1),
                new StdinCase(sites.resolve("washingtonpost.pm.warc.gz"), "[1-9][0-9]* archived pages of 1 sites", 1),
                new StdinCase(wacz, "[1-9][0-9]* archived pages of 1 sites", 1),
                new StdinCase(html, " 1 archived pages of 1 sites", 1));
        for (StdinCase c : kinds) {
            CliRun r = withStdin(Files.readAllBytes(c.input()), "scan", "--db", url, "--profile", WATCH_PROFILE, "-");
            assertThat(r.exitCode()).as(c.input() + "\n" + r.err()).isZero();
            assertThat(r.out()).as(c.input().toString()).containsPattern(java.util.regex.Pattern.compile(c.summary(), java.util.regex.Pattern.MULTILINE))
                    .contains("stored: " + c.newEvidence() + " new pieces of evidence");
        }
    }

    record StdinCase(Path input, String summary, int newEvidence) {
    }

    static CliRun withStdin(byte[] stdin, String... args) throws Exception {
        return withStdin(new ByteArrayInputStream(stdin), args);
    }

    static CliRun withStdin(InputStream stdin, String... args) throws Exception {
        InputStream in = System.in;
        try {
            System.setIn(stdin);
            return CliRun.of(args);
        } finally {
            System.setIn(in);
        }
    }

    record Child(int exitCode, String out, String err) {
    }

    /** The command in a JVM of its own, without the capabilities that let root read any directory. */
    static Child childJvm(List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            Path setpriv = Path.of("/usr/bin/setpriv");
            assumeTrue(Files.isExecutable(setpriv), "running as root without setpriv: no way to make a directory unreadable");
            command.addAll(List.of(setpriv.toString(), "--inh-caps=-all", "--bounding-set=-dac_override,-dac_read_search"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).start();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> {
            try {
                p.getErrorStream().transferTo(err);
            } catch (java.io.IOException e) {
                // the process ended
            }
        });
        drain.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        drain.join();
        return new Child(p.exitValue(), out, err.toString(StandardCharsets.UTF_8));
    }
}
