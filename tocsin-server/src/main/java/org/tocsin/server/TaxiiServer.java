package org.tocsin.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tocsin.store.stix.AddResult;
import org.tocsin.store.stix.ManifestEntry;
import org.tocsin.store.stix.StixObjects.Page;
import org.tocsin.store.stix.StixObjects.Query;
import org.tocsin.store.stix.StixObjects;
import org.tocsin.store.stix.StixTimestamps;
import org.tocsin.store.stix.StoredObject;

/**
 * A TAXII 2.1 server over the store's STIX objects (Javalin 7 on Jetty 12): discovery, one API root, its collections,
 * objects (GET, POST, DELETE), manifests, versions and statuses. Every request is authenticated (Basic or bearer);
 * rights are per account and collection; a partner account is never served a TLP:RED object and cannot tell one
 * exists (it gets the 404 an unknown object gets). Each request works on a database connection of its own. Every
 * error, Jetty's own included ({@link TaxiiErrorHandler}), is a TAXII error message.
 */
public final class TaxiiServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaxiiServer.class);
    private final ServerConfig config;
    private final Connections db;
    private final Authenticator auth;
    private final ClientAddress clients;
    private final SlowRefusals refusals;
    private final Statuses statuses = new Statuses(10_000);
    private final Consumer<List<JsonNode>> onAdded;
    private final Publisher publisher;
    private final Javalin app;

    /** What an endpoint does for an authenticated caller. */
    private interface Endpoint {
        void handle(Context ctx, Account who) throws Exception;
    }

    private TaxiiServer(ServerConfig config, Connections db, Supplier<ObjectNode> findings, Consumer<List<JsonNode>> onAdded,
                        SignInThrottle throttle, SlowRefusals refusals) {
        this.config = config;
        this.db = db;
        this.auth = new Authenticator(config.accounts(), throttle);
        this.refusals = refusals;
        this.clients = new ClientAddress(config.trustedProxies());
        this.onAdded = onAdded;
        this.publisher = new Publisher(config.collections(), findings, db);
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.http.prefer405over404 = true; // a wrong method on a TAXII URL says so
            c.requestLogger.http((ctx, ms) -> LOG.info("{} {} {} {} ({} ms)", ctx.attribute("account") == null ? "-"
                    : ctx.attribute("account"), ctx.method(), ctx.path(), ctx.statusCode(), Math.round(ms)));
            TaxiiErrorHandler jettyErrors = new TaxiiErrorHandler();
            c.jetty.modifyServer(server -> server.setErrorHandler(jettyErrors));
            c.jetty.modifyServletContextHandler(context -> context.setErrorHandler(jettyErrors));
            routes(c.routes);
        });
    }

    /**
     * Publishes findings once into the collections marked for them, then starts serving (and publishing every
     * {@code publish_every_seconds}).
     *
     * @param port     0 for any free port ({@link #port()} tells which)
     * @param findings a STIX bundle of the store's findings, asked for at each publication
     * @param onAdded  given the objects a POST newly added, after they are stored (the STIX importer's hook)
     */
    public static TaxiiServer start(ServerConfig config, String host, int port, Connections db, Supplier<ObjectNode> findings,
                                    Consumer<List<JsonNode>> onAdded) {
        return start(config, host, port, db, findings, onAdded, new SignInThrottle(), new SlowRefusals(SlowRefusals.PAUSE, 1_000));
    }

    /** With sign-in limits of the caller's (tests: a clock they move, no pause before a refusal). */
    static TaxiiServer start(ServerConfig config, String host, int port, Connections db, Supplier<ObjectNode> findings,
                             Consumer<List<JsonNode>> onAdded, SignInThrottle throttle, SlowRefusals refusals) {
        TaxiiServer s = new TaxiiServer(config, db, findings, onAdded, throttle, refusals);
        s.publisher.start(Duration.ofSeconds(config.publishEverySeconds()));
        try {
            s.app.start(host, port);
        } catch (RuntimeException e) { // the port is taken, say: no publisher left running behind
            s.publisher.close();
            s.refusals.close();
            throw e;
        }
        return s;
    }

    public int port() {
        return app.port();
    }

    /** Publishes findings now, as the timer would: for tests and for an operator's nudge. */
    public void publishNow() {
        publisher.publishNow();
    }

    private void routes(RoutesConfig app) {
        String root = "/" + config.apiRoot();
        app.get("/taxii2/", taxii((ctx, who) -> json(ctx, 200, TaxiiResources.discovery(config, baseUrl(ctx)))));
        app.get(root + "/", taxii((ctx, who) -> json(ctx, 200, TaxiiResources.apiRoot(config))));
        app.get(root + "/collections/", taxii((ctx, who) -> json(ctx, 200, TaxiiResources.collections(
                config.collections().stream().filter(c -> who.canRead(c.id()) || who.canWrite(c.id())).toList(), who))));
        app.get(root + "/collections/{id}/", taxii((ctx, who) -> json(ctx, 200, TaxiiResources.collection(collection(ctx, who), who))));
        app.get(root + "/collections/{id}/objects/", taxii(this::getObjects));
        app.post(root + "/collections/{id}/objects/", taxii(this::addObjects));
        app.get(root + "/collections/{id}/objects/{object}/", taxii(this::getObject));
        app.delete(root + "/collections/{id}/objects/{object}/", taxii(this::deleteObject));
        app.get(root + "/collections/{id}/objects/{object}/versions/", taxii(this::getVersions));
        app.get(root + "/collections/{id}/manifest/", taxii(this::getManifest));
        app.get(root + "/status/{status}/", taxii((ctx, who) -> json(ctx, 200, statuses.find(ctx.pathParam("status"), who)
                .orElseThrow(() -> TaxiiError.notFound("No status " + ctx.pathParam("status") + " here.")))));

        app.exception(TaxiiError.class, (e, ctx) -> {
            if (e.status() == 401) {
                Authenticator.CHALLENGES.forEach(c -> ctx.res().addHeader("WWW-Authenticate", c));
            }
            if (e instanceof SignInRefused r) {
                ctx.header("Retry-After", Long.toString(r.retryAfterSeconds()));
            }
            json(ctx, e.status(), TaxiiResources.error(e));
        });
        app.exception(Connections.Busy.class, (e, ctx) -> {
            LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            ctx.header("Retry-After", "5");
            json(ctx, 503, TaxiiResources.error(new TaxiiError(503, "Busy", "Every database connection is in use; try again shortly.")));
        });
        app.exception(IllegalArgumentException.class, (e, ctx) -> json(ctx, 400, TaxiiResources.error(TaxiiError.badRequest(e.getMessage()))));
        app.exception(HttpResponseException.class, (e, ctx) -> json(ctx, e.getStatus(),
                TaxiiResources.error(new TaxiiError(e.getStatus(), e.getMessage(), "No such TAXII resource or method here."))));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            json(ctx, 500, TaxiiResources.error(new TaxiiError(500, "Internal error", "The server could not answer; its log says why.")));
        });
    }

    /** Authentication first (401, or 429 after too many failures), then the Accept header (406), then the endpoint. */
    private Handler taxii(Endpoint endpoint) {
        return ctx -> {
            Account who;
            try {
                who = auth.authenticate(ctx.header("Authorization"), client(ctx));
            } catch (SignInRefused refused) {
                refusals.answer(ctx, refused);
                return;
            }
            ctx.attribute("account", who.name());
            if (!MediaTypes.accepts(ctx.header("Accept"))) {
                throw new TaxiiError(406, "Not acceptable", "This server answers in " + MediaTypes.TAXII + " only.");
            }
            endpoint.handle(ctx, who);
        };
    }

    private void getObjects(Context ctx, Account who) throws Exception {
        CollectionConfig c = readable(ctx, who);
        Query q = Filters.forObjects(ctx, who, config.pageLimit());
        Page<StoredObject> page = stix(s -> s.objects(c.id(), q));
        dateAddedHeaders(ctx, page.items().stream().map(StoredObject::entry).toList());
        json(ctx, 200, TaxiiResources.envelope(page));
    }

    private void getManifest(Context ctx, Account who) throws Exception {
        CollectionConfig c = readable(ctx, who);
        Query q = Filters.forObjects(ctx, who, config.pageLimit());
        Page<ManifestEntry> page = stix(s -> s.manifest(c.id(), q));
        dateAddedHeaders(ctx, page.items());
        json(ctx, 200, TaxiiResources.manifest(page));
    }

    private void getObject(Context ctx, Account who) throws Exception {
        CollectionConfig c = readable(ctx, who);
        String id = existing(ctx, c, who);
        Query q = Filters.forObject(ctx, who, config.pageLimit(), id);
        Page<StoredObject> page = stix(s -> s.objects(c.id(), q));
        dateAddedHeaders(ctx, page.items().stream().map(StoredObject::entry).toList());
        json(ctx, 200, TaxiiResources.envelope(page));
    }

    private void getVersions(Context ctx, Account who) throws Exception {
        CollectionConfig c = readable(ctx, who);
        String id = existing(ctx, c, who);
        Query q = Filters.forVersions(ctx, who, config.pageLimit());
        Page<ManifestEntry> page = stix(s -> s.versions(c.id(), id, q));
        dateAddedHeaders(ctx, page.items());
        json(ctx, 200, TaxiiResources.versions(page));
    }

    private void deleteObject(Context ctx, Account who) throws Exception {
        CollectionConfig c = readable(ctx, who);
        if (!who.canWrite(c.id())) {
            throw TaxiiError.forbidden("Account " + who.name() + " may not delete from collection " + c.id() + ".");
        }
        String id = existing(ctx, c, who);
        Query q = Filters.forDelete(ctx, who);
        int deleted = stix(s -> s.delete(c.id(), id, q));
        LOG.info("{} deleted {} version(s) of {} from {}", who.name(), deleted, id, c.id());
        ctx.status(200);
    }

    private void addObjects(Context ctx, Account who) throws Exception {
        CollectionConfig c = collection(ctx, who);
        if (!who.canWrite(c.id())) {
            throw TaxiiError.forbidden("Account " + who.name() + " may not add to collection " + c.id() + ".");
        }
        if (!MediaTypes.isTaxii(ctx.contentType())) {
            throw new TaxiiError(415, "Unsupported media type", "POST a TAXII envelope as " + MediaTypes.TAXII + ", not "
                    + ctx.contentType() + ".");
        }
        JsonNode envelope = TaxiiResources.parse(body(ctx));
        JsonNode array = envelope.path("objects");
        if (!array.isArray() || array.isEmpty()) {
            throw TaxiiError.badRequest("The body must be a TAXII envelope with a non-empty objects list.");
        }
        Instant requested = Instant.now();
        List<JsonNode> objects = new ArrayList<>();
        array.forEach(objects::add);
        AddResult result = stix(s -> s.add(c.id(), objects, "foreign"));
        ObjectNode status = TaxiiResources.status(requested, result);
        statuses.keep(who, status);
        List<JsonNode> added = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            if (result.outcomes().get(i).kind() == AddResult.Kind.ADDED) {
                added.add(objects.get(i));
            }
        }
        if (!added.isEmpty()) {
            try {
                onAdded.accept(added);
            } catch (RuntimeException e) { // stored is stored: the hook's trouble is logged, not the client's
                LOG.error("the hook for objects added to {} failed", c.id(), e);
            }
        }
        json(ctx, 202, status);
    }

    /** The body, refused with 413 beyond max_content_length (by its Content-Length, or while reading it). */
    private byte[] body(Context ctx) throws IOException {
        long max = config.maxContentLength();
        long declared = ctx.req().getContentLengthLong();
        if (declared > max) {
            throw tooLarge(declared);
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
            if (body.length > max) {
                throw tooLarge(body.length);
            }
            return body;
        }
    }

    private TaxiiError tooLarge(long size) {
        return new TaxiiError(413, "Request too large", "The body (" + size + " bytes or more) exceeds max_content_length ("
                + config.maxContentLength() + " bytes).");
    }

    /** The collection in the path, for a caller with some right on it: 404 unknown, 403 without any right. */
    private CollectionConfig collection(Context ctx, Account who) {
        CollectionConfig c = config.collection(ctx.pathParam("id"));
        if (c == null) {
            throw TaxiiError.notFound("No collection " + ctx.pathParam("id") + " here.");
        }
        if (!who.canRead(c.id()) && !who.canWrite(c.id())) {
            throw TaxiiError.forbidden("Account " + who.name() + " has no rights on collection " + c.id() + ".");
        }
        return c;
    }

    private CollectionConfig readable(Context ctx, Account who) {
        CollectionConfig c = collection(ctx, who);
        if (!who.canRead(c.id())) {
            throw TaxiiError.forbidden("Account " + who.name() + " may not read collection " + c.id() + ".");
        }
        return c;
    }

    /** The object in the path if the caller may see a version of it; otherwise the same 404 as for no object at all. */
    private String existing(Context ctx, CollectionConfig c, Account who) throws Exception {
        String id = ctx.pathParam("object");
        if (!stix(s -> s.contains(c.id(), id, !who.partner()))) {
            throw TaxiiError.notFound("No object " + id + " in collection " + c.id() + ".");
        }
        return id;
    }

    /** Work with the store on a connection leased for it. */
    private interface StixWork<T> {
        T run(StixObjects stix) throws Exception;
    }

    private <T> T stix(StixWork<T> work) throws Exception {
        try (Connection c = db.lease()) {
            return work.run(new StixObjects(c));
        }
    }

    /** The key the request's client is counted under for failed sign-ins. */
    private String client(Context ctx) {
        return clients.of(ctx.req().getRemoteAddr(), Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
    }

    /** PBKDF2 password checks run so far (tests: what the sign-in limits save). */
    long passwordHashes() {
        return auth.passwordHashes();
    }

    private static void dateAddedHeaders(Context ctx, List<ManifestEntry> entries) {
        if (!entries.isEmpty()) {
            ctx.header("X-TAXII-Date-Added-First", StixTimestamps.micros(entries.get(0).dateAdded()));
            ctx.header("X-TAXII-Date-Added-Last", StixTimestamps.micros(entries.get(entries.size() - 1).dateAdded()));
        }
    }

    private String baseUrl(Context ctx) {
        if (config.publicUrl() != null) {
            return config.publicUrl();
        }
        String host = ctx.host();
        return ctx.scheme() + "://" + (host != null ? host : ctx.req().getServerName() + ":" + ctx.req().getServerPort());
    }

    private static void json(Context ctx, int status, ObjectNode body) {
        try {
            ctx.status(status).contentType(MediaTypes.TAXII).result(TaxiiResources.JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a TAXII resource that Jackson cannot write", e);
        }
    }

    /** Stops serving and publishing; the connections are the caller's to close. */
    @Override
    public void close() {
        publisher.close();
        app.stop();
        refusals.close();
    }
}
