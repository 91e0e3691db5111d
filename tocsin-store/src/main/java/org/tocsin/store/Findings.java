package org.tocsin.store;

import java.util.ArrayList;
import java.util.List;
import org.tocsin.domain.watch.DomainAlert;
import org.tocsin.email.triage.TriageResult;
import org.tocsin.signal.Indicator;
import org.tocsin.site.SiteAssessment;

/** What each analysis concluded, as the store keeps it: one mapping per kind of finding. */
public final class Findings {
    private Findings() {
    }

    /** A triaged message: its verdict and signals; its indicators become the observables that link it. */
    public static Finding of(TriageResult r) {
        List<Observable> observables = new ArrayList<>();
        for (Indicator i : r.indicators()) {
            observables.add(Observable.of(i));
        }
        String subject = r.subject() == null || r.subject().isBlank() ? "(no subject)" : r.subject();
        return new Finding("email", subject, r.assessment().verdict().jsonName(), r.assessment().score(),
                r.assessment().confidence().jsonName(), r.assessment().signals(), observables);
    }

    /** A news site assessed from web archives: its verdict and signals, linked by its domain. */
    public static Finding of(SiteAssessment a) {
        return new Finding("site", a.site(), a.assessment().verdict().jsonName(), a.assessment().score(),
                a.assessment().confidence().jsonName(), a.assessment().signals(),
                a.site().startsWith("(") ? List.of() : List.of(new Observable("domain-name", a.site())));
    }

    /** A lookalike domain seen in a feed: suspicious until someone looks, linked by the domain itself. */
    public static Finding of(DomainAlert a) {
        String confidence = a.score() >= 0.85 ? "high" : a.score() >= 0.7 ? "moderate" : "low";
        return new Finding("domain", a.domain(), "suspicious", a.score(), confidence, a.signals(),
                List.of(new Observable("domain-name", a.domain())));
    }
}
