package org.tocsin.store;

import java.time.Instant;
import java.util.List;
import org.tocsin.signal.Signal;

/** A stored finding with everything an export needs: when its evidence came in, its signals and observables. */
public record ExportedFinding(StoredFinding finding, String confidence, String evidenceSource, Instant ingestedAt,
                              List<Signal> signals, List<Observable> observables) {
    public ExportedFinding {
        signals = List.copyOf(signals);
        observables = List.copyOf(observables);
    }
}
