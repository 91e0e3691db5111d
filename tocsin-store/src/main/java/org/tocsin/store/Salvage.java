package org.tocsin.store;

import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Copies the rows of a damaged store into a freshly migrated one, table by table (parents before the tables that
 * refer to them), the columns both have in common, whatever the schema: it names no table. A row that will not go in
 * (a constraint the fresh schema adds, say) is counted, not fatal; a row the fresh store already holds identically
 * (one a migration inserts) counts as kept. Tables of Flyway's own history are never copied.
 */
final class Salvage {
    private static final int BATCH = 500;
    private final Connection from;
    private final Connection to;
    private final Map<String, Tally> tallies = new TreeMap<>();

    /** Rows read from a table of the damaged store, and how many of them the fresh one holds. */
    record Tally(long read, long kept) {
        long lost() {
            return read - kept;
        }
    }

    private Salvage(Connection from, Connection to) {
        this.from = from;
        this.to = to;
    }

    /**
     * Copies every table of {@code from} that {@code to} has too; {@code to} must be in manual-commit mode.
     * {@code only} limits the copy to these tables (upper case), or null for all.
     */
    static Map<String, Tally> copy(Connection from, Connection to, Set<String> only) throws SQLException {
        Salvage s = new Salvage(from, to);
        Map<String, String> source = tables(from);
        Map<String, String> target = tables(to);
        for (String table : parentsFirst(to, target)) {
            if (source.containsKey(table) && (only == null || only.contains(table))) {
                s.copyTable(source.get(table), target.get(table));
            }
        }
        return s.tallies;
    }

    /** The rows of the tables of {@code from} that {@code to} does not have at all: lost unless a later copy finds them a home. */
    static Map<String, Tally> absent(Connection from, Connection to) throws SQLException {
        Map<String, String> target = tables(to);
        Map<String, Tally> out = new TreeMap<>();
        for (Map.Entry<String, String> t : tables(from).entrySet()) {
            if (!target.containsKey(t.getKey())) {
                out.put(t.getKey(), new Tally(count(from, t.getValue()), 0));
            }
        }
        return out;
    }

