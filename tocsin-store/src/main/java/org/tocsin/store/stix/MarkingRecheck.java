package org.tocsin.store.stix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.tocsin.input.JsonLimits;
import org.tocsin.store.StixIds;
import org.tocsin.store.Tlp;

/**
 * Reads the TLP level of every STIX object a store holds again, from its body, with marking ids compared as STIX
 * identifiers ({@link StixIds#canonical}). Before 0.2 an upper-case TLP:RED id was not read as red: such an object was
 * kept unmarked and served to partners. Levels only ever rise here (an object is never made more shareable than it
 * was), ids are stored in their canonical spelling where that spelling is not taken, and a partner's indicator taken
 * from a red object becomes red too. Runs inside the caller's transaction (a migration's): it commits nothing.
 */
public final class MarkingRecheck {
    private MarkingRecheck() {
    }

    /** What a recheck changed. */
    public record Result(int objectsRaised, int idsRespelt, int indicatorsRaised) {
    }

    public static Result run(Connection db) throws SQLException {
        Map<String, Map<String, String>> defined = definitions(db);
        int raised = 0;
        int respelt = 0;
        int indicators = 0;
        try (PreparedStatement ps = db.prepareStatement("SELECT seq, collection_id, id, tlp, body, version, version_key FROM stix_object"
                + " ORDER BY seq")) {
            ps.setFetchSize(200);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    String id = rs.getString(3);
                    String stored = rs.getString(4);
                    JsonNode body = parse(rs.getString(5));
                    String level = body == null ? stored : TlpMarkings.levelOf(body, defined.getOrDefault(rs.getString(2), Map.of()));
                    if (stricter(level, stored)) {
                        update(db, "UPDATE stix_object SET tlp = ? WHERE seq = ?", level, seq);
                        raised++;
                    }
                    String canonical = StixIds.canonical(id);
                    if (canonical != null && !canonical.equals(id) && !taken(db, rs.getString(2), canonical, rs.getString(6), rs.getString(7))) {
                        update(db, "UPDATE stix_object SET id = ? WHERE seq = ?", canonical, seq);
                        respelt++;
                    }
                    String effective = stricter(level, stored) ? level : stored;
                    if (!effective.equals(TlpMarkings.NONE) && canonical != null) {
                        indicators += raiseIndicator(db, canonical, id, Tlp.parse(effective));
                    }
                }
            }
        }
        return new Result(raised, respelt, indicators);
    }

    /** Marking definitions with ids of their own that define a TLP level, per collection (as an add reads them). */
    private static Map<String, Map<String, String>> definitions(Connection db) throws SQLException {
        Map<String, Map<String, String>> out = new HashMap<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT collection_id, id, body FROM stix_object WHERE type = 'marking-definition'");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                JsonNode body = parse(rs.getString(3));
                String level = body == null ? null : TlpMarkings.definedLevel(body);
                if (level != null) {
                    out.computeIfAbsent(rs.getString(1), c -> new HashMap<>()).put(StixIds.canonicalOrSelf(rs.getString(2)), level);
                }
            }
        }
        return out;
    }

    private static boolean stricter(String level, String than) {
        return TlpMarkings.LEVELS.indexOf(level) > TlpMarkings.LEVELS.indexOf(than);
    }

    /** Whether the collection holds this version under the canonical id already (both spellings came in). */
    private static boolean taken(Connection db, String collection, String id, String version, String versionKey) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("SELECT 1 FROM stix_object WHERE collection_id = ? AND id = ?"
                + " AND (version = ? OR version_key = ?)")) {
            ps.setString(1, collection);
            ps.setString(2, id);
            ps.setString(3, version);
            ps.setString(4, versionKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A known indicator taken from this object (same id, either spelling) raised to its level, if lower. */
    private static int raiseIndicator(Connection db, String canonical, String id, Tlp tlp) throws SQLException {
        if (tlp.ordinal() == 0) {
            return 0;
        }
        try (PreparedStatement ps = db.prepareStatement("UPDATE indicator SET tlp = ? WHERE stix_origin = TRUE AND id IN (?, ?)"
                + " AND tlp IN (" + "?, ".repeat(tlp.ordinal() - 1) + "?)")) {
            ps.setString(1, tlp.word());
            ps.setString(2, canonical);
            ps.setString(3, id);
            for (Tlp lower : Tlp.values()) {
                if (lower.ordinal() < tlp.ordinal()) {
                    ps.setString(4 + lower.ordinal(), lower.word());
                }
            }
            return ps.executeUpdate();
        }
    }

    private static void update(Connection db, String sql, String value, long seq) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, value);
            ps.setLong(2, seq);
            ps.executeUpdate();
        }
    }

    /** A body as stored; null for one that is not JSON (left as it is: nothing to read a marking from). */
    private static JsonNode parse(String body) {
        try {
            return JsonLimits.storedMapper().readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
