package org.tocsin.store;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * A DataSource that hands out one physical connection, however often it is asked, and closes it only when it is
 * closed itself. Flyway on PostgreSQL otherwise writes its schema history on a second connection, committed apart
 * from the migrations' own transaction: a kill between the two commits left a store whose tables and history
 * disagree, which no later run could migrate (StoreSetupKillTest). On one connection the history rows commit with
 * the DDL they record, in the one transaction of the group, or not at all.
 */
final class OneConnection implements DataSource, AutoCloseable {
    private final String url;
    private final String user;
    private final String password;
    private Connection physical;

    OneConnection(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public synchronized Connection getConnection() throws SQLException {
        if (physical == null || physical.isClosed()) {
            physical = DriverManager.getConnection(url, user, password);
        }
        Connection target = physical;
        // each caller's close() leaves the one connection open for the others; close() of this source closes it
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    return switch (method.getName()) {
                        case "close" -> null;
                        case "equals" -> proxy == args[0];
                        case "hashCode" -> System.identityHashCode(proxy);
                        default -> {
                            try {
                                yield method.invoke(target, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        }
                    };
                });
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        return getConnection();
    }

    @Override
    public synchronized void close() throws SQLException {
        if (physical != null) {
            physical.close();
            physical = null;
        }
    }

    @Override
    public @Nullable PrintWriter getLogWriter() {
        return null; // nothing is logged here
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // nothing is logged here
    }

    @Override
    public void setLoginTimeout(int seconds) {
        DriverManager.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return DriverManager.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no logger");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }
}
