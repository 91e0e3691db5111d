package org.tocsin.social.coordination;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * What a coordination run read, lost and found: the last line of {@code tocsin posts coordination} (text), its last
 * JSON object ({@code --json}), and the same from the Flink job, so that nothing a run could not use goes unsaid.
 *
 * @param posts        posts read
 * @param unreadable   items that could not be read (each reported with its {@code path#line} and reason), merged
 *                     rows included
 * @param mergedRows   of those, CSV records whose unclosed quote ran on into the rows after them (the rows were read
 *                     again as themselves; the damaged record is lost)
 * @param late         posts that came more than the lateness out of time order: paired with what the run still held,
 *                     so their co-actions may be incomplete (always 0 for the Flink job in batch mode, which orders each
 *                     trace key's actions whole)
 * @param coActions    co-actions found (creation bursts of the accounts file included)
 * @param accountPairs account pairs linked by at least one co-action
 * @param kept         edges kept for clustering (after {@code --min-weight} and {@code --percentile})
 * @param clusters     clusters reported
 * @param forgotten    single-co-action pairs the embedded runner forgot past its memory budget (the Flink job: 0)
 */
public record CoordinationSummary(long posts, long unreadable, long mergedRows, long late, long coActions, long accountPairs, long kept,
                                  long clusters, long forgotten) {

    /** One line: {@code N posts, N unreadable (N merged rows), N late; N co-actions, N account pairs, N kept; N clusters}. */
    public String text() {
        StringBuilder b = new StringBuilder();
        b.append(posts).append(" posts, ").append(unreadable).append(" unreadable");
        if (mergedRows > 0) {
            b.append(" (").append(mergedRows).append(mergedRows == 1 ? " merged row" : " merged rows").append(')');
        }
        b.append(", ").append(late).append(" late; ").append(coActions).append(" co-actions, ").append(accountPairs)
                .append(" account pairs, ").append(kept).append(" kept; ").append(clusters).append(" clusters");
        if (forgotten > 0) {
            b.append(String.format(Locale.ROOT, "; %d single-co-action pairs forgotten", forgotten));
        }
        return b.toString();
    }

    /** {@code {"summary": "coordination", "posts", "unreadable", "merged_rows", "late", "co_actions", "account_pairs", "kept", "clusters", "forgotten"}}. */
    public ObjectNode json() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("summary", "coordination");
        o.put("posts", posts);
        o.put("unreadable", unreadable);
        o.put("merged_rows", mergedRows);
        o.put("late", late);
        o.put("co_actions", coActions);
        o.put("account_pairs", accountPairs);
        o.put("kept", kept);
        o.put("clusters", clusters);
        o.put("forgotten", forgotten);
        return o;
    }
}
