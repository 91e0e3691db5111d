package org.tocsin.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tocsin.profile.Profile;
import org.tocsin.social.coordination.CoordinationRun;
import org.tocsin.social.network.CoordinationNetwork;
import org.tocsin.social.trace.PersonaCheck;

/** Coordination planted inside organic-looking noise: the planted accounts come out, and few others. */
class PlantedCoordinationTest {
    @Test
    void plantedGroupsAreFoundWithHighPrecisionAndRecall() {
        SyntheticPosts spec = new SyntheticPosts(300_000, 30_000, 12, 15, 8, 7, 42);
        CoordinationRun run = new CoordinationRun(CoordinationSettings.DEFAULTS, new PersonaCheck(Profile.empty()));
        Iterator<Post> posts = spec.iterator();
        while (posts.hasNext()) {
            run.add(posts.next());
        }
        CoordinationNetwork.Result result = run.finish();
        Set<String> found = new HashSet<>();
        result.clusters().forEach(c -> found.addAll(c.accounts()));
        Set<String> planted = spec.planted();
        Set<String> hit = new HashSet<>(found);
        hit.retainAll(planted);
        double precision = hit.size() / (double) found.size();
        double recall = hit.size() / (double) planted.size();
        System.out.printf("planted %d, found %d, precision %.3f, recall %.3f, clusters %d, %s%n", planted.size(), found.size(), precision,
                recall, result.clusters().size(), run.stats());
        assertThat(result.clusters()).hasSize(spec.groups()).allSatisfy(c -> assertThat(c.techniques()).isNotEmpty());
        assertThat(precision).isGreaterThanOrEqualTo(0.95);
        assertThat(recall).isGreaterThanOrEqualTo(0.95);
    }
}
