package org.tocsin.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tocsin.intel.Attribution;
import org.tocsin.intel.Attributor;
import org.tocsin.intel.KnownIndicator;
import org.tocsin.intel.KnownIndicators;
import org.tocsin.intel.Observed;
import org.tocsin.intel.ThreatActors;
import org.tocsin.reference.ReferenceData;
import org.tocsin.signal.Signal;

/**
 * Attribution over a store: the bundled indicators with the store's own (analysts', imported), each finding
 * compared by what it observed and the techniques its signals cite. Clean findings are not attributed.
 */
public final class Attributions {
    private final Attributor attributor;
    private final Instant intelTime;

    private Attributions(Attributor attributor, Instant intelTime) {
        this.attributor = attributor;
        this.intelTime = intelTime;
    }

    public static Attributions of(List<StoredIndicator> stored, ThreatActors actors, ReferenceData reference) {
        List<KnownIndicator> all = new ArrayList<>(KnownIndicators.bundled());
        Instant newest = Instant.EPOCH;
        for (StoredIndicator i : stored) {
            all.add(i.known());
            newest = i.addedAt().isAfter(newest) ? i.addedAt() : newest;
        }
        Map<String, String> names = new HashMap<>(reference.attackTechniques());
        names.putAll(reference.disarmTechniques());
        return new Attributions(new Attributor(actors, all, names), newest);
    }

    public static Attributions of(Store store) throws SQLException {
        return of(store.indicators(), ThreatActors.bundled(), ReferenceData.bundled());
    }

    /** The attribution of a flagged finding; null for a clean one. */
    public Attribution of(ExportedFinding ef) {
        if (ef.finding().verdict().equals("clean")) {
            return null;
        }
        List<Observed> observed = ef.observables().stream().map(Observable::observed).toList();
        Set<String> techniques = new LinkedHashSet<>();
        for (Signal s : ef.signals()) {
            techniques.add(s.technique());
        }
        return attributor.attribute(observed, techniques);
    }

    /** When the store's knowledge last changed (its newest indicator); the epoch when it has none. */
    public Instant intelTime() {
        return intelTime;
    }
}
