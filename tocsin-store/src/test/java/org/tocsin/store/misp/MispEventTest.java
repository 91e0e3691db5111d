package org.tocsin.store.misp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.evidence.EvidenceRef;
import org.tocsin.signal.Signal;
import org.tocsin.store.Evidence;
import org.tocsin.store.ExampleStore;
import org.tocsin.store.Finding;
import org.tocsin.store.Observable;
import org.tocsin.store.Store;
import org.tocsin.store.Tlp;

/** What a MISP event from Tocsin asks of the instances that take it: detection only for what is known to be bad, and a bounded size. */
class MispEventTest {

    private static List<JsonNode> attributes(JsonNode event) {
        List<JsonNode> out = new ArrayList<>();
        event.get("Event").get("Attribute").forEach(out::add);
        return out;
    }

    /**
     * Issue 13, fault 14: one false-alarm message exported 2,233 {@code to_ids} attributes. A finding gives at most
     * {@link MispEvent#MAX_ATTRIBUTES_PER_FINDING}, the event says how many were left out, and only a malicious
     * finding's observables are flagged for detection.
     */
    @Test
    void aSuspiciousMessageWithThousandsOfLinksGivesABoundedNumberOfAttributesNoneForDetection(@TempDir Path dir) throws Exception {
        List<Observable> links = new ArrayList<>();
        for (int i = 0; i < 2233; i++) {
            links.add(new Observable("url", "https://newsletter.example/item/" + i));
        }
        links.add(new Observable("email-addr", "digest@newsletter.example"));
        ObjectNode event;
        try (Store store = Store.open("jdbc:h2:file:" + dir.resolve("s"), "sa", "")) {
            store.ingest(new Evidence(new EvidenceRef("mail/digest.eml", "f".repeat(64), 900_000), "email", Tlp.AMBER, ExampleStore.T0),
                    List.of(new Finding("email", "Your weekly digest", "suspicious", 4.5, "low",
                            List.of(new Signal("EMAIL_MANY_LINKS", 1, "2,233 links", "T1566.002")), links)));
            store.ingest(new Evidence(new EvidenceRef("mail/lure.eml", "a".repeat(64), 2048), "email", Tlp.AMBER, ExampleStore.T0),
                    List.of(new Finding("email", "Interview request", "malicious", 14.5, "high",
                            List.of(new Signal("EMAIL_SENDER_LOOKALIKE_DOMAIN", 4, "From: j.smith@washingtonpost.pm", "T1566.002")),
                            List.of(new Observable("domain-name", "washingtonpost.pm")))));
            event = MispEvent.of(store, null, "Tocsin findings");
        }
        List<JsonNode> attributes = attributes(event);
        List<JsonNode> fromDigest = attributes.stream().filter(a -> a.get("value").asText().contains("newsletter.example")).toList();
        assertThat(fromDigest).hasSize(MispEvent.MAX_ATTRIBUTES_PER_FINDING)
                .allSatisfy(a -> assertThat(a.get("to_ids").asBoolean()).as(a.get("value").asText()).isFalse());
        assertThat(fromDigest).anyMatch(a -> a.get("value").asText().equals("digest@newsletter.example")); // addresses before links
        JsonNode leftOut = attributes.stream().filter(a -> a.get("type").asText().equals("comment")).findFirst().orElseThrow();
        assertThat(leftOut.get("to_ids").asBoolean()).isFalse();
        assertThat(leftOut.get("value").asText()).contains("Your weekly digest")
                .contains((2234 - MispEvent.MAX_ATTRIBUTES_PER_FINDING) + " of its 2234 observables left out");
        JsonNode lure = attributes.stream().filter(a -> a.get("value").asText().equals("washingtonpost.pm")).findFirst().orElseThrow();
        assertThat(lure.get("to_ids").asBoolean()).isTrue();
    }
}
