package org.tocsin.site.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tocsin.site.Criterion;
import org.tocsin.site.PageView;

/**
 * What a real outlet tells its readers about itself, read from its archived pages: who runs it (about, staff,
 * masthead), how to reach it, who owns and funds it, how it corrects errors, and who writes its articles —
 * with whether those writers exist anywhere else on the site (a staff page, an author page, a biography).
 * Storm-2035's sites had bylines of people who existed nowhere; real local outlets name their staff.
 */
public final class Transparency {
    private static final Pattern ABOUT_PATH = Pattern.compile("/(about|about-us|who-we-are|our-team|team|staff|masthead|our-staff|editorial-team)(/|\\.html?)?$");
    private static final Pattern CONTACT_PATH = Pattern.compile("/(contact|contact-us)(/|\\.html?)?$");
    private static final Pattern CORRECTIONS_PATH = Pattern.compile("/(corrections|corrections-policy|ethics|editorial-standards)(/|\\.html?)?$");
    private static final Pattern AUTHOR_PATH = Pattern.compile("/(author|authors|staff|people|profile)/[^/]+");
    private static final Pattern IN_CHARGE = Pattern.compile("\\b(?i:editor[- ]in[- ]chief|executive editor|managing editor|publisher|news editor|editor)\\b[:,]?\\s+[A-Z][a-z]+\\s+[A-Z]");
    private static final Pattern OWNERSHIP = Pattern.compile("(?i)\\b(owned by|is published by|a publication of|a subsidiary of|funded by|our funding|supported by (readers|donations|grants)|non-?profit newsroom|501\\(c\\)\\(3\\))");
    private static final Pattern CORRECTIONS = Pattern.compile("(?i)\\b(corrections? policy|we correct (errors|mistakes)|to report an error|request a correction|corrections and clarifications)\\b");

    /** What the rules found, for the assessment to turn into criteria and signals. */
    public record Findings(@Nullable String masthead, @Nullable String inCharge, @Nullable String contact, @Nullable String ownership, @Nullable String corrections,
                           int articles, int articlesWithByline, Set<String> bylines, Set<String> unknownBylines) {
    }

    private Transparency() {
    }

    public static Findings of(List<PageView> pages) {
        String masthead = null;
        String inCharge = null;
        String contact = null;
        String ownership = null;
        String corrections = null;
        int articles = 0;
        int withByline = 0;
        Set<String> bylines = new LinkedHashSet<>();
        StringBuilder nonArticleText = new StringBuilder();
        List<String> authorPaths = new ArrayList<>();
        for (PageView p : pages) {
            if (masthead == null && ABOUT_PATH.matcher(p.path()).find()) {
                masthead = p.page().url();
            }
            if (contact == null && CONTACT_PATH.matcher(p.path()).find()) {
                contact = p.page().url();
            }
            if (contact == null) {
                for (PageView.Link l : p.links()) {
                    if (l.href().toLowerCase(Locale.ROOT).startsWith("mailto:")) {
                        contact = l.href() + " (on " + p.page().url() + ")";
                        break;
                    }
                }
            }
            if (corrections == null && CORRECTIONS_PATH.matcher(p.path()).find()) {
                corrections = p.page().url();
            }
            if (corrections == null && CORRECTIONS.matcher(p.text()).find()) {
                corrections = "\"" + excerpt(p.text(), CORRECTIONS) + "\" on " + p.page().url();
            }
            if (ownership == null && OWNERSHIP.matcher(p.text()).find()) {
                ownership = "\"" + excerpt(p.text(), OWNERSHIP) + "\" on " + p.page().url();
            }
            if (inCharge == null && !p.article() && IN_CHARGE.matcher(p.text()).find()) {
                inCharge = "\"" + excerpt(p.text(), IN_CHARGE) + "\" on " + p.page().url();
            }
            if (AUTHOR_PATH.matcher(p.path()).find()) {
                authorPaths.add(p.path());
            }
            if (p.article()) {
                articles++;
                if (!p.bylines().isEmpty()) {
                    withByline++;
                    bylines.addAll(p.bylines());
                }
            } else {
                nonArticleText.append(' ').append(p.text());
            }
        }
        for (PageView p : pages) { // a page the site links to but the archive did not keep still exists
            for (PageView.Link l : p.links()) {
                String path = PageView.pathOf(l.href());
                String linked = l.href() + " (linked from " + p.page().url() + "; not in the archive)";
                if (masthead == null && ABOUT_PATH.matcher(path).find()) {
                    masthead = linked;
                }
                if (contact == null && CONTACT_PATH.matcher(path).find()) {
                    contact = linked;
                }
                if (corrections == null && CORRECTIONS_PATH.matcher(path).find()) {
                    corrections = linked;
                }
            }
        }
        Set<String> unknown = new LinkedHashSet<>();
        String elsewhere = nonArticleText.toString();
        for (String name : bylines) {
            String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
            boolean hasAuthorPage = authorPaths.stream().anyMatch(path -> path.contains(slug));
            if (!hasAuthorPage && !elsewhere.contains(name)) {
                unknown.add(name);
            }
        }
        return new Findings(masthead, inCharge, contact, ownership, corrections, articles, withByline, bylines, unknown);
    }

