package org.tocsin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.store.Store;
import org.tocsin.testing.Needs;

/**
 * Fault 1 of issue 13: kill -9 during first-run database setup must never leave a store that no command opens.
 * Child JVMs ({@link StoreSetupLoop}) set up new stores one after another, each child killed with SIGKILL at a random
 * moment spread over two setups' measured duration, so that kills land before, in and between every migration.
 * Afterwards every store the children touched opens, and a real scan completes on each store a kill interrupted.
 *
 * <p>Cost: one JVM per kill. Each child starts and warms up while the one before it runs, and waits for a line on
 * stdin before it begins, so that kills sample setups rather than JVM start-up.
 */
class StoreSetupKillTest {
    private static final String PG_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    /** The database of this test's schemas: its own, so that nothing else on the server is touched. */
    private static final String PG_DATABASE = "tocsin_setup_kill";
    private static final int H2_KILLS = 50;
    private static final int PG_KILLS = 10;
    private static final Path MAIL = Path.of(System.getProperty("tocsin.root", "..")).resolve("examples/mail/phish/apt42-interview-lure.eml");

    @Test
    void killingFirstRunSetupOfAnH2StoreNeverBricksIt(@TempDir Path dir) throws Exception {
        Outcome o = killRepeatedly(H2_KILLS, i -> List.of("h2", dir.resolve("run" + i).toString()),
                (args, n) -> StoreSetupLoop.url(args.toArray(String[]::new), n), "sa", args -> h2Phase(Path.of(args.get(1))));
        report("H2", o);
        assertThat(o.bricked()).as("stores no command opens: " + o.bricked()).isEmpty();
        assertThat(o.scanned()).isEqualTo(o.interrupted().size());
    }

