package org.tocsin.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.tocsin.store.Store;

/**
 * The child that {@code StoreSetupKillTest} kills: sets up one new store after another (the first-run setup every
 * command does on an empty store) until it is killed, and prints the number of each store once its setup is done
 * (with how long it took, in nanoseconds). Stores are H2 files {@code DIR/s0, DIR/s1, …} or PostgreSQL schemas
 * {@code PREFIX_0, PREFIX_1, …} of one database. It prints "ready" once warmed up (a setup in memory) and begins when
 * a line arrives on stdin.
 */
public final class StoreSetupLoop {
    private StoreSetupLoop() {
    }

    /** {@code h2 DIR} or {@code pg JDBC-URL-OF-A-DATABASE SCHEMA-PREFIX}. */
    public static void main(String[] args) throws SQLException, IOException {
        Store.open("jdbc:h2:mem:warm-up", "sa", "").close(); // loads and compiles what a setup runs, as a first setup would
        System.out.println("ready"); // the parent says when to begin, so that kills sample setups and not JVM start-up
        System.out.flush();
        if (new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine() == null) {
            return; // the parent is gone
        }
        for (int i = 0; ; i++) {
            String url = url(args, i);
            if (args[0].equals("pg")) {
                try (Connection c = DriverManager.getConnection(args[1], "postgres", ""); Statement s = c.createStatement()) {
                    s.execute("CREATE SCHEMA " + args[2] + "_" + i); // not part of the setup: a user's empty database
                }
            }
            long start = System.nanoTime();
            Store.open(url, args[0].equals("pg") ? "postgres" : "sa", "").close();
            System.out.println("set up " + i + " " + (System.nanoTime() - start));
            System.out.flush();
        }
    }

    /** The JDBC URL of store {@code i}. */
    static String url(String[] args, int i) {
        return args[0].equals("pg") ? args[1] + "?currentSchema=" + args[2] + "_" + i : "jdbc:h2:file:" + args[1] + "/s" + i;
    }
}
