package org.tocsin.cli;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.tocsin.intel.ThreatActor;
import org.tocsin.intel.ThreatActors;
import org.tocsin.store.Observable;
import org.tocsin.store.StoredIndicator;
import org.tocsin.store.Store;
import org.tocsin.store.Tlp;
import org.tocsin.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tocsin intel add VALUE --actor A}: an analyst's indicator, and through it a link to an actor. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Keep an indicator an analyst vouches for: an observable, the actor it points at (optional), how sure"
                + " and why. Attribution uses it from then on; exports share it.",
                "VALUE: a domain, URL, e-mail address, IP address or SHA-256 (type from its shape unless --type)."})
final class IntelAddCommand implements Callable<Integer> {
    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Parameters(index = "0", paramLabel = "VALUE")
    String value;

    @Option(names = "--type", paramLabel = "TYPE", description = "domain-name, url, email-addr, ipv4-addr, ipv6-addr or file.")
    String type;

    @Option(names = "--actor", paramLabel = "NAME", description = "The actor (any name Tocsin knows, or a new one).")
    String actor;

    @Option(names = "--confidence", paramLabel = "LEVEL", defaultValue = "moderate",
            description = "low, moderate or high (default: ${DEFAULT-VALUE}).")
    String confidence;

    @Option(names = "--source", paramLabel = "WHO", required = true, description = "Who says so: an analyst, a report and its URL.")
    String source;

    @Option(names = "--note", paramLabel = "TEXT", defaultValue = "", description = "Why.")
    String note;

    @Option(names = "--technique", paramLabel = "ID", description = "ATT&CK or DISARM technique id (repeatable).")
    List<String> techniques = List.of();

    @Option(names = "--tlp", paramLabel = "LEVEL", defaultValue = "amber", description = "How it may be shared (default: ${DEFAULT-VALUE}).")
    String tlp;

    @Override
    public Integer call() {
        Observable o;
        StoredIndicator indicator;
        try {
            o = Observable.checked(type != null ? type : Observable.typeOf(value), value);
            String actorId = actor == null ? null : ThreatActors.bundled().resolve(actor).map(ThreatActor::id).orElse(actor.strip());
            String id = StoredIndicator.analystId(o, actorId, source);
            indicator = new StoredIndicator(id, o, actorId, confidence, source, note, techniques, Tlp.parse(tlp), Instant.now(), false);
        } catch (IllegalArgumentException e) {
            throw new UsageProblem(e.getMessage());
        }
        try (Store store = storeOptions.open()) {
            boolean added = store.addIndicator(indicator);
            System.out.println((added ? "kept " : "already kept ") + indicator.id() + ": " + o.type() + " " + TerminalText.escape(o.value())
                    + (indicator.actor() == null ? "" : " -> " + TerminalText.escape(indicator.actor())) + " (" + indicator.confidence() + ")");
        } catch (SQLException e) {
            throw new UsageProblem("store " + storeOptions.url() + ": " + e.getMessage());
        }
        return ExitCodes.OK;
    }
}
