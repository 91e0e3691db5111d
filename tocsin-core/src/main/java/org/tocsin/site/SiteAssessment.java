package org.tocsin.site;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tocsin.signal.Assessment;

/**
 * What Tocsin concludes about one site.
 *
 * @param site     its registrable domain
 * @param pages    archived pages read
 * @param criteria transparency and credibility criteria, point by point
 * @param ids      what it carries that other sites may share (analytics, ads, verification, build)
 * @param network  the network it belongs to, or null
 */
public record SiteAssessment(String site, int pages, Assessment assessment, List<Criterion> criteria, @Nullable List<SiteId> ids,
                             @Nullable String network) {
    public SiteAssessment {
        criteria = List.copyOf(criteria);
        ids = List.copyOf(ids);
    }
}
