package org.tocsin.site;

import java.util.List;

/**
 * Sites one operator appears to run, grouped by what they share at the strong and medium tiers; every shared
 * item is named with its tier and the sites that carry it (weak items are listed, never used to group).
 */
public record SiteNetwork(String id, List<String> sites, List<Shared> shared) {
    public SiteNetwork {
        sites = List.copyOf(sites);
        shared = List.copyOf(shared);
    }

    /** One item several sites of the network carry. */
    public record Shared(String kind, String value, SiteId.Tier tier, List<String> sites) {
        public Shared {
            sites = List.copyOf(sites);
        }
    }
}
