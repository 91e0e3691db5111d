package org.tocsin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.evidence.EvidenceRef;
import org.tocsin.signal.Signal;
import org.tocsin.store.Store.Table;

/**
 * A real crash: a separate JVM ingests as fast as it can and is killed (SIGKILL) in the middle. Reopened, the
 * store holds every ingest the child reported committed, and no finding without all its signals and observables.
 */
class CrashIngestTest {
    private static final int SIGNALS = 3;
    private static final int OBSERVABLES = 2;

    /** The child: ingests evidence 0, 1, 2 … and prints each number once its transaction has committed. */
    public static void main(String[] args) throws SQLException {
        try (Store store = Store.open(args[0], "sa", "")) {
            store.compactEvery(50); // so that kills land in and around compactions too, not only in ingests
            for (int i = 0; ; i++) {
                String sha = String.format("%064x", i);
                store.ingest(new EvidenceRef("item-" + i, sha, i), "email", List.of(finding(i)));
                System.out.println("committed " + i);
                System.out.flush();
            }
        }
    }

    private static Finding finding(int i) {
        return new Finding("email", "message " + i, "suspicious", 5, "moderate",
                List.of(new Signal("A", 1, "a" + i, "T1566"), new Signal("B", 2, "b" + i, "T1566"), new Signal("C", 2, "c" + i, "T1566")),
                List.of(new Observable("domain-name", "d" + i + ".example"), new Observable("domain-name", "shared.example")));
    }

    @Test
    void aKilledIngestLosesNothingCommittedAndLeavesNothingHalfWritten(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("crash");
        Store.open(url, "sa", "").close(); // migrate first, so the child spends its life ingesting
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashIngestTest.class.getName(), url)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        int lastCommitted = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (!line.startsWith("committed ")) {
                    continue; // a library's start-up chatter
                }
                lastCommitted = Integer.parseInt(line.substring("committed ".length()).strip());
                if (lastCommitted >= 200) {
                    child.destroyForcibly(); // SIGKILL, mid-way through the next ingest
                    break;
                }
            }
        }
        child.waitFor();
        assertThat(lastCommitted).isGreaterThanOrEqualTo(200);

        try (Store store = Store.open(url, "sa", "")) {
            long evidence = store.count(Table.EVIDENCE);
            assertThat(evidence).isGreaterThan(lastCommitted); // every reported commit survived (0..lastCommitted)
            assertThat(store.count(Table.FINDING)).isEqualTo(evidence);
            assertThat(store.count(Table.FINDING_SIGNAL)).isEqualTo(evidence * SIGNALS);
            assertThat(store.count(Table.FINDING_OBSERVABLE)).isEqualTo(evidence * OBSERVABLES);
            assertThat(store.count(Table.OBSERVABLE)).isEqualTo(evidence + 1); // one per item, plus the shared one
        }
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM evidence e WHERE NOT EXISTS"
                     + " (SELECT 1 FROM finding f WHERE f.evidence_sha256 = e.sha256)")) {
            rs.next();
            assertThat(rs.getInt(1)).as("evidence without its finding").isZero();
        }
    }
}
