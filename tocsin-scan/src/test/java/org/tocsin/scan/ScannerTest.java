package org.tocsin.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.evidence.Sha256;
import org.tocsin.profile.ProfileLoader;
import org.tocsin.store.Observable;
import org.tocsin.store.Store;

/** The scanner below {@code tocsin scan} and {@code tocsin serve}: a real H2 store, the bundled examples, nothing printed. */
class ScannerTest {
    private static final Path ROOT = Path.of(System.getProperty("tocsin.root", ".."));
    private static final InputStream NO_STDIN = new ByteArrayInputStream(new byte[0]);

    @TempDir
    Path dir;

    private Scanner scanner() throws Exception {
        return new Scanner(ScanSettings.of(ProfileLoader.load(ROOT.resolve("examples/watch-profile.yaml"))));
    }

    @Test
    void mailFeedsAndArchivesAreStoredOnceAndProblemsReportedNotPrinted() throws Exception {
        Path junk = Files.write(dir.resolve("junk.bin"), new byte[] {1, 2, 3, 0, 9});
        List<String> problems = new ArrayList<>();
        ScanListener listener = (where, reason) -> problems.add(where + ": " + reason);
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ScanCounts first;
        ScanCounts again;
        try (Store store = Store.open("jdbc:h2:file:" + dir.resolve("store"), "sa", "")) {
            System.setOut(new PrintStream(printed, true));
            System.setErr(new PrintStream(printed, true));
            List<String> paths = List.of(ROOT.resolve("examples/mail").toString(), ROOT.resolve("examples/feeds").toString(),
                    ROOT.resolve("examples/sites").toString(), junk.toString());
            first = scanner().scan(paths, NO_STDIN, store, listener);
            again = scanner().scan(paths, NO_STDIN, store, (where, reason) -> { });
            assertThat(store.findingsWith(new Observable("domain-name", "washingtonpost.pm"))).hasSizeGreaterThanOrEqualTo(3);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        assertThat(printed.size()).isZero();
        assertThat(first.messages()).isEqualTo(15);
        assertThat(first.feedNames()).isEqualTo(67);
        assertThat(first.sites()).isGreaterThanOrEqualTo(4);
        assertThat(first.storedNew()).isEqualTo(first.messages() + 3 + first.sites());
        assertThat(again.storedNew()).isZero();
        assertThat(again.alreadyKnown()).isEqualTo(first.storedNew());
        assertThat(problems).anyMatch(p -> p.startsWith(junk + ": neither mail, a domain feed nor a web archive"));
        assertThat(problems).anyMatch(p -> p.contains("ct-get-entries-2024-09.json#7"));
        assertThat(first.problems()).isEqualTo(problems.size());
    }

    /** A feed on standard input is the same evidence as the file: SHA-256 and size of every byte, read while streaming. */
    @Test
    void standardInputIsEvidenceLikeAFile() throws Exception {
        Path feed = ROOT.resolve("examples/feeds/nrd-2024-09-05.txt");
        byte[] bytes = Files.readAllBytes(feed);
        try (Store store = Store.open("jdbc:h2:file:" + dir.resolve("store"), "sa", "")) {
            ScanCounts piped = scanner().scan(List.of("-"), new ByteArrayInputStream(bytes), store, (where, reason) -> { });
            ScanCounts named = scanner().scan(List.of(feed.toString()), NO_STDIN, store, (where, reason) -> { });

            assertThat(piped.storedNew()).isEqualTo(1);
            assertThat(piped.alerts()).isPositive();
            assertThat(named.alreadyKnown()).isEqualTo(1); // the same bytes, the same evidence
            assertThat(store.findingsWith(new Observable("domain-name", "washingtonpost.pm")).get(0).evidenceSha256())
                    .isEqualTo(Sha256.of(bytes));
        }
    }
}
