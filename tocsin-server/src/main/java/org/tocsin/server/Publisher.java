package org.tocsin.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tocsin.store.stix.AddResult;
import org.tocsin.store.stix.StixObjects;

/**
 * Publishes the store's findings into the collections marked for them: asks for a STIX bundle and adds its
 * objects with origin {@code tocsin}. Versions already there are skipped, so publishing an unchanged store adds
 * nothing and costs one lookup per object.
 */
final class Publisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
    private final List<CollectionConfig> targets;
    private final Supplier<ObjectNode> bundle;
    private final Connections db;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tocsin-publisher");
        t.setDaemon(true);
        return t;
    });

    Publisher(List<CollectionConfig> collections, Supplier<ObjectNode> bundle, Connections db) {
        this.targets = collections.stream().filter(CollectionConfig::publishFindings).toList();
        this.bundle = bundle;
        this.db = db;
    }

    /** Publishes now, then every {@code every} on a thread of its own; nothing when no collection asks for findings. */
    void start(Duration every) {
        if (targets.isEmpty()) {
            return;
        }
        publishNow();
        Future<?> unused = timer.scheduleWithFixedDelay(this::publishNow, // publishNow logs its own failures
                every.toSeconds(), every.toSeconds(), TimeUnit.SECONDS);
    }

    /** One round; a failure is logged and the next round tries again (a scheduled task that throws would stop). */
    void publishNow() {
        try {
            List<JsonNode> objects = new ArrayList<>();
            bundle.get().path("objects").forEach(objects::add);
            try (Connection connection = db.lease()) {
                StixObjects stix = new StixObjects(connection);
                for (CollectionConfig c : targets) {
                    AddResult r = stix.add(c.id(), objects, "tocsin");
                    LOG.info("published findings to {}: {} new, {} unchanged, {} refused", c.alias() != null ? c.alias() : c.id(),
                            r.count(AddResult.Kind.ADDED), r.count(AddResult.Kind.ALREADY_PRESENT), r.count(AddResult.Kind.REJECTED));
                    r.outcomes().stream().filter(o -> !o.succeeded()).findFirst() // a bundle of our own making: a bug
                            .ifPresent(o -> LOG.warn("a finding's object was refused: {} {}", o.id(), o.message()));
                }
            }
        } catch (Exception e) {
            LOG.error("publishing findings failed; trying again next round", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
