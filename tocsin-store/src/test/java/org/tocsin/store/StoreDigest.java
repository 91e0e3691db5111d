package org.tocsin.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * What a store holds, table by table, in one line each: {@code table NAME COLUMN,COLUMN,… rows=N sha256=HEX}, the hash
 * over the rows' values as text, sorted (so row order and physical layout do not count). JDBC only, so that it runs on
 * any H2 release's jar: the fixture's lines were made with the release that wrote it (H2 2.3.232), and a test compares
 * them with what the current H2 reads after an upgrade.
 *
 * <p>{@code java -cp h2-2.3.232.jar:tocsin-store/target/test-classes org.tocsin.store.StoreDigest JDBC-URL}
 */
public final class StoreDigest {
    private StoreDigest() {
    }

    public static void main(String[] args) throws SQLException {
        try (Connection c = DriverManager.getConnection(args[0], "sa", "")) {
            tables(c).forEach(System.out::println);
        }
    }

    /** One line per table of the store (Flyway's history left out). */
    static List<String> tables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getTables(null, c.getSchema(), "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.toLowerCase(Locale.ROOT).startsWith("flyway")) {
                    names.add(name.toUpperCase(Locale.ROOT));
                }
            }
        }
        names.sort(null);
        List<String> out = new ArrayList<>();
        for (String table : names) {
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = md.getColumns(null, c.getSchema(), table, "%")) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
                }
            }
            out.add(table(c, table, columns));
        }
        return out;
    }

    /** The line of one table, over the given columns (those the fixture recorded, should later releases add more). */
    static String table(Connection c, String table, List<String> columns) throws SQLException {
        TreeSet<String> rows = new TreeSet<>();
        long n = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + table)) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns.size(); i++) {
                    String v = rs.getString(i);
                    row.append(v == null ? "\u0000" : v).append('\u001f');
                }
                rows.add(row.toString());
                n++;
            }
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String row : rows) {
                sha.update(row.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return "table " + table + " " + String.join(",", columns) + " rows=" + n + " sha256=" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
