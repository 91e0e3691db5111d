package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.testing.Needs;

/**
 * {@code tocsin scan} killed mid-scan (SIGKILL, a child JVM writing to PostgreSQL), then run again: the store
 * ends up with exactly what one uninterrupted scan stores — nothing duplicated, nothing missing.
 */
class ScanCrashTest {
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";

    @Test
    void aScanKilledMidwayAndRunAgainStoresWhatOneScanStores(@TempDir Path dir) throws Exception {
        Path ham = Needs.sharedData("email/dev/ham");
        Path phish = Needs.sharedData("email/dev/phish");
        Needs.postgres("test");
        String schema = "tocsin_crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(PG, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            Path input = dir.resolve("mail");
            Files.createDirectories(input);
            link(ham, input, 700);
            link(phish, input, 300);
            String pg = PG + "?currentSchema=" + schema;
            String reference = "jdbc:h2:file:" + dir.resolve("reference");
            assertThat(CliRun.of("scan", "--db", reference, input.toString()).exitCode()).isZero();

            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "scan", "--db", pg, "--db-user", "postgres",
                    input.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            long stored = 0;
            while (stored < 150 && child.isAlive()) {
                Thread.sleep(20);
                stored = count(pg, "evidence");
            }
            assertThat(child.isAlive()).as("the scan was still running when killed").isTrue();
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback from the client
            child.waitFor();
            long atKill = count(pg, "evidence");
            assertThat(atKill).isBetween(150L, 999L);

            CliRun again = CliRun.of("scan", "--db", pg, "--db-user", "postgres", input.toString());
            assertThat(again.exitCode()).isZero();
            assertThat(again.out()).contains("already in the store");
            for (String table : List.of("evidence", "finding", "finding_signal", "observable", "finding_observable")) {
                assertThat(count(pg, table)).as(table).isEqualTo(count(reference, table));
            }
            assertThat(ids(pg, "SELECT id FROM finding")).isEqualTo(ids(reference, "SELECT id FROM finding"));
            assertThat(ids(pg, "SELECT sha256 FROM evidence")).isEqualTo(ids(reference, "SELECT sha256 FROM evidence"));
        } finally {
            try (Connection c = DriverManager.getConnection(PG, "postgres", ""); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private static void link(Path from, Path to, int n) throws Exception {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.sorted().limit(n).toList()) {
                Files.createSymbolicLink(to.resolve(from.getFileName() + "-" + f.getFileName()), f.toAbsolutePath());
            }
        }
    }

    private static Connection connect(String url) throws SQLException {
        return url.startsWith("jdbc:h2:") ? DriverManager.getConnection(url, "sa", "") : DriverManager.getConnection(url, "postgres", "");
    }

    private static long count(String url, String table) throws SQLException {
        try (Connection c = connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            if (url.startsWith("jdbc:postgresql:") && e.getMessage().contains("does not exist")) {
                return 0; // the child has not created its tables yet
            }
            throw e;
        }
    }

    private static Set<String> ids(String url, String sql) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Connection c = connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
