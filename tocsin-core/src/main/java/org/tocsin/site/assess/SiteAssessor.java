package org.tocsin.site.assess;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.tocsin.domain.DomainNames;
import org.tocsin.domain.LookalikeIndex;
import org.tocsin.domain.LookalikeMatch;
import org.tocsin.profile.Organization;
import org.tocsin.profile.Profile;
import org.tocsin.signal.Scorer;
import org.tocsin.signal.Signal;
import org.tocsin.signal.Thresholds;
import org.tocsin.site.CopyCheck;
import org.tocsin.site.PageView;
import org.tocsin.site.SiteAssessment;
import org.tocsin.site.SiteId;
import org.tocsin.site.SiteNetwork;
import org.tocsin.site.SiteSignals;
import org.tocsin.site.read.SitePage;
import org.tocsin.site.rules.Certificates;
import org.tocsin.site.rules.LlmLeftovers;
import org.tocsin.site.rules.PartisanTerms;
import org.tocsin.site.rules.Registrations;
import org.tocsin.site.rules.SiteIds;
import org.tocsin.site.rules.Transparency;

/**
 * Assesses every site in a collection of archived pages and finds the networks among them. Pages are grouped by
 * registrable domain; each site is judged on its own pages (content, transparency, domain) and on what it shares
 * with the other sites of the collection.
 *
 * <p>Absence is evidence only when the archive could have shown presence: transparency signals fire only for a
 * site whose archive holds its home page or at least {@value #PAGES_FOR_ABSENCE} pages (a pages the site links to
 * but the archive did not keep count as present).
 */
public final class SiteAssessor {
    /** Inauthentic sites score well past a lone missing page; a genuine outlet scores zero. */
    public static final Thresholds DEFAULT_THRESHOLDS = new Thresholds(3.5, 8);
    static final int PAGES_FOR_ABSENCE = 5;
    /** Articles published within this many minutes of each other that make a burst. */
    private static final int BURST_ARTICLES = 8;
    private static final long BURST_MINUTES = 15;

    private final Profile profile;
    private final LookalikeIndex index;
    private final Scorer scorer;
    private final CopyCheck copies;
    private final SiteRecords records;

    public SiteAssessor(Profile profile, LookalikeIndex index, Scorer scorer, CopyCheck copies) {
        this(profile, index, scorer, copies, SiteRecords.NONE);
    }

    /** @param records registrations and certificates the analyst gave */
    public SiteAssessor(Profile profile, LookalikeIndex index, Scorer scorer, CopyCheck copies, SiteRecords records) {
        this.profile = profile;
        this.index = index;
        this.scorer = scorer;
        this.copies = copies;
        this.records = records;
    }

    /** What a collection shows: one assessment per site, and the networks. */
    public record Report(List<SiteAssessment> sites, List<SiteNetwork> networks) {
    }

    public Report assess(List<SitePage> pages) {
        Map<String, List<PageView>> bySite = new TreeMap<>();
        for (SitePage p : pages) {
            bySite.computeIfAbsent(siteOf(p), s -> new ArrayList<>()).add(PageView.of(p));
        }
        Map<String, List<SiteId>> idsBySite = new LinkedHashMap<>();
        bySite.forEach((site, views) -> {
            Map<String, SiteId> ids = new LinkedHashMap<>();
            views.forEach(v -> SiteIds.of(v).forEach(id -> ids.putIfAbsent(id.key(), id)));
            idsBySite.put(site, new ArrayList<>(ids.values()));
        });
        certificates(idsBySite);
        List<SiteNetwork> networks = NetworkFinder.find(idsBySite);
        List<SiteAssessment> out = new ArrayList<>();
        bySite.forEach((site, views) -> out.add(assess(site, views, idsBySite.get(site), networks)));
        return new Report(out, networks);
    }

    /**
     * Each certificate joins the sites it names: one certificate for two sites was requested by whoever controls
     * both. A shared hosting certificate naming many customers is no such link.
     */
    private void certificates(Map<String, List<SiteId>> idsBySite) {
        for (Certificates.Certificate c : records.certificates()) {
            SiteId.Tier tier = c.multiTenant() ? SiteId.Tier.WEAK : SiteId.Tier.STRONG;
            for (String domain : c.domains()) {
                List<SiteId> ids = idsBySite.get(domain);
                if (ids != null) {
                    ids.add(new SiteId("certificate", c.id(), tier, c.source()));
                }
            }
        }
    }

