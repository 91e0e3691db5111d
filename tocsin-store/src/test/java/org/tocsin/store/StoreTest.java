package org.tocsin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tocsin.evidence.EvidenceRef;
import org.tocsin.signal.Signal;
import org.tocsin.store.Store.Table;

/** The store on both databases it supports: embedded H2 and the machine's PostgreSQL. */
class StoreTest extends OnBothDatabases {
    private static final EvidenceRef LURE = new EvidenceRef("mail/lure.eml", "a".repeat(64), 2048);
    private static final EvidenceRef CERT = new EvidenceRef("ct.json#3", "b".repeat(64), 900);

    private static Finding lureFinding() {
        return new Finding("email", "Interview request: campaign cybersecurity", "malicious", 14.5, "high",
                List.of(new Signal("EMAIL_SENDER_LOOKALIKE_DOMAIN", 4, "From: j.smith@washingtonpost.pm", "T1566.002")),
                List.of(new Observable("domain-name", "WashingtonPost.PM"), new Observable("email-addr", "j.smith@washingtonpost.pm")));
    }

    private static Finding certFinding() {
        return new Finding("domain", "washingtonpost.pm", "suspicious", 0.9, "moderate",
                List.of(new Signal("DOMAIN_LOOKALIKE_TLD_SWAP", 0.9, "washingtonpost.pm imitates washingtonpost.com", "T0149.003")),
                List.of(new Observable("domain-name", "washingtonpost.pm")));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void evidenceIsStoredOnceAndFindingsSharingAnObservableAreLinked(TestDb db) throws SQLException {
        try (Store store = db.open()) {
            assertThat(store.ingest(LURE, "email", List.of(lureFinding()))).isTrue();
            assertThat(store.ingest(LURE, "email", List.of(lureFinding()))).isFalse(); // the same evidence: a no-op
            assertThat(store.ingest(CERT, "domain-feed", List.of(certFinding()))).isTrue();
            assertThat(store.count(Table.EVIDENCE)).isEqualTo(2);
            assertThat(store.count(Table.FINDING)).isEqualTo(2);
            assertThat(store.count(Table.OBSERVABLE)).isEqualTo(2); // the domain once, however spelt

            List<StoredFinding> withDomain = store.findingsWith(new Observable("domain-name", "washingtonpost.pm"));
            assertThat(withDomain).extracting(StoredFinding::kind).containsExactlyInAnyOrder("email", "domain");
            String lureId = store.findingsOf(LURE.sha256()).get(0).id();
            assertThat(store.linkedTo(lureId)).singleElement().satisfies(f -> assertThat(f.subject()).isEqualTo("washingtonpost.pm"));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aFailedIngestLeavesNothingHalfWrittenAndKeepsWhatWasCommitted(TestDb db) throws SQLException {
        try (Store store = db.open()) {
            store.ingest(CERT, "domain-feed", List.of(certFinding()));
            Finding broken = new Finding("email", "broken", "malicious", 9, "high",
                    List.of(new Signal("EMAIL_" + "X".repeat(100), 1, "x", "T1566")), // a signal id longer than its column
                    List.of(new Observable("domain-name", "evil.example")));
            assertThatThrownBy(() -> store.ingest(LURE, "email", List.of(broken))).isInstanceOf(SQLException.class);
            assertThat(store.count(Table.EVIDENCE)).isEqualTo(1);
            assertThat(store.count(Table.FINDING)).isEqualTo(1);
            assertThat(store.count(Table.FINDING_SIGNAL)).isEqualTo(1);
            assertThat(store.count(Table.OBSERVABLE)).isEqualTo(1);
            assertThat(store.ingest(LURE, "email", List.of(lureFinding()))).isTrue(); // and the evidence can come again
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void reopeningMigratesNothingAndKeepsTheData(TestDb db) throws SQLException {
        try (Store store = db.open()) {
            store.ingest(CERT, "domain-feed", List.of(certFinding()));
        }
        try (Store again = Store.open(db.url(), db.user(), db.password())) {
            assertThat(again.count(Table.FINDING)).isEqualTo(1);
            assertThat(again.findingsOf(CERT.sha256())).singleElement()
                    .satisfies(f -> assertThat(f.verdict().toLowerCase(Locale.ROOT)).isEqualTo("suspicious"));
        }
    }
}
