package org.tocsin.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tocsin.domain.LookalikeIndex;
import org.tocsin.domain.ProtectedNames;
import org.tocsin.profile.Organization;
import org.tocsin.profile.OrganizationKind;
import org.tocsin.profile.Profile;
import org.tocsin.reference.ReferenceData;
import org.tocsin.signal.Scorer;
import org.tocsin.signal.Signal;
import org.tocsin.signal.Verdict;
import org.tocsin.site.assess.SiteAssessor;
import org.tocsin.site.assess.SiteRecords;
import org.tocsin.site.read.SitePage;

class SiteAssessorTest {
    private static final Profile PROFILE = new Profile(List.of(new Organization("The Washington Post", OrganizationKind.NEWS_OUTLET,
            List.of("washingtonpost.com"), List.of())), List.of(), List.of(), List.of(), List.of());

    private static SiteAssessor.Report assess(List<SitePage> pages) {
        LookalikeIndex index = LookalikeIndex.of(ProtectedNames.of(PROFILE, ReferenceData.bundled(), false));
        return new SiteAssessor(PROFILE, index, new Scorer(SiteAssessor.DEFAULT_THRESHOLDS), CopyCheck.NONE).assess(pages);
    }

    private static Map<String, SiteAssessment> bySite(SiteAssessor.Report r) {
        return r.sites().stream().collect(Collectors.toMap(SiteAssessment::site, Function.identity()));
    }

    private static List<String> ids(SiteAssessment a) {
        return a.assessment().signals().stream().map(Signal::id).toList();
    }

    @Test
    void eachSiteIsJudgedAndTheNetworkIsNamedByWhatItShares() {
        List<SitePage> pages = new ArrayList<>(ExampleSites.genuine());
        pages.addAll(ExampleSites.inauthentic("heartland-herald.example", "Heartland Herald", "Jake Miller", true));
        pages.addAll(ExampleSites.inauthentic("coastal-courier-news.example", "Coastal Courier News", "Emily Carter", false));
        pages.addAll(ExampleSites.outletClone());
        SiteAssessor.Report report = assess(pages);
        Map<String, SiteAssessment> sites = bySite(report);

        SiteAssessment genuine = sites.get("rivertongazette.com");
        assertThat(genuine.assessment().verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(genuine.assessment().signals()).isEmpty();
        assertThat(genuine.criteria()).filteredOn(c -> c.met() != null).allSatisfy(c -> assertThat(c.met()).as(c.name()).isTrue());
        assertThat(genuine.criteria().get(0).evidence()).contains("Editor-in-chief Maria Lopez");
        assertThat(genuine.network()).isNull();

        SiteAssessment herald = sites.get("heartland-herald.example");
        assertThat(herald.assessment().verdict()).isEqualTo(Verdict.MALICIOUS);
        assertThat(ids(herald)).contains("SITE_LLM_ARTIFACT", "SITE_SHARED_INFRASTRUCTURE", "SITE_NO_MASTHEAD", "SITE_BYLINES_UNKNOWN",
                "SITE_NO_OWNERSHIP", "SITE_NO_CONTACT");
        assertThat(herald.assessment().signals()).filteredOn(s -> s.id().equals("SITE_LLM_ARTIFACT")).singleElement()
                .satisfies(s -> assertThat(s.evidence()).contains("\"please note that this rewrite\" (en)").contains("/politics/story-2/"));
        assertThat(herald.assessment().signals()).filteredOn(s -> s.id().equals("SITE_SHARED_INFRASTRUCTURE"))
                .extracting(Signal::evidence).contains("google-analytics " + ExampleSites.GA + " is also on coastal-courier-news.example",
                        "adsense " + ExampleSites.ADSENSE + " is also on coastal-courier-news.example");

        SiteAssessment courier = sites.get("coastal-courier-news.example");
        assertThat(courier.assessment().verdict()).isIn(Verdict.SUSPICIOUS, Verdict.MALICIOUS);
        assertThat(ids(courier)).doesNotContain("SITE_LLM_ARTIFACT").contains("SITE_SHARED_INFRASTRUCTURE");

        SiteAssessment pm = sites.get("washingtonpost.pm");
        assertThat(pm.assessment().verdict()).isEqualTo(Verdict.MALICIOUS);
        assertThat(ids(pm)).contains("SITE_IMPERSONATES_OUTLET", "SITE_LOOKALIKE_DOMAIN");
        assertThat(ids(pm)).doesNotContain("SITE_NO_MASTHEAD"); // one archived article cannot show what the site lacks

        assertThat(report.networks()).singleElement().satisfies(n -> {
            assertThat(n.sites()).containsExactly("coastal-courier-news.example", "heartland-herald.example");
            assertThat(n.shared()).extracting(s -> s.tier().jsonName() + " " + s.kind() + " " + s.value()).contains(
                    "strong adsense " + ExampleSites.ADSENSE, "strong google-analytics " + ExampleSites.GA,
                    "medium wordpress-build newsmag-pro + auto-rewriter-ai, feedzy-rss-feeds", "weak cms WordPress");
        });
        assertThat(herald.network()).isEqualTo(courier.network()).isEqualTo("network-1");
    }

    @Test
    void aDomainRegisteredWeeksBeforeItsArchiveIsYoungAndOneCampWritingIsTargeting(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("heartland.rdap.json"), """
                {"objectClassName": "domain", "ldhName": "HEARTLAND-HERALD.EXAMPLE",
                 "events": [{"eventAction": "registration", "eventDate": "2024-07-30T18:22:05Z"},
                            {"eventAction": "expiration", "eventDate": "2025-07-30T18:22:05Z"}]}""");
        java.nio.file.Files.writeString(dir.resolve("gazette.whois.txt"), """
                Domain Name: RIVERTONGAZETTE.COM
                Registrar: Example Registrar, Inc.
                Creation Date: 1998-03-11T05:00:00Z
                """);
        java.nio.file.Files.writeString(dir.resolve("junk.json"), "{not json");
        var read = org.tocsin.site.rules.Registrations.read(dir);
        assertThat(read.byDomain()).containsOnlyKeys("heartland-herald.example", "rivertongazette.com");
        assertThat(read.problems()).singleElement().satisfies(p -> assertThat(p).contains("junk.json"));

        List<SitePage> pages = new ArrayList<>(ExampleSites.genuine());
        pages.addAll(ExampleSites.inauthentic("heartland-herald.example", "Heartland Herald", "Jake Miller", false));
        String base = "https://heartland-herald.example/politics/";
        pages.add(ExampleSites.page(base + "deep-state/", "<html><head><meta property='og:type' content='article'></head><body><article>"
                + "<p>The radical left and the deep state want open borders, and the stolen election proves it.</p></article></body></html>"));
        LookalikeIndex index = LookalikeIndex.of(ProtectedNames.of(PROFILE, ReferenceData.bundled(), false));
        Map<String, SiteAssessment> sites = bySite(new SiteAssessor(PROFILE, index, new Scorer(SiteAssessor.DEFAULT_THRESHOLDS),
                CopyCheck.NONE, new SiteRecords(read.byDomain(), List.of())).assess(pages));
        assertThat(sites.get("heartland-herald.example").assessment().signals()).filteredOn(sig -> sig.id().equals("SITE_YOUNG_DOMAIN"))
                .singleElement().satisfies(sig -> {
                    assertThat(sig.evidence()).startsWith("heartland-herald.example was registered 2024-07-30, 20 days before it was archived");
                    assertThat(sig.weight()).isEqualTo(2);
                });
        assertThat(sites.get("heartland-herald.example").assessment().signals()).filteredOn(sig -> sig.id().equals("SITE_ONE_CAMP_TARGETING"))
                .singleElement().satisfies(sig -> assertThat(sig.evidence()).contains("4 right-camp terms").contains("deep state"));
        assertThat(ids(sites.get("rivertongazette.com"))).isEmpty(); // registered in 1998, writes for everyone
    }