    /** A page's site: the registrable domain of its host, or {@code (local files)} for saved pages without one. */
    public static @Nullable String siteOf(SitePage p) {
        if (p.host().isEmpty()) {
            return "(local files)";
        }
        String ascii = DomainNames.toAscii(p.host());
        return ascii == null ? p.host() : DomainNames.registrable(ascii);
    }

    private SiteAssessment assess(String site, List<PageView> views, @Nullable List<SiteId> ids, List<SiteNetwork> networks) {
        List<Signal> signals = new ArrayList<>();
        content(views, signals);
        domain(site, views, signals);
        SiteNetwork network = networks.stream().filter(n -> n.sites().contains(site)).findFirst().orElse(null);
        if (network != null) {
            for (SiteNetwork.Shared s : network.shared()) {
                if (s.tier() == SiteId.Tier.STRONG) {
                    List<String> others = s.sites().stream().filter(o -> !o.equals(site)).toList();
                    if (!others.isEmpty() && s.sites().contains(site)) {
                        signals.add(SiteSignals.SHARED_INFRASTRUCTURE.fire(s.kind() + " " + s.value() + " is also on " + String.join(", ", others)));
                    }
                }
            }
        }
        Transparency.Findings t = Transparency.of(views);
        boolean canTellAbsence = views.size() >= PAGES_FOR_ABSENCE || views.stream().anyMatch(v -> v.path().equals("/"));
        if (canTellAbsence) {
            transparencySignals(t, signals);
        }
        burst(views, signals);
        age(site, views, signals);
        targeting(views, signals);
        return new SiteAssessment(site, views.size(), scorer.assess(signals), Transparency.criteria(t, canTellAbsence), ids,
                network == null ? null : network.id());
    }

    private void content(List<PageView> views, List<Signal> signals) {
        LlmLeftovers leftovers = LlmLeftovers.bundled();
        for (PageView v : views) {
            Optional<LlmLeftovers.Leftover> l = leftovers.find(v.title() + " " + v.text());
            if (l.isPresent()) {
                signals.add(SiteSignals.LLM_ARTIFACT.fire("\"" + l.get().phrase() + "\" (" + l.get().language() + ") in "
                        + v.page().url() + ": " + l.get().excerpt()));
            }
            if (v.article()) {
                for (String copy : copies.copiedFrom(v)) {
                    signals.add(SiteSignals.COPIED_ARTICLE.fire(v.page().url() + " " + copy));
                }
            }
        }
    }

    private void domain(String site, List<PageView> views, List<Signal> signals) {
        if (index != null && index.size() > 0 && !site.startsWith("(")) {
            Optional<LookalikeMatch> m = index.best(site);
            m.ifPresent(match -> signals.add(SiteSignals.LOOKALIKE_DOMAIN.fire(match.describe(), SiteSignals.LOOKALIKE_DOMAIN.weight() * match.score())));
        }
        for (Organization org : profile.organizations()) {
            if (org.name().length() < 4 || org.domains().stream().anyMatch(d -> DomainNames.isWithin(site, d.toLowerCase(Locale.ROOT)))) {
                continue;
            }
            String name = org.name().toLowerCase(Locale.ROOT);
            for (PageView v : views) {
                if (claimsName(v, name)) {
                    signals.add(SiteSignals.IMPERSONATES_OUTLET.fire(v.page().url() + " calls itself \"" + org.name() + "\" (title \""
                            + v.title() + "\"), whose domains are " + String.join(", ", org.domains())));
                    break;
                }
            }
        }
    }

