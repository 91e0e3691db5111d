package org.tocsin.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tocsin.profile.Profile;
import org.tocsin.social.coordination.CoordinationRun;
import org.tocsin.social.network.CoordinationNetwork;
import org.tocsin.social.network.Purity;
import org.tocsin.social.read.AccountLabels;
import org.tocsin.social.read.PostArchives;
import org.tocsin.social.read.PostItem;
import org.tocsin.social.trace.PersonaCheck;
import org.tocsin.testing.Needs;

/**
 * The real IRA troll tweets of October 2016 (../shared/data/posts): the clusters found must agree with the
 * Clemson researchers' categories of the accounts (LeftTroll, RightTroll, HashtagGamer, NewsFeed, …), which
 * Tocsin never sees.
 */
class IraCoordinationTest {
    @Test
    void clustersFollowTheResearchersCategories() throws Exception {
        Path posts = Needs.sharedData("posts/posts_2016-10_en.csv");
        CoordinationRun run = new CoordinationRun(CoordinationSettings.DEFAULTS, new PersonaCheck(Profile.empty()));
        int problems = 0;
        try (PostArchives archives = PostArchives.open(List.of(posts.toString()))) {
            PostItem item;
            while ((item = archives.next()) != null) {
                if (item.ok()) {
                    run.add(item.post());
                } else {
                    problems++;
                }
            }
        }
        assertThat(run.stats().posts()).isEqualTo(92_684);
        assertThat(problems).isZero();
        CoordinationNetwork.Result result = run.finish();
        Map<String, String> truth = AccountLabels.read(Needs.sharedData("posts/accounts_truth.csv"));
        Purity.Report purity = Purity.of(result.clusters(), truth);
        assertThat(result.clusters()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(purity.accounts()).isGreaterThanOrEqualTo(150); // about half of the 314 accounts act in concert
        assertThat(purity.purity()).isGreaterThanOrEqualTo(0.95);
    }
}
