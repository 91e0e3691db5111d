package org.tocsin.store.stix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * STIX 2.1 forbids empty lists (§3.3: an optional list with nothing in it is left out), inside extensions too, and
 * the OASIS validator rejects any. Objects arriving with one are refused ({@link #firstIn}); objects a store kept
 * from before that check are passed on without them ({@link #without}).
 */
public final class EmptyLists {
    private EmptyLists() {
    }

    /** Where the first empty list in a tree is, as a JSON pointer ({@code /labels}, {@code /a/0/b}); null when none. */
    public static String firstIn(JsonNode node) {
        if (node.isArray()) {
            if (node.isEmpty()) {
                return "";
            }
            for (int i = 0; i < node.size(); i++) {
                String below = firstIn(node.get(i));
                if (below != null) {
                    return "/" + i + below;
                }
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String below = firstIn(e.getValue());
                if (below != null) {
                    return "/" + e.getKey() + below;
                }
            }
        }
        return null;
    }

    /**
     * The tree without its empty lists; a list or object left empty by that is left out too, where it was a list's
     * element or had been a list. The node itself when there is nothing to leave out.
     */
    public static JsonNode without(JsonNode node) {
        if (firstIn(node) == null) {
            return node;
        }
        JsonNode copy = node.deepCopy();
        prune(copy);
        return copy;
    }

    /** Removes empty lists below a node; true when the node is itself a list that is empty afterwards. */
    private static boolean prune(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.properties().removeIf(e -> prune(e.getValue()));
        } else if (node instanceof ArrayNode a) {
            for (int i = a.size() - 1; i >= 0; i--) {
                if (prune(a.get(i))) {
                    a.remove(i);
                }
            }
            return a.isEmpty();
        }
        return false;
    }
}
