package org.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.tocsin.intel.ThreatActors;
import org.tocsin.reference.ReferenceData;
import org.tocsin.server.Connections;
import org.tocsin.server.ServerConfig;
import org.tocsin.server.TaxiiServer;
import org.tocsin.store.ImportSummary;
import org.tocsin.store.Store;
import org.tocsin.store.stix.StixBundle;
import org.tocsin.store.stix.StixImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tocsin serve}: the TAXII 2.1 server over the store, until stopped (Ctrl-C, SIGTERM). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the store over TAXII 2.1 (docs/taxii.md): discovery at /taxii2/, one API root with the"
                + " collections and accounts of the config file. The store's findings are published into the collections"
                + " marked publish_findings, at start and then every publish_every_seconds. Runs until stopped."},
        subcommands = ServeHashSecretCommand.class)
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "The server's YAML configuration (examples/taxii.yaml shows one).")
    Path config;

    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface, behind a TLS proxy).")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "9500", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "8",
            description = "Database connections at most, shared by the requests served at once (default: ${DEFAULT-VALUE}).")
    int connections;

    @Override
    public Integer call() throws InterruptedException {
        if (config == null) {
            throw new UsageProblem("serve needs --config FILE (examples/taxii.yaml shows one)");
        }
        if (connections < 1) {
            throw new UsageProblem("--connections must be at least 1, not " + connections);
        }
        ServerConfig cfg;
        try {
            cfg = ServerConfig.load(config); // says what is wrong: no such file, a directory, which key on which line
        } catch (IOException e) {
            throw new UsageProblem(e.getMessage());
        }
        Store store = storeOptions.open(); // migrates the schema; kept open for the publisher's exports
        Connections db;
        try {
            db = new Connections(storeOptions.url(), storeOptions.user(), storeOptions.password(), connections);
        } catch (RuntimeException e) { // HikariCP opens one connection at once: a store it cannot reach stops here
            closeQuietly(store);
            throw new UsageProblem("store " + storeOptions.url() + ": cannot open the server's connections: " + e.getMessage());
        }
        TaxiiServer server;
        try {
            server = TaxiiServer.start(cfg, host, port, db, () -> findingsBundle(store), objects -> learn(store, objects));
        } catch (RuntimeException e) {
            db.close();
            closeQuietly(store);
            throw new UsageProblem("cannot serve on " + host + ":" + port + ": " + e.getMessage());
        }
        System.err.println("tocsin: TAXII 2.1 server at http://" + host + ":" + server.port() + "/taxii2/ (API root /"
                + cfg.apiRoot() + "/, " + cfg.collections().size() + " collections, " + cfg.accounts().size()
                + " accounts, store " + storeOptions.url() + "); Ctrl-C stops it");
        CountDownLatch stopped = new CountDownLatch(1);
        // Serving first stops, then the database connections close. H2 closes an embedded file in a shutdown hook of
        // its own, which the file's sharing between processes (AUTO_SERVER) needs and which may run before this one:
        // Store.close and the pool take a database H2 already closed as closed (everything committed is on disk).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            db.close();
            closeQuietly(store);
            stopped.countDown();
        }, "tocsin-serve-stop"));
        stopped.await();
        return ExitCodes.OK;
    }

    /**
     * What the server publishes: Tocsin's own knowledge — findings (each marked with its TLP, attributed) and the
     * indicators analysts added — but not what partners sent, which is theirs to share. The store is one
     * connection, shared with {@link #learn}: one at a time.
     */
    static ObjectNode findingsBundle(Store store) {
        synchronized (store) {
            try {
                return StixBundle.published(store, ReferenceData.bundled());
            } catch (SQLException e) {
                throw new IllegalStateException("reading the store's findings: " + e.getMessage(), e);
            }
        }
    }

    /** Objects a partner POSTed (already kept in their collection) teach the store: their simple indicators become known ones. */
    static void learn(Store store, List<JsonNode> objects) {
        synchronized (store) {
            try {
                ImportSummary s = new StixImport(ThreatActors.bundled()).into(store, objects, null);
                if (s.indicators() > 0 || !s.problems().isEmpty()) {
                    System.err.println("tocsin: from a POST: " + s.line());
                }
            } catch (SQLException e) {
                System.err.println("tocsin: learning from a POST: " + e.getMessage());
            }
        }
    }

    private static void closeQuietly(Store store) {
        try {
            store.close();
        } catch (SQLException e) {
            System.err.println("tocsin: closing the store: " + e.getMessage());
        }
    }
}
