package org.tocsin.store.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tocsin.store.OnBothDatabases;
import org.tocsin.store.Store;
import org.tocsin.store.StoredIndicator;
import org.tocsin.store.TestDb;
import org.tocsin.store.Tlp;
import org.tocsin.store.stix.StixObjects.Query;

/**
 * A store that kept objects marked TLP:RED in capitals as unmarked (before 0.2) is read again when it is upgraded: the
 * objects are red, partners are no longer served them, and the known indicators taken from them are red too.
 */
class MarkingRecheckTest extends OnBothDatabases {
    private static final String UPPER_RED = "marking-definition--E828B379-4E03-4974-9AC4-E53A884C97C1";
    private static final String ID = "indicator--7A1B2C3D-4E5F-4061-8273-94A5B6C7D8E9";

    @ParameterizedTest
    @MethodSource("databases")
    void anUpgradeReadsCapitalRedMarkingsAsRed(TestDb db) throws Exception {
        db.migratedTo("4"); // the schema of the release that let them in
        String body = "{\"type\":\"indicator\",\"spec_version\":\"2.1\",\"id\":\"" + ID + "\",\"created\":\"2024-05-01T10:00:00.000Z\","
                + "\"modified\":\"2024-05-01T10:00:00.000Z\",\"pattern\":\"[domain-name:value = 'red.example']\",\"pattern_type\":\"stix\","
                + "\"valid_from\":\"2024-05-01T10:00:00Z\",\"object_marking_refs\":[\"" + UPPER_RED + "\"]}";
        try (Connection c = db.connect()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO stix_object (collection_id, id, type, spec_version, version,"
                    + " version_key, tlp, origin, date_added, body) VALUES ('shared', ?, 'indicator', '2.1', '2024-05-01T10:00:00.000Z',"
                    + " '2024-05-01T10:00:00.000000000Z', 'none', 'foreign', ?, ?)")) {
                ps.setString(1, ID);
                ps.setTimestamp(2, Timestamp.from(Instant.parse("2024-05-02T00:00:00Z")));
                ps.setString(3, body);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO observable (id, type, obs_value) VALUES"
                    + " ('domain-name--3c5d8a2b-0000-5000-8000-000000000001', 'domain-name', 'red.example')")) {
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO indicator (id, observable_id, actor, confidence, source, note,"
                    + " techniques, tlp, added_at, stix_origin) VALUES (?, 'domain-name--3c5d8a2b-0000-5000-8000-000000000001', NULL,"
                    + " 'low', 'STIX (no producer named)', '', '', 'amber', ?, TRUE)")) {
                ps.setString(1, ID);
                ps.setTimestamp(2, Timestamp.from(Instant.parse("2024-05-01T10:00:00Z")));
                ps.executeUpdate();
            }
            c.commit();
        }
        try (Store store = Store.open(db.url(), db.user(), db.password(), notice -> { })) {
            StixObjects objects = new StixObjects(store.connection());
            assertThat(objects.objects("shared", Query.latest(false)).items()).as("what a partner is served").isEmpty();
            assertThat(objects.manifest("shared", Query.latest(true)).items()).singleElement().satisfies(e -> {
                assertThat(e.tlp()).isEqualTo("red");
                assertThat(e.id()).isEqualTo(ID.toLowerCase(java.util.Locale.ROOT));
            });
            assertThat(objects.contains("shared", ID, true)).isTrue(); // either spelling finds it
            assertThat(store.indicators()).singleElement().extracting(StoredIndicator::tlp).isEqualTo(Tlp.RED);
        }
    }
}
