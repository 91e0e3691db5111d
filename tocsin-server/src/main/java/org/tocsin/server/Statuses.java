package org.tocsin.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The status resources of recent POSTs, in memory: the last {@code capacity} of them. A client reads its status
 * right after posting; keeping them across restarts or sharing them between servers is not worth a table. Only
 * the account that posted, or an internal account, may read a status.
 */
final class Statuses {
    private record Entry(String owner, ObjectNode status) {
    }

    private final Map<String, Entry> recent;

    Statuses(int capacity) {
        this.recent = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized void keep(Account owner, ObjectNode status) {
        recent.put(status.get("id").asText(), new Entry(owner.name(), status));
    }

    synchronized Optional<ObjectNode> find(String id, Account who) {
        Entry e = recent.get(id);
        return e != null && (e.owner().equals(who.name()) || !who.partner()) ? Optional.of(e.status()) : Optional.empty();
    }
}
