package org.tocsin.site.assess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.tocsin.site.SiteId;
import org.tocsin.site.SiteNetwork;

/**
 * Groups sites that share strong or medium items (union–find over the sites each shared item joins). One site
 * whose archive carries an AdSense id pulls in every other site of the collection that carries it.
 */
final class NetworkFinder {
    private NetworkFinder() {
    }

    /** @param idsBySite each site's items */
    static List<SiteNetwork> find(Map<String, List<SiteId>> idsBySite) {
        Map<String, TreeSet<String>> sitesByKey = new TreeMap<>();
        Map<String, SiteId> itemByKey = new HashMap<>();
        idsBySite.forEach((site, ids) -> ids.forEach(id -> {
            sitesByKey.computeIfAbsent(id.key(), k -> new TreeSet<>()).add(site);
            itemByKey.putIfAbsent(id.key(), id);
        }));
        Map<String, String> parent = new HashMap<>();
        idsBySite.keySet().forEach(s -> parent.put(s, s));
        sitesByKey.forEach((key, sites) -> {
            if (sites.size() > 1 && Objects.requireNonNull(itemByKey.get(key)).tier() != SiteId.Tier.WEAK) {
                String first = sites.first();
                sites.forEach(s -> union(parent, first, s));
            }
        });
        Map<String, TreeSet<String>> components = new TreeMap<>();
        parent.keySet().forEach(s -> components.computeIfAbsent(root(parent, s), r -> new TreeSet<>()).add(s));
        List<TreeSet<String>> groups = components.values().stream().filter(g -> g.size() > 1)
                .sorted(Comparator.comparing(TreeSet::first)).toList();
        List<SiteNetwork> out = new ArrayList<>();
        for (TreeSet<String> group : groups) {
            List<SiteNetwork.Shared> shared = new ArrayList<>();
            sitesByKey.forEach((key, sites) -> {
                List<String> inGroup = sites.stream().filter(group::contains).toList();
                if (inGroup.size() > 1) {
                    SiteId item = Objects.requireNonNull(itemByKey.get(key));
                    shared.add(new SiteNetwork.Shared(item.kind(), item.value(), item.tier(), inGroup));
                }
            });
            shared.sort(Comparator.comparing(SiteNetwork.Shared::tier).thenComparing(SiteNetwork.Shared::kind));
            out.add(new SiteNetwork("network-" + (out.size() + 1), List.copyOf(group), shared));
        }
        return out;
    }

    private static String root(Map<String, String> parent, String s) {
        String r = s;
        while (!Objects.requireNonNull(parent.get(r)).equals(r)) {
            r = Objects.requireNonNull(parent.get(r));
        }
        parent.put(s, r);
        return r;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = root(parent, a);
        String rb = root(parent, b);
        if (!ra.equals(rb)) {
            parent.put(rb.compareTo(ra) < 0 ? ra : rb, rb.compareTo(ra) < 0 ? rb : ra);
        }
    }
}