    @Test
    void quotingAnOutletIsNotImpersonatingIt() {
        List<SitePage> pages = new ArrayList<>(ExampleSites.genuine());
        pages.add(ExampleSites.page("https://www.rivertongazette.com/news/wapo-report/", "<html><head><title>The Washington Post"
                + " reports county turnout up – The Riverton Gazette</title><meta property='og:site_name' content='The Riverton Gazette'>"
                + "</head><body><p>news</p></body></html>"));
        assertThat(ids(bySite(assess(pages)).get("rivertongazette.com"))).doesNotContain("SITE_IMPERSONATES_OUTLET");
    }

    @Test
    void weakItemsAloneMakeNoNetwork() {
        List<SitePage> pages = new ArrayList<>(ExampleSites.genuine());
        // another WordPress site on nginx with a theme of its own: common software is no link
        pages.add(ExampleSites.page("https://www.lakeshoredaily.com/", "<html><head><title>Lakeshore Daily</title>"
                + "<meta name=\"generator\" content=\"WordPress 6.5\"></head><body>news</body></html>"));
        assertThat(assess(pages).networks()).isEmpty();
    }

    @Test
    void leftoverModelTextIsFoundInEachLanguage() {
        var l = org.tocsin.site.rules.LlmLeftovers.bundled();
        assertThat(l.find("Как языковая модель ИИ, я не могу высказывать мнения")).hasValueSatisfying(x -> assertThat(x.language()).isEqualTo("ru"));
        assertThat(l.find("Lo siento, pero no puedo ayudar con eso")).hasValueSatisfying(x -> assertThat(x.language()).isEqualTo("es"));
        assertThat(l.find("من نمی\u200cتوانم این درخواست را انجام دهم")).hasValueSatisfying(x -> assertThat(x.language()).isEqualTo("fa"));
        assertThat(l.find("作为一个人工智能语言模型，我不能")).hasValueSatisfying(x -> assertThat(x.language()).isEqualTo("zh"));
        assertThat(l.find("بصفتي نموذج لغة، لا يمكنني")).hasValueSatisfying(x -> assertThat(x.language()).isEqualTo("ar"));
        assertThat(l.find("As of my last knowledge update in 2023, the bill had not passed")).isPresent();
        assertThat(l.find("The model of the new bridge was approved by the language department.")).isEmpty();
    }
}
