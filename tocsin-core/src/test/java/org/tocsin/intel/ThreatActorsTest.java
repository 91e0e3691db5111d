package org.tocsin.intel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tocsin.testing.Needs;

class ThreatActorsTest {
    private static final Path GALAXY = Needs.sharedRoot().resolve("misp-galaxy");
    private static final List<String> GALAXY_FILES = List.of("threat-actor.json",
            "microsoft-activity-group.json", "mitre-intrusion-set.json");

    private final ThreatActors actors = ThreatActors.bundled();

    @ParameterizedTest
    @CsvSource({
            "APT42, apt42", "Mint Sandstorm, apt42", "mint sandstorm, apt42", "Mint-Sandstorm, apt42",
            "MINT_SANDSTORM, apt42", "Charming Kitten, apt42", "TA453, apt42", "TA 453, apt42",
            "ta-453, apt42", "APT35, apt42", "Phosphorus, apt42", "Magic Hound, apt42",
            "CharmingCypress, apt42", "Charming Cypress, apt42",
            "Cotton Sandstorm, cotton-sandstorm", "Emennet Pasargad, cotton-sandstorm",
            "Neptunium, cotton-sandstorm",
            "Storm-2035, storm-2035", "storm 2035, storm-2035",
            "Storm-1099, doppelganger", "Doppelganger, doppelganger",
            "CopyCop, storm-1516", "Storm-1516, storm-1516",
            "Dragonbridge, spamouflage", "Storm-1376, spamouflage", "Spamouflage Dragon, spamouflage",
            "Spamouflage, spamouflage", "Taizi Flood, spamouflage",
            "Fancy Bear, apt28", "Forest Blizzard, apt28", "Cozy Bear, apt29", "Midnight Blizzard, apt29",
            "Sandworm, sandworm", "Seashell Blizzard, sandworm", "APT44, sandworm",
    })
    void aliasesResolveToTheirActor(String alias, String id) {
        assertThat(actors.byName(alias)).as(alias).map(ThreatActor::id).contains(id);
        assertThat(actors.resolve(alias)).as(alias).map(ThreatActor::id).contains(id);
    }

    @Test
    void preferredNames() {
        assertThat(actors.resolve("Mint Sandstorm")).map(ThreatActor::name).contains("APT42");
        assertThat(actors.resolve("Storm-1099")).map(ThreatActor::name).contains("Doppelganger");
        assertThat(actors.resolve("CopyCop")).map(ThreatActor::name).contains("Storm-1516");
        assertThat(actors.resolve("Storm-1376")).map(ThreatActor::name).contains("Spamouflage");
        assertThat(actors.resolve("Emennet Pasargad")).map(ThreatActor::name).contains("Cotton Sandstorm");
    }

    @Test
    void resolveAcceptsIdsAndRejectsUnknownNames() {
        assertThat(actors.resolve("cotton-sandstorm")).map(ThreatActor::name).contains("Cotton Sandstorm");
        assertThat(actors.resolve("Volt Typhoon")).isEmpty();
        assertThat(actors.byName("")).isEmpty();
        assertThat(actors.byName(null)).isEmpty();
        assertThat(actors.resolve(null)).isEmpty();
    }

    @Test
    void requiredActorsArePresentAndVoltTyphoonIsNot() {
        assertThat(actors.all()).extracting(ThreatActor::id).contains("apt42", "cotton-sandstorm",
                "storm-2035", "doppelganger", "storm-1516", "spamouflage");
        assertThat(actors.all()).flatExtracting(ThreatActor::names)
                .noneMatch(n -> ThreatActors.normalise(n).contains("volttyphoon"));
    }

    @Test
    void noTwoActorsShareANormalisedName() {
        Map<String, String> owner = new HashMap<>();
        for (ThreatActor a : actors.all()) {
            for (String n : a.names()) {
                String prev = owner.putIfAbsent(ThreatActors.normalise(n), a.id());
                assertThat(prev).as("%s of %s", n, a.id()).isIn(null, a.id());
            }
        }
    }

    @Test
    void loaderRejectsASharedAlias() {
        String json = """
                {"actors": [
                  {"id": "a", "name": "Alpha", "aliases": ["Mint Sandstorm"]},
                  {"id": "b", "name": "Beta", "aliases": ["mint-sandstorm"]}
                ]}""";
        assertThatThrownBy(() -> ThreatActors.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mintsandstorm");
    }

    @Test
    void loaderRejectsAnActorWithoutAnIdClearly() {
        String json = """
                {"actors": [
                  {"id": "a", "name": "Alpha"},
                  {"name": "Beta", "aliases": ["B"]}
                ]}""";
        assertThatThrownBy(() -> ThreatActors.read(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("threat actor #2");
    }

    @Test
    void everyActorIsDescribedAndSourced() {
        Pattern technique = Pattern.compile("T\\d{4}(\\.\\d{3})?");
        Pattern country = Pattern.compile("[A-Z]{2}");
        assertThat(actors.all()).hasSizeGreaterThanOrEqualTo(6);
        for (ThreatActor a : actors.all()) {
            assertThat(a.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(a.description()).as(a.id()).isNotBlank();
            assertThat(a.country()).as(a.id()).matches(country);
            assertThat(a.references()).as(a.id()).isNotEmpty().allMatch(r -> r.startsWith("https://") || r.startsWith("http://"));
            assertThat(a.techniques()).as(a.id()).allMatch(t -> technique.matcher(t).matches());
        }
        assertThat(actors.resolve("APT42").orElseThrow().techniques()).contains("T1566.002");
    }

    @Test
    void fileStatesSourceLicenceAndDerivation() throws IOException {
        JsonNode doc = bundledDocument();
        assertThat(doc.path("source").asText()).contains("MISP galaxy");
        assertThat(doc.path("licence").asText()).contains("CC0").contains("BSD-2-Clause");
        assertThat(doc.path("derived").asText()).contains("APT42").contains("Storm-2035");
        for (JsonNode a : doc.path("actors")) {
            assertThat(a.path("galaxy_uuids").isArray()).isTrue();
        }
    }

    @Test
    void everyGalaxyUuidExistsInTheGalaxy() throws IOException {
        Needs.sharedData("misp-galaxy");
        ObjectMapper mapper = new ObjectMapper();
        Set<String> known = new HashSet<>();
        for (String f : GALAXY_FILES) {
            for (JsonNode v : mapper.readTree(GALAXY.resolve(f).toFile()).path("values")) {
                known.add(v.path("uuid").asText());
            }
        }
        List<String> listed = new ArrayList<>();
        for (JsonNode a : bundledDocument().path("actors")) {
            a.path("galaxy_uuids").forEach(u -> listed.add(u.asText()));
            assertThat(a.path("galaxy_uuids")).as(a.path("id").asText()).isNotEmpty();
        }
        assertThat(listed).doesNotHaveDuplicates();
        assertThat(known).containsAll(listed);
    }

    private static JsonNode bundledDocument() throws IOException {
        try (InputStream in = ThreatActors.class.getResourceAsStream(ThreatActors.RESOURCE)) {
            return new ObjectMapper().readTree(in);
        }
    }
}