    /**
     * The criteria, point by point, as a reader of the site could check them.
     *
     * @param canTellAbsence whether the archive could show what the site lacks (its home page or several pages);
     *                       when it cannot, a criterion not found is unknown rather than unmet
     */
    public static List<Criterion> criteria(Findings f, boolean canTellAbsence) {
        List<Criterion> out = new ArrayList<>();
        for (Criterion c : criteria(f)) {
            out.add(c.met() == null || c.met() || canTellAbsence ? c
                    : new Criterion(c.name(), null, c.evidence() + " — but the archive is too small to tell (not the home page, under five pages)"));
        }
        return out;
    }

    private static List<Criterion> criteria(Findings f) {
        List<Criterion> out = new ArrayList<>();
        out.add(new Criterion("Reveals who is in charge", f.masthead() != null || f.inCharge() != null,
                f.inCharge() != null ? f.inCharge() : f.masthead() != null ? "about/staff page " + f.masthead() + " (no editor named)"
                        : "no about, staff or masthead page, and no editor or publisher named"));
        String creators;
        Boolean named;
        if (f.articles() == 0) {
            named = null;
            creators = "no article pages in the archive";
        } else {
            named = f.articlesWithByline() * 2 >= f.articles() && f.unknownBylines().size() * 2 <= f.bylines().size();
            creators = f.articlesWithByline() + " of " + f.articles() + " articles bylined"
                    + (f.bylines().isEmpty() ? "" : "; authors " + String.join(", ", f.bylines()))
                    + (f.unknownBylines().isEmpty() ? "" : "; appearing nowhere else on the site: " + String.join(", ", f.unknownBylines()));
        }
        out.add(new Criterion("Names its content creators, with contact or biographical information", named, creators));
        out.add(new Criterion("Discloses ownership and financing", f.ownership() != null,
                f.ownership() != null ? f.ownership() : "no ownership or funding statement found"));
        out.add(new Criterion("Regularly corrects or clarifies errors", f.corrections() != null,
                f.corrections() != null ? f.corrections() : "no corrections policy found"));
        out.add(new Criterion("Provides a way to contact it", f.contact() != null,
                f.contact() != null ? f.contact() : "no contact page or address found"));
        for (String notJudged : List.of("Does not repeatedly publish false content", "Gathers and presents information responsibly",
                "Handles the difference between news and opinion responsibly", "Avoids deceptive headlines", "Clearly labels advertising")) {
            out.add(new Criterion(notJudged, null, "needs a reader's judgement; not assessed from the archive"));
        }
        return out;
    }

    private static String excerpt(String text, Pattern p) {
        var m = p.matcher(text);
        if (!m.find()) {
            return "";
        }
        int from = Math.max(0, m.start() - 40);
        int to = Math.min(text.length(), m.end() + 60);
        while (from > 0 && from < m.start() && !Character.isWhitespace(text.charAt(from - 1))) {
            from++; // start at a word
        }
        while (to < text.length() && to > m.end() && !Character.isWhitespace(text.charAt(to))) {
            to--; // end at a word
        }
        return text.substring(from, to).strip();
    }
}
