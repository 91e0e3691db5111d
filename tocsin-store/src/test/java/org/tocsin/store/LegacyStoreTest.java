package org.tocsin.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tocsin.reference.ReferenceData;
import org.tocsin.store.misp.MispEvent;
import org.tocsin.store.stix.StixBundle;

/**
 * A store file written by the previous release opens after the upgrade (H2, Flyway and this release's migrations)
 * and exports the same objects. {@code legacy/store-0.1.0.mv.db} was written by Tocsin 0.1.0 on H2 2.3.232 (mail,
 * feeds and sites scanned, MISP and STIX imported, an analyst's indicator, 621 objects published by serve);
 * {@code legacy/store-0.1.0.expected.txt} holds what that release's H2 read from it ({@link StoreDigest}, table by table)
 * and what that release exported from it ({@link ExportSummary}, object by object).
 *
 * <p>To remake the expected lines (after a change meant to alter exports): the table lines with the old H2 jar,
 * {@code java -cp h2-2.3.232.jar:tocsin-store/target/test-classes org.tocsin.store.StoreDigest 'jdbc:h2:file:COPY;ACCESS_MODE_DATA=r'},
 * the others from exports ({@code tocsin export stix} and {@code export misp} on a copy) with
 * {@code org.tocsin.store.ExportSummary STIX MISP} on the test classpath.
 */
class LegacyStoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aStoreWrittenByRelease010OpensAfterTheUpgradeAndExportsTheSameObjects(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tocsin.mv.db");
        try (InputStream in = LegacyStoreTest.class.getResourceAsStream("/legacy/store-0.1.0.mv.db")) {
            Files.copy(in, file);
        }
        List<String> expected = expected();
        String url = "jdbc:h2:file:" + dir.resolve("tocsin");
        List<String> notices = new ArrayList<>();
        try (Store store = Store.open(url, "sa", "", notices::add)) {
            try (Connection c = Store.connect(url, "sa", "")) {
                for (String line : lines(expected, "table ")) { // the columns 0.1.0 had, read by today's H2 after the migrations
                    String[] parts = line.split(" ");
                    assertThat(StoreDigest.table(c, parts[1], Arrays.asList(parts[2].split(",")))).isEqualTo(line);
                }
            }
            JsonNode stix = JSON.readTree(StixBundle.write(StixBundle.of(store, null, ReferenceData.bundled())));
            assertThat(ExportSummary.stix(stix)).containsExactlyElementsOf(lines(expected, "stix "));
            JsonNode misp = JSON.readTree(MispEvent.write(MispEvent.of(store, null, "Tocsin findings")));
            assertThat(ExportSummary.misp(misp)).containsExactlyElementsOf(lines(expected, "misp "));
            assertThat(store.count(Store.Table.STIX_OBJECT)).isEqualTo(621);
        }
        assertThat(notices).allMatch(n -> n.contains("upgraded from schema version 3"));
    }

    private static List<String> expected() throws IOException {
        try (InputStream in = LegacyStoreTest.class.getResourceAsStream("/legacy/store-0.1.0.expected.txt")) {
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
    }

    private static List<String> lines(List<String> all, String prefix) {
        List<String> out = all.stream().filter(l -> l.startsWith(prefix)).toList();
        assertThat(out).as(prefix + "lines in the expected summary").isNotEmpty();
        return out;
    }
}
