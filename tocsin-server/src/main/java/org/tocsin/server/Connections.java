package org.tocsin.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.tocsin.store.Store;

/**
 * A few JDBC connections to the store, reused: each request leases one of its own, so requests never share a
 * transaction. Small on purpose (the server's work is short queries); reused because opening a PostgreSQL
 * connection costs a round trip and an authentication, and an H2 file is reopened when its last connection
 * closes. Written here rather than taken from a pool library because this is all the pooling the server needs.
 */
public final class Connections implements AutoCloseable {
    private final String url;
    private final String user;
    private final String password;
    private final Semaphore slots;
    private final ConcurrentLinkedDeque<Connection> idle = new ConcurrentLinkedDeque<>();

    /** Connections to a store that {@link Store#open} has migrated; at most {@code size} at once. */
    public Connections(String url, String user, String password, int size) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.slots = new Semaphore(size, true);
    }

    /** A connection for one piece of work, given back (its transaction rolled back) when the lease is closed. */
    public Lease lease() throws SQLException {
        try {
            if (!slots.tryAcquire(30, TimeUnit.SECONDS)) {
                throw new SQLTransientConnectionException("every database connection stayed busy for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("interrupted while waiting for a database connection", e);
        }
        try {
            Connection c;
            while ((c = idle.pollFirst()) != null) {
                if (c.isValid(2)) {
                    return new Lease(c);
                }
                c.close();
            }
            return new Lease(Store.connect(url, user, password));
        } catch (SQLException | RuntimeException e) {
            slots.release();
            throw e;
        }
    }

    /** One leased connection. */
    public final class Lease implements AutoCloseable {
        private final Connection connection;

        private Lease(Connection connection) {
            this.connection = connection;
        }

        public Connection connection() {
            return connection;
        }

        @Override
        public void close() {
            try {
                connection.rollback(); // nothing a request left open reaches the next one
                idle.addFirst(connection);
            } catch (SQLException e) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // it was broken already; a new one is made next time
                }
            } finally {
                slots.release();
            }
        }
    }

    @Override
    public void close() {
        Connection c;
        while ((c = idle.pollFirst()) != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
    }
}