    /** The store's tables: upper-cased name to the name as the database spells it; Flyway's history left out. */
    static Map<String, String> tables(Connection c) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getTables(null, c.getSchema(), "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.toLowerCase(Locale.ROOT).startsWith("flyway_schema_history")) {
                    out.put(name.toUpperCase(Locale.ROOT), name);
                }
            }
        }
        return out;
    }

    /** Tables in an order where each comes after the tables its foreign keys point at. */
    private static List<String> parentsFirst(Connection c, Map<String, String> tables) throws SQLException {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        DatabaseMetaData md = c.getMetaData();
        for (Map.Entry<String, String> t : tables.entrySet()) {
            Set<String> p = new LinkedHashSet<>();
            try (ResultSet rs = md.getImportedKeys(null, c.getSchema(), t.getValue())) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toUpperCase(Locale.ROOT);
                    if (!parent.equals(t.getKey())) {
                        p.add(parent);
                    }
                }
            }
            parents.put(t.getKey(), p);
        }
        List<String> order = new ArrayList<>();
        while (!parents.isEmpty()) {
            String next = parents.entrySet().stream().filter(e -> order.containsAll(e.getValue())
                    || !tables.keySet().containsAll(e.getValue())).map(Map.Entry::getKey).findFirst()
                    .orElse(parents.keySet().iterator().next()); // a cycle: take one; its rows may fail and are counted
            order.add(next);
            parents.remove(next);
        }
        return order;
    }

    private void copyTable(String sourceName, String targetName) throws SQLException {
        List<String> columns = commonColumns(sourceName, targetName);
        long read = 0;
        long kept = 0;
        String list = String.join(", ", columns.stream().map(Salvage::quote).toList());
        String insert = "INSERT INTO " + quote(targetName) + " (" + list + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)";
        try (Statement s = from.createStatement(); ResultSet rs = s.executeQuery("SELECT " + list + " FROM " + quote(sourceName))) {
            List<Object[]> batch = new ArrayList<>();
            while (rs.next()) {
                Object[] row = new Object[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = detached(rs.getObject(i + 1));
                }
                batch.add(row);
                read++;
                if (batch.size() == BATCH) {
                    kept += insert(insert, targetName, columns, batch);
                    batch.clear();
                }
            }
            kept += insert(insert, targetName, columns, batch);
        }
        restartIdentities(targetName);
        tallies.merge(targetName.toUpperCase(Locale.ROOT), new Tally(read, kept), (a, b) -> new Tally(a.read() + b.read(), a.kept() + b.kept()));
    }

    /** Inserts a batch in one transaction; if that fails, row by row, each alone. Returns the rows the target holds. */
    private long insert(String sql, String table, List<String> columns, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = to.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(ps, row);
                ps.addBatch();
            }
            ps.executeBatch();
            to.commit();
            return rows.size();
        } catch (SQLException batchFailed) {
            to.rollback();
        }
        long kept = 0;
        for (Object[] row : rows) {
            try (PreparedStatement ps = to.prepareStatement(sql)) {
                bind(ps, row);
                ps.executeUpdate();
                to.commit();
                kept++;
            } catch (SQLException e) {
                to.rollback();
                if (alreadyThere(table, columns, row)) {
                    kept++;
                }
            }
        }
        return kept;
    }

    private boolean alreadyThere(String table, List<String> columns, Object[] row) throws SQLException {
        StringBuilder where = new StringBuilder();
        for (String c : columns) {
            where.append(where.length() == 0 ? " WHERE " : " AND ").append(quote(c)).append(" IS NOT DISTINCT FROM ?");
        }
        try (PreparedStatement ps = to.prepareStatement("SELECT COUNT(*) FROM " + quote(table) + where)) {
            bind(ps, row);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            } finally {
                to.rollback();
            }
        }
    }

    /** A large object's value itself: a Clob or Blob belongs to the connection that read it, not the one that writes. */
    private static Object detached(Object value) throws SQLException {
        if (value instanceof Clob c) {
            return c.getSubString(1, Math.toIntExact(c.length()));
        }
        if (value instanceof Blob b) {
            return b.getBytes(1, Math.toIntExact(b.length()));
        }
        return value;
    }

    private static void bind(PreparedStatement ps, Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            ps.setObject(i + 1, row[i]);
        }
    }

    private List<String> commonColumns(String sourceName, String targetName) throws SQLException {
        Map<String, String> target = columns(to, targetName);
        List<String> out = new ArrayList<>();
        for (String c : columns(from, sourceName).keySet()) {
            if (target.containsKey(c)) {
                out.add(target.get(c));
            }
        }
        return out;
    }

    private static Map<String, String> columns(Connection c, String table) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), table, "%")) {
            while (rs.next()) {
                String name = rs.getString("COLUMN_NAME");
                out.put(name.toUpperCase(Locale.ROOT), name);
            }
        }
        return out;
    }

    /** Identity columns given explicit values: the next generated value must come after the largest copied. */
    private void restartIdentities(String table) throws SQLException {
        List<String> identities = new ArrayList<>();
        try (ResultSet rs = to.getMetaData().getColumns(null, to.getSchema(), table, "%")) {
            while (rs.next()) {
                if ("YES".equals(rs.getString("IS_AUTOINCREMENT"))) {
                    identities.add(rs.getString("COLUMN_NAME"));
                }
            }
        }
        for (String column : identities) {
            long max;
            try (Statement s = to.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(" + quote(column) + "), 0) FROM " + quote(table))) {
                rs.next();
                max = rs.getLong(1);
            }
            try (Statement s = to.createStatement()) {
                s.execute("ALTER TABLE " + quote(table) + " ALTER COLUMN " + quote(column) + " RESTART WITH " + (max + 1));
            }
            to.commit();
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + quote(table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
