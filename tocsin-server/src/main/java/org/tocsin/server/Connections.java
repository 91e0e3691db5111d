package org.tocsin.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.tocsin.store.Store;

/**
 * The server's JDBC connections to the store, pooled by HikariCP: each request leases one of its own, so requests
 * never share a transaction. At most {@code size} at once (the work is short queries); kept open because opening a
 * PostgreSQL connection costs a round trip and an authentication, and an H2 file is reopened when its last
 * connection closes. Connections are opened as the store opens its own ({@link Store#connectionUrl}: an H2 file
 * flushed on every commit), with autocommit off; HikariCP rolls back what a lease left uncommitted when it is given
 * back, so nothing one request left open reaches the next.
 */
public final class Connections implements AutoCloseable {
    /** How long a request waits for a connection when all are busy before it is refused. */
    static final Duration WAIT = Duration.ofSeconds(30);
    private final HikariDataSource pool;
    private final int size;
    private final Duration wait;

    /** Connections to a store that {@link Store#open} has migrated; at most {@code size} at once. */
    public Connections(String url, String user, String password, int size) {
        this(url, user, password, size, WAIT);
    }

    /** With a shorter wait for a free connection: tests (HikariCP's least is 250 ms). */
    Connections(String url, String user, String password, int size, Duration wait) {
        if (size < 1) {
            throw new IllegalArgumentException("at least one database connection is needed, not " + size);
        }
        HikariConfig c = new HikariConfig();
        c.setPoolName("tocsin-taxii");
        c.setJdbcUrl(Store.connectionUrl(url));
        c.setUsername(user);
        c.setPassword(password);
        c.setAutoCommit(false);
        c.setMaximumPoolSize(size);
        c.setMinimumIdle(1); // the server is mostly idle: one connection kept, the others opened when requests need them
        c.setConnectionTimeout(wait.toMillis());
        this.pool = new HikariDataSource(c); // opens the first connection now: a store it cannot reach fails at start
        this.size = size;
        this.wait = wait;
    }

    /**
     * A connection for one piece of work; closing it gives it back, its transaction rolled back. When every
     * connection stays busy for the whole wait, a {@link Busy}.
     */
    public Connection lease() throws SQLException {
        try {
            return pool.getConnection();
        } catch (SQLTransientConnectionException e) {
            if (pool.getHikariPoolMXBean() != null && pool.getHikariPoolMXBean().getActiveConnections() >= size) {
                throw new Busy("every one of the " + size + " database connections stayed busy for " + wait.toMillis()
                        + " ms (serve --connections sets how many)", e);
            }
            throw e; // the database itself could not be reached: that is not a busy server
        }
    }

    /** Every connection stayed busy: the server is overloaded for now, not broken. */
    public static final class Busy extends SQLTransientConnectionException {
        Busy(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
