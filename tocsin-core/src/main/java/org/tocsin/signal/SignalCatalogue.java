package org.tocsin.signal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every signal Tocsin can emit, gathered from the per-kind catalogues (email, domain, …) so that
 * docs/signals.md can be generated from, and checked against, the code.
 */
public final class SignalCatalogue {
    private final Map<String, SignalDefinition> byId = new LinkedHashMap<>();

    public SignalCatalogue(Collection<SignalDefinition> definitions) {
        for (SignalDefinition d : definitions) {
            if (byId.putIfAbsent(d.id(), d) != null) {
                throw new IllegalStateException("signal id defined twice: " + d.id());
            }
        }
    }

    public List<SignalDefinition> all() {
        return new ArrayList<>(byId.values());
    }

    /** The catalogue as a Markdown table: the body of docs/signals.md. */
    public String toMarkdown(String title, String intro) {
        StringBuilder out = new StringBuilder();
        out.append("# ").append(title).append("\n\n").append(intro).append("\n\n");
        out.append("| id | weight | technique | meaning |\n|---|---:|---|---|\n");
        for (SignalDefinition d : byId.values()) {
            out.append("| `").append(d.id()).append("` | ").append(formatWeight(d.weight())).append(" | ")
                    .append(d.technique()).append(" | ").append(d.meaning().replace("|", "\\|")).append(" |\n");
        }
        return out.toString();
    }

    private static String formatWeight(double w) {
        return w == Math.rint(w) ? String.valueOf((long) w) : String.valueOf(w);
    }
}
