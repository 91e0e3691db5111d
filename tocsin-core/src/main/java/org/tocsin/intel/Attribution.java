package org.tocsin.intel;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tocsin.intel.KnownIndicator.Level;

/**
 * What attribution concludes about a case, with its reasons: "consistent with APT42 — moderate confidence —
 * because …", or "unattributed". Never more than the evidence carries: technique overlap alone is at most
 * low confidence, and a rival actor with the same standing lowers it.
 *
 * @param actorId      the Tocsin actor id (or the name a source gave), null when unattributed
 * @param actorName    the preferred name, null when unattributed
 * @param confidence   null when unattributed
 * @param because      the evidence, one sentence each, strongest first
 * @param alternatives other actors the case is consistent with, as "name (confidence)"
 */
public record Attribution(@Nullable String actorId, @Nullable String actorName, @Nullable Level confidence, List<String> because,
                          List<String> alternatives) {
    public Attribution {
        because = List.copyOf(because);
        alternatives = List.copyOf(alternatives);
    }

    static Attribution unattributed(List<String> because, List<String> alternatives) {
        return new Attribution(null, null, null, because, alternatives);
    }

    public boolean attributed() {
        return actorId != null;
    }

    /** One line a person reads. */
    public String statement() {
        StringBuilder s = new StringBuilder();
        if (attributed()) {
            // an attributed case always has its confidence (Attributor sets actor, name and confidence together)
            s.append("consistent with ").append(actorName).append(" — ").append(Objects.requireNonNull(confidence).word())
                    .append(" confidence");
        } else {
            s.append("unattributed");
        }
        if (!because.isEmpty()) {
            s.append(" — because ").append(String.join("; ", because));
        }
        if (!alternatives.isEmpty()) {
            s.append(" (also consistent with ").append(String.join(", ", alternatives)).append(')');
        }
        return s.toString();
    }
}
