package org.tocsin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.tocsin.testing.Needs;

/**
 * Fault 1 of issue 13 on PostgreSQL, found again by StoreSetupKillTest (1 of 10 kills left a schema with every table
 * and no history, which no later run could migrate): Flyway wrote the schema history on a second connection and
 * committed it apart from the migrations' transaction. The history of a migration must be written in the transaction
 * of its DDL: while the history insert waits, no other session of the migrating process holds work of its own.
 */
class MigrationHistoryTest {
    @Test
    void theHistoryOfAMigrationIsWrittenInTheTransactionOfItsDdl() throws Exception {
        String server = Needs.postgres("test");
        String schema = TestDb.newSchemaName();
        String url = server + "?currentSchema=" + schema;
        try (Connection admin = DriverManager.getConnection(server, "postgres", ""); Statement s = admin.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            Migrations.migrate(url, "postgres", "", "1");
            try (Connection blocker = DriverManager.getConnection(url, "postgres", "")) {
                blocker.setAutoCommit(false);
                try (Statement b = blocker.createStatement()) { // reads go on, the next history insert waits
                    b.execute("LOCK TABLE flyway_schema_history IN SHARE MODE");
                }
                CompletableFuture<Void> rest = CompletableFuture.runAsync(() -> {
                    try {
                        Migrations.migrate(url, "postgres", "", null);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                List<String> others = new ArrayList<>();
                while (!waitingInsert(s, schema)) {
                    Thread.sleep(50);
                }
                try (ResultSet rs = s.executeQuery("SELECT query FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND state = 'idle in transaction' AND pid <> " + pid(blocker))) {
                    while (rs.next()) {
                        others.add(rs.getString(1));
                    }
                }
                blocker.rollback();
                rest.get();
                assertThat(others).as("sessions of the migration holding work apart from its history").isEmpty();
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + schema + ".flyway_schema_history WHERE success")) {
                rs.next();
                assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(Integer.parseInt(Migrations.latest()));
            }
        } finally {
            TestDb.dropSchema(schema);
        }
    }

    private static boolean waitingInsert(Statement s, String schema) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO \"" + schema + "\".\"flyway_schema_history\"%'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }

    private static int pid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
