package org.tocsin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.tocsin.domain.LookalikeIndex;
import org.tocsin.domain.ProtectedNames;
import org.tocsin.profile.Profile;
import org.tocsin.input.InputWalker;
import org.tocsin.reference.ReferenceData;
import org.tocsin.signal.Scorer;
import org.tocsin.signal.Signal;
import org.tocsin.site.Criterion;
import org.tocsin.site.SiteAssessment;
import org.tocsin.site.SiteId;
import org.tocsin.site.SiteNetwork;
import org.tocsin.site.assess.SiteAssessor;
import org.tocsin.site.read.SiteArchiveReader;
import org.tocsin.site.read.SitePage;
import org.tocsin.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tocsin sites assess ARCHIVE...}: a verdict per site, every signal explained, and the networks. */
@Command(name = "assess", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Assess every site in web archives: verdict, score, signals with their evidence, transparency criteria"
                + " point by point, and the networks sites form by sharing analytics, ad and verification ids or builds.",
                "ARCHIVE: WARC (.warc, .warc.gz), WACZ, a directory of saved pages (links followed), an HTML file, or - for"
                        + " standard input; read by content."})
final class SitesAssessCommand implements Callable<Integer> {
    @Mixin
    ProfileOption profile = new ProfileOption();

    @Mixin
    SiteOptions siteOptions = new SiteOptions();

    @Option(names = "--json", description = "One JSON object per site, then one per network.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "ARCHIVE")
    List<String> archives;

    @Override
    public Integer call() {
        Profile loaded = profile.load();
        LookalikeIndex index;
        try {
            index = LookalikeIndex.of(ProtectedNames.of(loaded, ReferenceData.bundled(), false));
        } catch (IllegalArgumentException e) {
            throw new UsageProblem(profile.describe() + ": " + e.getMessage());
        }
        List<SitePage> pages = new ArrayList<>();
        int[] problems = {0};
        new InputWalker().walk(archives, SiteArchiveReader.visitor(item -> {
            if (item.ok()) {
                pages.add(item.page());
            } else {
                problems[0]++;
                System.err.println(json ? JsonLines.error(item.source(), item.problem())
                        : "tocsin: " + TerminalText.escape(item.source()) + ": " + TerminalText.escape(item.problem()));
            }
        }));
        if (pages.isEmpty()) {
            System.err.println("tocsin: no HTML page could be read from " + TerminalText.escape(String.join(", ", archives)));
            return ExitCodes.INPUT;
        }
        SiteAssessor.Report report = new SiteAssessor(loaded, index, new Scorer(SiteAssessor.DEFAULT_THRESHOLDS),
                siteOptions.copyCheck(), siteOptions.records()).assess(pages);
        for (SiteAssessment a : report.sites()) {
            System.out.println(json ? JsonLines.line(site(a)) : text(a));
        }
        for (SiteNetwork n : report.networks()) {
            System.out.println(json ? JsonLines.line(network(n)) : text(n));
        }
        if (!json) {
            System.out.println(pages.size() + " pages, " + report.sites().size() + " sites, " + report.networks().size()
                    + " networks; " + problems[0] + " records could not be read");
        }
        return ExitCodes.OK;
    }

    static ObjectNode site(SiteAssessment a) {
        ObjectNode o = JsonLines.object();
        o.put("site", a.site());
        o.put("pages", a.pages());
        o.put("verdict", a.assessment().verdict().jsonName());
        o.put("score", a.assessment().score());
        o.put("confidence", a.assessment().confidence().jsonName());
        JsonLines.putSignals(o, a.assessment().signals());
        ArrayNode criteria = o.putArray("criteria");
        for (Criterion c : a.criteria()) {
            ObjectNode cn = criteria.addObject().put("criterion", c.name());
            if (c.met() == null) {
                cn.putNull("met");
            } else {
                cn.put("met", c.met());
            }
            cn.put("evidence", c.evidence());
        }
        ArrayNode ids = o.putArray("ids");
        for (SiteId id : a.ids()) {
            ids.addObject().put("kind", id.kind()).put("value", id.value()).put("tier", id.tier().jsonName()).put("seen_on", id.where());
        }
        o.put("network", a.network());
        return o;
    }

    static ObjectNode network(SiteNetwork n) {
        ObjectNode o = JsonLines.object();
        o.put("network", n.id());
        n.sites().forEach(o.putArray("sites")::add);
        ArrayNode shared = o.putArray("shared");
        for (SiteNetwork.Shared s : n.shared()) {
            ObjectNode sn = shared.addObject().put("kind", s.kind()).put("value", s.value()).put("tier", s.tier().jsonName());
            s.sites().forEach(sn.putArray("sites")::add);
        }
        return o;
    }

    /** Sites, ids and evidence come from the archives, which are the adversary's: every value escaped. */
    private static String text(SiteAssessment a) {
        StringBuilder b = new StringBuilder();
        b.append(esc(a.site())).append(": ").append(a.assessment().verdict()).append(" (score ").append(a.assessment().score())
                .append(", ").append(a.assessment().confidence().jsonName()).append(" confidence; ").append(a.pages()).append(" pages")
                .append(a.network() == null ? "" : "; " + a.network()).append(")\n");
        for (Signal s : a.assessment().signals()) {
            b.append("  ").append(s.id()).append(" (").append(s.technique()).append("): ").append(esc(s.evidence())).append('\n');
        }
        for (Criterion c : a.criteria()) {
            if (c.met() != null) {
                b.append("  [").append(c.met() ? "x" : " ").append("] ").append(c.name()).append(": ").append(esc(c.evidence())).append('\n');
            }
        }
        return b.toString().stripTrailing();
    }

    private static String text(SiteNetwork n) {
        StringBuilder b = new StringBuilder(n.id()).append(": ").append(esc(String.join(", ", n.sites()))).append('\n');
        for (SiteNetwork.Shared s : n.shared()) {
            b.append("  ").append(s.tier().jsonName()).append(": ").append(esc(s.kind())).append(' ').append(esc(s.value()))
                    .append(" (").append(esc(String.join(", ", s.sites()))).append(")\n");
        }
        return b.toString().stripTrailing();
    }

    private static String esc(String s) {
        return TerminalText.escape(s);
    }
}
