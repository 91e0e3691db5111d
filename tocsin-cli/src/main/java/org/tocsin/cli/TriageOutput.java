package org.tocsin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Locale;
import org.tocsin.email.triage.TriageResult;
import org.tocsin.signal.Indicator;
import org.tocsin.signal.Signal;
import org.tocsin.text.TerminalText;

/** Writes triage results as JSON Lines (docs/cli.md lists the fields) or as a human summary. */
final class TriageOutput {
    private final PrintStream out;
    private final boolean json;

    TriageOutput(PrintStream out, boolean json) {
        this.out = out;
        this.json = json;
    }

    void result(TriageResult r) {
        if (json) {
            out.println(JsonLines.line(toJson(r)));
        } else {
            human(r);
        }
    }

    void error(String source, String error) {
        if (json) {
            out.println(JsonLines.error(source, error));
        } else {
            out.println(TerminalText.escape(source));
            out.println("  ERROR  " + TerminalText.escape(error));
            out.println();
        }
    }

    static ObjectNode toJson(TriageResult r) {
        ObjectNode o = JsonLines.object();
        o.put("source", r.evidence().source());
        o.put("sha256", r.evidence().sha256());
        o.put("message_id", r.messageId());
        if (r.reporter() != null) {
            o.put("reporter", r.reporter());
        }
        o.put("from", r.from() == null ? null : r.from().toString());
        o.put("subject", r.subject());
        o.put("verdict", r.assessment().verdict().jsonName());
        o.put("score", r.assessment().score());
        o.put("confidence", r.assessment().confidence().jsonName());
        JsonLines.putSignals(o, r.assessment().signals());
        ArrayNode indicators = o.putArray("indicators");
        for (Indicator i : r.indicators()) {
            indicators.addObject().put("type", i.type().jsonName()).put("value", i.value());
        }
        ArrayNode techniques = o.putArray("techniques");
        r.techniques().forEach(techniques::add);
        if (!r.problems().isEmpty()) {
            ArrayNode problems = o.putArray("problems");
            r.problems().forEach(problems::add);
        }
        return o;
    }

    /** Every value from the message is escaped ({@link TerminalText}): headers are the attacker's to write. */
    private void human(TriageResult r) {
        out.println(esc(r.evidence().source()) + (r.reporter() == null ? "" : "  (reported by " + esc(r.reporter()) + ")"));
        out.printf(Locale.ROOT, "  %s  score %.1f  confidence %s%n", r.assessment().verdict().name(),
                r.assessment().score(), r.assessment().confidence().jsonName());
        out.println("  From: " + (r.from() == null ? "(none)" : esc(r.from().toString())) + "   Subject: " + esc(r.subject()));
        for (Signal s : r.assessment().signals()) {
            out.printf(Locale.ROOT, "  %+5.1f %-34s %-10s %s%n", s.weight(), s.id(), s.technique(), esc(s.evidence()));
        }
        if (!r.indicators().isEmpty()) {
            out.println("  indicators:");
            for (Indicator i : r.indicators()) {
                out.println("    " + i.type().jsonName() + "  " + esc(i.value()));
            }
        }
        if (!r.techniques().isEmpty()) {
            out.println("  techniques: " + String.join(", ", r.techniques()));
        }
        for (String p : r.problems()) {
            out.println("  note: " + esc(p));
        }
        out.println();
    }

    private static String esc(String s) {
        return TerminalText.escape(s);
    }
}
