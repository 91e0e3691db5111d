package org.tocsin.cli;

import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tocsin.store.Observable;
import org.tocsin.store.Store;
import org.tocsin.store.StoredFinding;
import org.tocsin.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tocsin links VALUE}: every finding that saw an observable, and what each of them links to in turn. */
@Command(name = "links", mixinStandardHelpOptions = true,
        description = {"Everything in the store linked to an observable: the findings that saw it and the findings"
                + " that share any other observable with those.",
                "VALUE: a domain, URL, e-mail address, IP address or SHA-256; its type is read from its shape unless --type is given."})
final class LinksCommand implements Callable<Integer> {
    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Option(names = "--type", paramLabel = "TYPE", description = "STIX observable type: domain-name, url, email-addr, ipv4-addr, ipv6-addr, file.")
    String type;

    @Parameters(index = "0", paramLabel = "VALUE")
    String value;

    @Override
    public Integer call() {
        Observable o;
        try {
            o = Observable.checked(type != null ? type : Observable.typeOf(value), value);
        } catch (IllegalArgumentException e) {
            throw new UsageProblem((type != null ? "--type " + type + ", " : "") + "'" + value + "': " + e.getMessage());
        }
        try (Store store = storeOptions.open()) {
            List<StoredFinding> direct = store.findingsWith(o);
            System.out.println(o.type() + " " + TerminalText.escape(o.value()) + "  (" + o.stixId() + ")");
            if (direct.isEmpty()) {
                System.out.println("  not seen in any finding");
                return ExitCodes.OK;
            }
            for (StoredFinding f : direct) {
                System.out.println("  seen in " + describe(f));
                for (StoredFinding other : store.linkedTo(f.id())) {
                    if (direct.stream().noneMatch(d -> d.id().equals(other.id()))) {
                        System.out.println("    linked to " + describe(other));
                    }
                }
            }
            return ExitCodes.OK;
        } catch (SQLException e) {
            throw new UsageProblem("store " + storeOptions.url() + ": " + e.getMessage());
        }
    }

    /** What the store holds came from hostile input: the subject is escaped ({@link TerminalText}). */
    private static String describe(StoredFinding f) {
        return String.format(Locale.ROOT, "%s %s %.2f  %s  [evidence %s…]", f.kind(), f.verdict(), f.score(),
                TerminalText.escape(f.subject()), f.evidenceSha256().substring(0, 12));
    }
}
