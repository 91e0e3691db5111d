package org.tocsin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.store.Store;

/** What the server's pool promises each request, on a real H2 store. */
class ConnectionsTest {
    @TempDir
    Path dir;

    @Test
    void eachLeaseIsItsOwnTransactionAndWhatItLeftOpenIsRolledBack() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("store-" + UUID.randomUUID());
        try (Store store = Store.open(url, "sa", ""); Connections db = new Connections(url, "sa", "", 2)) {
            try (Connection c = db.lease(); Statement s = c.createStatement()) {
                assertThat(c.getAutoCommit()).isFalse();
                s.execute("CREATE TABLE scratch (n INT)");
                c.commit();
                s.execute("INSERT INTO scratch VALUES (1)"); // left uncommitted
            }
            try (Connection a = db.lease(); Connection b = db.lease()) {
                assertThat(a).isNotSameAs(b);
                assertThat(count(a)).as("what a lease left open is gone").isZero();
                try (Statement s = a.createStatement()) {
                    s.execute("INSERT INTO scratch VALUES (2)");
                }
                assertThat(count(b)).as("another lease does not see an uncommitted row").isZero();
                a.commit();
                assertThat(count(b)).isEqualTo(1);
            }
        }
    }

    @Test
    void whenEveryConnectionStaysBusyTheErrorSaysSo() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("store-" + UUID.randomUUID());
        try (Store store = Store.open(url, "sa", ""); Connections db = new Connections(url, "sa", "", 2, Duration.ofMillis(250))) {
            try (Connection a = db.lease(); Connection b = db.lease()) {
                assertThatThrownBy(db::lease).isInstanceOf(Connections.Busy.class)
                        .hasMessageContaining("every one of the 2 database connections stayed busy")
                        .hasMessageContaining("--connections");
            }
            try (Connection again = db.lease()) { // given back: usable again
                assertThat(again.isValid(1)).isTrue();
            }
        }
    }

    @Test
    void aStoreThatCannotBeReachedIsNotCalledBusy() {
        assertThatThrownBy(() -> new Connections("jdbc:postgresql://127.0.0.1:1/none", "postgres", "", 2, Duration.ofMillis(250)))
                .isNotInstanceOf(Connections.Busy.class);
    }

    private static int count(Connection c) throws Exception {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM scratch")) {
            r.next();
            return r.getInt(1);
        }
    }
}
