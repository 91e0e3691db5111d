package org.tocsin.store;

import java.util.List;
import org.tocsin.signal.Signal;

/** A stored finding with everything an export needs: its evidence, signals and observables. */
public record ExportedFinding(StoredFinding finding, String confidence, Evidence evidence, List<Signal> signals,
                              List<Observable> observables) {
    public ExportedFinding {
        signals = List.copyOf(signals);
        observables = List.copyOf(observables);
    }
}
