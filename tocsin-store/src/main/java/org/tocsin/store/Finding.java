package org.tocsin.store;

import java.util.List;
import org.tocsin.signal.Signal;

/**
 * What an analysis concluded about one piece of evidence, as stored.
 *
 * @param kind        which analysis: {@code email}, {@code domain}, …
 * @param subject     what it is about, for people: a message's subject, an alerted domain
 * @param verdict     {@code malicious}, {@code suspicious}, {@code clean} (domain alerts: {@code suspicious})
 * @param observables what it saw that links it to other findings
 */
public record Finding(String kind, String subject, String verdict, double score, String confidence,
                      List<Signal> signals, List<Observable> observables) {
    public Finding {
        signals = List.copyOf(signals);
        observables = List.copyOf(observables);
    }
}
