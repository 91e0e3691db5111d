package org.tocsin.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.tocsin.evidence.EvidenceRef;
import org.tocsin.intel.ThreatActors;
import org.tocsin.signal.Signal;
import org.tocsin.store.stix.StixImport;

/**
 * A store holding one of everything an export writes: an APT42-style lure (TLP:RED) that an analyst's indicator
 * attributes, a Doppelganger lookalike seen by mail (AMBER) and in a CT feed (GREEN), a clean newsletter, and a
 * partner's bundle (an indicator pointing at CopyCop, an indicator too complex to look up, their relationships).
 */
public final class ExampleStore {
    public static final Instant T0 = Instant.parse("2024-09-03T14:00:00.123Z");

    private ExampleStore() {
    }

    public static JsonNode partnerBundle() {
        try (InputStream in = ExampleStore.class.getResourceAsStream("/stix/partner-bundle.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void fill(Store store) throws SQLException {
        store.ingest(new Evidence(new EvidenceRef("mail/lure.eml", "a".repeat(64), 2048), "email", Tlp.AMBER, T0),
                List.of(new Finding("email", "Interview request", "malicious", 14.5, "high",
                        List.of(new Signal("EMAIL_SENDER_LOOKALIKE_DOMAIN", 4, "From: j.smith@washingtonpost.pm — it's a lookalike", "T1566.002"),
                                new Signal("EMAIL_ATTACHMENT_HTML", 3, "invite.html", "T1566.001")),
                        List.of(new Observable("domain-name", "washingtonpost.pm"), new Observable("email-addr", "j.smith@washingtonpost.pm"),
                                new Observable("url", "https://sites.google.com/view/o'brien"), new Observable("ipv4-addr", "198.51.100.7"),
                                new Observable("file", "c".repeat(64))))));
        store.ingest(new Evidence(new EvidenceRef("ct.json", "b".repeat(64), 900), "domain-feed", Tlp.GREEN, T0.plusSeconds(3600)),
                List.of(new Finding("domain", "washingtonpost.pm", "suspicious", 0.9, "high",
                        List.of(new Signal("DOMAIN_LOOKALIKE_TLD_SWAP", 0.9, "washingtonpost.pm imitates washingtonpost.com", "T0149.003")),
                        List.of(new Observable("domain-name", "washingtonpost.pm")))));
        store.ingest(new Evidence(new EvidenceRef("mail/newsletter.eml", "d".repeat(64), 500), "email", Tlp.AMBER, T0.plusSeconds(7200)),
                List.of(new Finding("email", "Newsletter", "clean", 0, "low", List.of(), List.of())));
        store.ingest(new Evidence(new EvidenceRef("mail/debate-prep.eml", "e".repeat(64), 4096), "email", Tlp.RED, T0.plusSeconds(86400)),
                List.of(new Finding("email", "Re: debate prep documents", "malicious", 11, "high",
                        List.of(new Signal("EMAIL_CREDENTIAL_FORM_LINK", 4, "link to a sign-in page on secure-drive-share.com", "T1566.002")),
                        List.of(new Observable("url", "https://docs.secure-drive-share.com/s/9f2"), new Observable("email-addr", "aides@secure-drive-share.com")))));
        Observable sds = new Observable("domain-name", "secure-drive-share.com");
        store.addIndicator(new StoredIndicator(StoredIndicator.analystId(sds, "apt42", "analyst j.doe"), sds, "apt42", "high",
                "analyst j.doe", "Registered with the registrar and name servers of earlier Mint Sandstorm phishing domains.",
                List.of("T1583.001"), Tlp.AMBER, T0.plusSeconds(2 * 86400), false));
        new StixImport(ThreatActors.bundled()).into(store, partnerBundle());
    }
}
