package org.tocsin.site;

import java.util.List;
import org.tocsin.signal.SignalDefinition;

/**
 * The site catalogue. Techniques are DISARM's: a site posing as a news outlet (T0097.202 News Outlet Persona),
 * fabricated or impersonated personas (T0143.002, T0143.003), AI-generated and inauthentic articles (T0085.001,
 * T0085.003), inauthentic news sites (T0098.001) and their domains (T0149.001, T0149.003).
 */
public final class SiteSignals {
    public static final SignalDefinition LLM_ARTIFACT = new SignalDefinition("SITE_LLM_ARTIFACT",
            "Published text in which a language model speaks of itself (a refusal, a disclaimer, a note on its rewrite): articles pasted from a model unread",
            6, "T0085.001");
    public static final SignalDefinition COPIED_ARTICLE = new SignalDefinition("SITE_COPIED_ARTICLE",
            "An article copies or rewrites one from the analyst's reference corpus of real outlets", 4, "T0085.003");
    public static final SignalDefinition IMPERSONATES_OUTLET = new SignalDefinition("SITE_IMPERSONATES_OUTLET",
            "The site names itself as a protected outlet (title or site name) on a domain that outlet does not use", 5, "T0143.003");
    public static final SignalDefinition LOOKALIKE_DOMAIN = new SignalDefinition("SITE_LOOKALIKE_DOMAIN",
            "The site's domain imitates a protected outlet's domain", 4, "T0149.003");
    public static final SignalDefinition SHARED_INFRASTRUCTURE = new SignalDefinition("SITE_SHARED_INFRASTRUCTURE",
            "The site shares an analytics, advertising or verification id with another site in the collection: one operator runs both",
            2, "T0149.001");
    public static final SignalDefinition NO_MASTHEAD = new SignalDefinition("SITE_NO_MASTHEAD",
            "No about, staff or masthead page says who runs the site", 2, "T0097.202");
    public static final SignalDefinition NO_BYLINES = new SignalDefinition("SITE_NO_BYLINES",
            "Its articles name no author", 1.5, "T0143.002");
    public static final SignalDefinition UNKNOWN_BYLINES = new SignalDefinition("SITE_BYLINES_UNKNOWN",
            "The authors its articles name appear nowhere else on the site: no staff page, author page or biography", 1.5, "T0143.002");
    public static final SignalDefinition NO_OWNERSHIP = new SignalDefinition("SITE_NO_OWNERSHIP",
            "No statement of who owns or funds the site", 1, "T0097.202");
    public static final SignalDefinition NO_CONTACT = new SignalDefinition("SITE_NO_CONTACT",
            "No contact page or address", 1, "T0097.202");
    public static final SignalDefinition NO_CORRECTIONS = new SignalDefinition("SITE_NO_CORRECTIONS",
            "No corrections policy", 0.5, "T0097.202");
    public static final SignalDefinition YOUNG_DOMAIN = new SignalDefinition("SITE_YOUNG_DOMAIN",
            "The domain was registered shortly before the pages were archived (from RDAP or WHOIS records the analyst gives):"
                    + " weight 2 under 90 days, 1 under a year", 2, "T0149.001");
    public static final SignalDefinition ONE_CAMP_TARGETING = new SignalDefinition("SITE_ONE_CAMP_TARGETING",
            "Its articles use one US political camp's loaded terms, three times or more, and never the other's: written for one audience",
            1, "T0072.005");
    public static final SignalDefinition PUBLICATION_BURST = new SignalDefinition("SITE_PUBLICATION_BURST",
            "Many articles published within minutes of each other, as content farms and automated sites publish", 1, "T0098.001");

    private SiteSignals() {
    }

    public static List<SignalDefinition> all() {
        return List.of(LLM_ARTIFACT, COPIED_ARTICLE, IMPERSONATES_OUTLET, LOOKALIKE_DOMAIN, SHARED_INFRASTRUCTURE, NO_MASTHEAD,
                NO_BYLINES, UNKNOWN_BYLINES, NO_OWNERSHIP, NO_CONTACT, NO_CORRECTIONS, YOUNG_DOMAIN, ONE_CAMP_TARGETING, PUBLICATION_BURST);
    }
}