    /**
     * Whether a page presents itself under a name: its og:site_name is the name, or its title carries the name as
     * a site name does ("… - The Washington Post", "The Washington Post | …"). A title that merely mentions the
     * outlet ("Politico reports …") does not.
     */
    private static boolean claimsName(PageView v, String name) {
        if (v.meta().getOrDefault("og:site_name", "").strip().toLowerCase(Locale.ROOT).equals(name)) {
            return true;
        }
        String title = v.title().strip().toLowerCase(Locale.ROOT);
        if (title.equals(name)) {
            return true;
        }
        for (String sep : new String[] {" - ", " | ", " – ", " — ", ": "}) {
            if (title.endsWith(sep + name) || title.startsWith(name + sep.stripTrailing())) {
                return true;
            }
        }
        return false;
    }

    private static void transparencySignals(Transparency.Findings t, List<Signal> signals) {
        if (t.masthead() == null && t.inCharge() == null) {
            signals.add(SiteSignals.NO_MASTHEAD.fire("no about, staff or masthead page, linked or archived, and no editor named"));
        }
        if (t.contact() == null) {
            signals.add(SiteSignals.NO_CONTACT.fire("no contact page and no e-mail address"));
        }
        if (t.ownership() == null) {
            signals.add(SiteSignals.NO_OWNERSHIP.fire("no page says who owns or funds the site"));
        }
        if (t.corrections() == null) {
            signals.add(SiteSignals.NO_CORRECTIONS.fire("no corrections policy"));
        }
        if (t.articles() > 0 && t.articlesWithByline() * 2 < t.articles()) {
            signals.add(SiteSignals.NO_BYLINES.fire(t.articlesWithByline() + " of " + t.articles() + " articles name an author"));
        }
        if (!t.unknownBylines().isEmpty() && t.unknownBylines().size() * 2 >= t.bylines().size()) {
            signals.add(SiteSignals.UNKNOWN_BYLINES.fire("bylined but appearing on no staff, author or about page: "
                    + String.join(", ", t.unknownBylines())));
        }
    }

    private void age(String site, List<PageView> views, List<Signal> signals) {
        Registrations.Registration r = records.registrations().get(site);
        if (r == null) {
            return;
        }
        Instant archived = views.stream().map(v -> v.page().fetched()).max(Instant::compareTo).orElseThrow();
        long days = java.time.Duration.between(r.registered(), archived).toDays();
        if (days >= 0 && days < 365) {
            signals.add(SiteSignals.YOUNG_DOMAIN.fire(site + " was registered " + r.registered().toString().substring(0, 10) + ", " + days
                    + " days before it was archived (" + r.source() + ")", days < 90 ? 2 : 1));
        }
    }

    /** One camp's loaded terms at least three times, the other's never. */
    private static void targeting(List<PageView> views, List<Signal> signals) {
        Map<String, List<String>> all = new LinkedHashMap<>();
        for (PageView v : views) {
            if (v.article()) {
                PartisanTerms.bundled().hits(v.text()).forEach((camp, found) -> all.computeIfAbsent(camp, c -> new ArrayList<>()).addAll(found));
            }
        }
        List<String> used = all.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
        if (used.size() == 1 && Objects.requireNonNull(all.get(used.get(0))).size() >= 3) {
            List<String> found = all.get(used.get(0));
            signals.add(SiteSignals.ONE_CAMP_TARGETING.fire("its articles use " + found.size() + " " + used.get(0) + "-camp terms ("
                    + String.join(", ", new java.util.LinkedHashSet<>(found)) + ") and none of the other camp's"));
        }
    }

    private static void burst(List<PageView> views, List<Signal> signals) {
        List<Instant> times = new ArrayList<>();
        for (PageView v : views) {
            if (v.article() && v.published() != null) {
                try {
                    times.add(OffsetDateTime.parse(v.published()).toInstant());
                } catch (DateTimeParseException e) {
                    // an unparseable date says nothing about bursts
                }
            }
        }
        times.sort(null);
        for (int i = 0; i + BURST_ARTICLES - 1 < times.size(); i++) {
            Instant first = times.get(i);
            Instant last = times.get(i + BURST_ARTICLES - 1);
            if (!last.isAfter(first.plusSeconds(BURST_MINUTES * 60))) {
                signals.add(SiteSignals.PUBLICATION_BURST.fire(BURST_ARTICLES + " articles published between " + first + " and " + last));
                return;
            }
        }
    }
}