    @Test
    void killingFirstRunSetupOfAPostgreSqlStoreNeverBricksIt() throws Exception {
        Needs.postgres("postgres");
        try (Connection c = DriverManager.getConnection(PG_SERVER + "postgres", "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + PG_DATABASE + "'")) {
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + PG_DATABASE);
            }
        }
        String prefix = "kill_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        try {
            Outcome o = killRepeatedly(PG_KILLS, i -> List.of("pg", PG_SERVER + PG_DATABASE, prefix + "_" + i),
                    (args, n) -> StoreSetupLoop.url(args.toArray(String[]::new), n), "postgres", args -> pgPhase(args.get(2)));
            report("PostgreSQL", o);
            assertThat(o.bricked()).as("stores no command opens: " + o.bricked()).isEmpty();
            assertThat(o.scanned()).isEqualTo(o.interrupted().size());
        } finally {
            try (Connection c = DriverManager.getConnection(PG_SERVER + PG_DATABASE, "postgres", ""); Statement s = c.createStatement()) {
                List<String> schemas = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE '" + prefix + "%'")) {
                    while (rs.next()) {
                        schemas.add(rs.getString(1));
                    }
                }
                for (String schema : schemas) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    @Test
    void processesStartingAtOnceOnOneNewStoreTakeTurns(@TempDir Path dir) throws Exception {
        CliProcess cli = new CliProcess(dir, Map.of("XDG_DATA_HOME", dir.resolve("data").toString()));
        List<Process> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            all.add(cli.start("p" + i, "intel", "indicators"));
        }
        for (int i = 0; i < all.size(); i++) {
            all.get(i).waitFor();
            assertThat(all.get(i).exitValue()).as(cli.err("p" + i)).isZero();
        }
        try (Stream<Path> files = Files.list(dir.resolve("data/tocsin"))) {
            assertThat(files.map(f -> f.getFileName().toString())).contains("tocsin.mv.db").noneMatch(f -> f.contains(".setup-"));
        }
    }

    /** The arguments of child {@code i}. */
    private interface ChildArgs {
        List<String> of(int child);
    }

    /** The URL of store {@code n} of a child. */
    private interface StoreUrl {
        String of(List<String> childArgs, int n);
    }

    /** Where a kill left a child's interrupted store, read before anything reopens it. */
    private interface Phase {
        String of(List<String> childArgs) throws SQLException, IOException;
    }

    /** What the kills did: where each landed, and which stores were left unopenable. */
    private record Outcome(int kills, long setupMillis, List<String> interrupted, Map<String, Integer> phases, List<String> bricked, int scanned) {
    }

    private Outcome killRepeatedly(int kills, ChildArgs childArgs, StoreUrl storeUrl, String user, Phase phase) throws Exception {
        Random random = new Random();
        List<String> all = new ArrayList<>();
        List<String> interrupted = new ArrayList<>();
        Map<String, Integer> phases = new TreeMap<>();
        long setupNanos = 0;
        Process next = start(childArgs.of(0));
        for (int k = 0; k <= kills; k++) { // child 0 measures how long a setup takes; children 1..kills are killed
            Process child = next;
            List<String> args = childArgs.of(k);
            next = k < kills ? start(childArgs.of(k + 1)) : null; // starts while this one runs
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
            awaitLine(out, "ready");
            Writer go = new OutputStreamWriter(child.getOutputStream(), StandardCharsets.US_ASCII);
            go.write("go\n");
            go.flush();
            if (k == 0) {
                awaitLine(out, "set up 0 ");
                setupNanos = Long.parseLong(awaitLine(out, "set up 1 ").split(" ")[3]);
            } else {
                long delay = (long) (random.nextDouble() * 2 * setupNanos); // in the first setup or the second
                Thread.sleep(delay / 1_000_000, (int) (delay % 1_000_000));
            }
            kill(child);
            child.waitFor();
            int done = -1;
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("set up ")) {
                    done = Integer.parseInt(line.split(" ")[2]);
                }
            }
            for (int n = 0; n <= done; n++) {
                all.add(storeUrl.of(args, n));
            }
            if (k > 0) {
                phases.merge(phase.of(args), 1, Integer::sum);
                String url = storeUrl.of(args, done + 1);
                interrupted.add(url);
                all.add(url);
            }
        }
        List<String> bricked = new ArrayList<>();
        for (String url : all) {
            boolean opened = opens(url, user) || opensAgain(url, user); // the first command after a crash may stumble; a second must not
            if (!opened) {
                bricked.add(url);
            }
        }
        int scanned = 0;
        for (String url : interrupted) {
            if (bricked.contains(url)) {
                continue;
            }
            CliRun scan = CliRun.of("scan", "--db", url, "--db-user", user, MAIL.toString());
            if (scan.exitCode() == 0 && scan.out().contains("1 new")) {
                scanned++;
            } else {
                System.err.println("scan of " + url + " exited " + scan.exitCode() + ": " + scan.out() + scan.err());
            }
        }
        return new Outcome(kills, setupNanos / 1_000_000, interrupted, phases, bricked, scanned);
    }

    /**
     * SIGKILL through the process handle: Process.destroyForcibly would also close our end of the child's stdout, losing
     * the lines it wrote just before it died.
     */
    private static void kill(Process child) {
        child.toHandle().destroyForcibly();
    }

    /** A second try, named apart so that {@code opens(..) || opensAgain(..)} reads as the retry it is. */
    private static boolean opensAgain(String url, String user) {
        return opens(url, user);
    }

    private static boolean opens(String url, String user) {
        try (Store store = Store.open(url, user, "")) {
            store.count(Store.Table.EVIDENCE);
            return true;
        } catch (SQLException e) {
            System.err.println("cannot open " + url + ": " + e.getMessage());
            return false;
        }
    }

    private static void report(String database, Outcome o) {
        System.out.println("StoreSetupKillTest " + database + ": " + o.kills() + " kills, " + o.bricked().size()
                + " bricked; a setup took " + o.setupMillis() + " ms; interrupted stores by phase " + o.phases() + "; scans completed on " + o.scanned() + " of "
                + o.interrupted().size());
    }

    /** A child JVM that has loaded what it needs and waits for "go"; C1 only, as short-lived JVMs run fastest so. */
    private static Process start(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
                "-cp", System.getProperty("java.class.path"), StoreSetupLoop.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static String awaitLine(BufferedReader out, String prefix) throws IOException {
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IllegalStateException("the child ended before printing " + prefix);
    }

    /**
     * How far the interrupted H2 store had got: the migrations recorded in the newest database file of the child's
     * directory (whatever its name: the store, or a copy being built beside it), read without writing.
     */
    private static String h2Phase(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return "no file";
        }
        Path newest;
        try (Stream<Path> files = Files.list(dir)) {
            newest = files.filter(f -> f.getFileName().toString().endsWith(".mv.db"))
                    .max((a, b) -> {
                        try {
                            return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b));
                        } catch (IOException e) {
                            return 0;
                        }
                    }).orElse(null);
        }
        if (newest == null) {
            return "no file";
        }
        Path copy = Files.createTempDirectory("phase").resolve("p");
        Files.copy(newest, Path.of(copy + ".mv.db")); // a copy: reading must not change what the store's next opener sees
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + copy + ";ACCESS_MODE_DATA=r", "sa", "")) {
            return tables(c, "PUBLIC") + " tables, " + history(c, "\"flyway_schema_history\"", "\"version\"", "\"success\"");
        } catch (SQLException e) {
            return "unreadable file";
        } finally {
            Files.deleteIfExists(Path.of(copy + ".mv.db"));
            Files.deleteIfExists(copy.getParent());
        }
    }

    private static String pgPhase(String prefix) throws SQLException {
        // the child's interrupted store is its newest schema
        try (Connection c = DriverManager.getConnection(PG_SERVER + PG_DATABASE, "postgres", ""); Statement s = c.createStatement()) {
            String schema = null;
            try (ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE '" + prefix + "\\_%'"
                    + " ORDER BY length(nspname) DESC, nspname DESC LIMIT 1")) {
                if (rs.next()) {
                    schema = rs.getString(1);
                }
            }
            if (schema == null) {
                return "no schema";
            }
            return tables(c, schema) + " tables, " + history(c, schema + ".flyway_schema_history", "version", "success");
        }
    }

    /**
     * The store's tables that exist (Flyway's history left out): Flyway records a group of migrations when the whole
     * group is done, so the tables tell how far into the migrations a kill came.
     */
    private static int tables(Connection c, String schema) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables"
                + " WHERE LOWER(table_schema) = '" + schema.toLowerCase(java.util.Locale.ROOT) + "' AND LOWER(table_name) NOT LIKE 'flyway%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** "no history", "V2" (the last migration recorded as done), or "V2 failed" (a failure recorded). */
    private static String history(Connection c, String table, String version, String success) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + version + ", " + success + " FROM " + table
                + " WHERE " + version + " IS NOT NULL ORDER BY " + version)) {
            String last = "V0";
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return "V" + rs.getString(1) + " failed";
                }
                last = "V" + rs.getString(1);
            }
            return last;
        } catch (SQLException e) {
            return "no history";
        }
    }
}
