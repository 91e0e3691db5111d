package org.tocsin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Locale;
import org.tocsin.domain.LookalikeKind;
import org.tocsin.domain.LookalikeMatch;
import org.tocsin.domain.watch.DomainAlert;
import org.tocsin.text.TerminalText;

/** Writes domain alerts as JSON Lines (docs/cli.md lists the fields) or one line each for people. */
final class WatchOutput {
    private final PrintStream out;
    private final boolean json;

    WatchOutput(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    void alert(DomainAlert a) {
        if (json) {
            out.println(JsonLines.line(toJson(a)));
        } else {
            LookalikeMatch m = a.match();
            out.printf(Locale.ROOT, "ALERT %.2f  %s  imitates %s (%s): %s%s  [%s]%n", a.score(), esc(a.host()), a.protectedDomain(),
                    esc(a.organization()), kinds(m), m.detail().isEmpty() ? "" : " — " + esc(m.detail()), esc(a.source()));
        }
    }

    /** A feed item that could not be examined: in the JSON stream, or on stderr beside the human alerts. */
    void problem(String source, String problem) {
        if (json) {
            out.println(JsonLines.error(source, problem));
        } else {
            System.err.println("tocsin: " + esc(source) + ": " + esc(problem));
        }
    }

    private static String esc(String s) {
        return TerminalText.escape(s);
    }

    static ObjectNode toJson(DomainAlert a) {
        ObjectNode o = JsonLines.object();
        o.put("domain", a.domain());
        o.put("host", a.host());
        o.put("source", a.source());
        o.put("organization", a.organization());
        o.put("protected_domain", a.protectedDomain());
        putKinds(o, a.match());
        o.put("score", a.score());
        o.put("technique", a.techniques().get(0));
        ArrayNode techniques = o.putArray("techniques");
        a.techniques().forEach(techniques::add);
        o.put("evidence", a.match().describe());
        JsonLines.putSignals(o, a.signals());
        if (!a.others().isEmpty()) {
            ArrayNode also = o.putArray("also_imitates");
            for (LookalikeMatch m : a.others()) {
                ObjectNode mo = also.addObject();
                mo.put("organization", m.target().owner());
                mo.put("protected_domain", m.target().domain());
                putKinds(mo, m);
                mo.put("score", m.score());
            }
        }
        return o;
    }

    private static void putKinds(ObjectNode o, LookalikeMatch m) {
        ArrayNode kinds = o.putArray("kinds");
        for (LookalikeKind k : m.kinds()) {
            kinds.add(k.jsonName());
        }
    }

    private static String kinds(LookalikeMatch m) {
        StringBuilder b = new StringBuilder();
        for (LookalikeKind k : m.kinds()) {
            b.append(b.isEmpty() ? "" : "+").append(k.jsonName());
        }
        return b.toString();
    }
}
