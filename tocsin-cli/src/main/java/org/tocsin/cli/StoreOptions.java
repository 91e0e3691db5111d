package org.tocsin.cli;

import java.sql.SQLException;
import org.tocsin.store.Store;
import picocli.CommandLine.Option;

/** Where the store is: the options every command that reads or writes it shares. */
public final class StoreOptions {
    @Option(names = "--db", paramLabel = "URL",
            description = "JDBC URL of the store (default: an H2 file in $XDG_DATA_HOME/tocsin or ~/.local/share/tocsin).")
    String db;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (default: sa for H2, $PGUSER or postgres otherwise).")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = "Database password (default: $PGPASSWORD or empty).")
    String dbPassword;

    public String url() {
        return db != null ? db : Store.defaultUrl();
    }

    /**
     * Opens the store, creating it (and an H2 file's directory) if need be; what opening did beyond opening (an
     * upgrade, an automatic rebuild) goes to stderr. Any failure is the user's to fix (exit 2), and its message says how.
     */
    public Store open() {
        String url = url();
        try {
            return Store.open(url, user(), password(), notice -> System.err.println("tocsin: " + notice));
        } catch (SQLException e) {
            throw new UsageProblem("store " + url + ": " + e.getMessage());
        }
    }

    String user() {
        if (dbUser != null) {
            return dbUser;
        }
        return url().startsWith("jdbc:h2:") ? "sa" : envOr("PGUSER", "postgres");
    }

    String password() {
        return dbPassword != null ? dbPassword : envOr("PGPASSWORD", "");
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }
}
