package org.tocsin.store;


import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.stream.Stream;
import org.tocsin.testing.Needs;

/**
 * A database the store's tests run on: a fresh embedded H2 file, or a fresh schema in the machine's PostgreSQL
 * (the test is skipped, saying why, when PostgreSQL does not answer, and fails under CI: see {@link Needs}).
 */
public record TestDb(String name, String url, String user, String password, String pgSchema) {
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";

    /** Both databases: H2 in {@code dir}, PostgreSQL in {@code pgSchema} (emptied by every {@link #open}). */
    public static Stream<TestDb> both(Path dir, String pgSchema) {
        return Stream.of(new TestDb("h2", "jdbc:h2:file:" + dir.resolve("h2-" + UUID.randomUUID()), "sa", "", null),
                new TestDb("postgresql", PG + "?currentSchema=" + pgSchema, "postgres", "", pgSchema));
    }

    /** A schema name no other run uses. */
    public static String newSchemaName() {
        return "tocsin_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** Opens the store on an empty database (migrating it). */
    public Store open() throws SQLException {
        empty();
        return Store.open(url, user, password);
    }

    /** An empty database migrated up to {@code version} only: a store as an older release left it. */
    public void migratedTo(String version) throws SQLException {
        empty();
        org.flywaydb.core.Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target(version)
                .load().migrate();
    }

    private void empty() throws SQLException {
        if (pgSchema != null) {
            Needs.postgres("test");
            try (Connection c = DriverManager.getConnection(PG, "postgres", ""); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + pgSchema);
                s.execute("DROP SCHEMA " + pgSchema + " CASCADE");
                s.execute("CREATE SCHEMA " + pgSchema);
            }
        }
    }

    /** A connection to an empty, migrated database: {@link #open} without keeping the store. */
    public Connection fresh() throws SQLException {
        open().close();
        return connect();
    }

    /** Another connection to the database {@link #open} made. */
    public Connection connect() throws SQLException {
        return Store.connect(url, user, password);
    }

    /** Drops a schema the tests made, if PostgreSQL is there. */
    public static void dropSchema(String pgSchema) {
        try (Connection c = DriverManager.getConnection(PG, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + pgSchema + " CASCADE");
        } catch (SQLException e) {
            // nothing to clean when PostgreSQL was not there
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
