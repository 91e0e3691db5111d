package org.tocsin.server;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.tocsin.input.JsonLimits;
import org.tocsin.store.stix.AddResult;
import org.tocsin.store.stix.EmptyLists;
import org.tocsin.store.stix.ManifestEntry;
import org.tocsin.store.stix.StixObjects.Page;
import org.tocsin.store.stix.StixTimestamps;
import org.tocsin.store.stix.StoredObject;

/**
 * The TAXII 2.1 resources (§4–5) as JSON. Optional lists are left out when empty, as TAXII's resource definitions
 * ask of optional properties with nothing in them.
 */
final class TaxiiResources {
    static final ObjectMapper JSON = new ObjectMapper();

    private TaxiiResources() {
    }

    /** Discovery: the one API root this server has. */
    static ObjectNode discovery(ServerConfig config, String base) {
        ObjectNode d = JSON.createObjectNode().put("title", config.title());
        optional(d, "description", config.description());
        String root = base + "/" + config.apiRoot() + "/";
        d.put("default", root);
        d.putArray("api_roots").add(root);
        return d;
    }

    static ObjectNode apiRoot(ServerConfig config) {
        ObjectNode r = JSON.createObjectNode().put("title", config.title());
        optional(r, "description", config.description());
        r.putArray("versions").add(MediaTypes.TAXII);
        r.put("max_content_length", config.maxContentLength());
        return r;
    }

    /** A collection as the caller sees it: can_read and can_write are the caller's rights. */
    static ObjectNode collection(CollectionConfig c, Account who) {
        ObjectNode o = JSON.createObjectNode().put("id", c.id()).put("title", c.title());
        optional(o, "description", c.description());
        optional(o, "alias", c.alias());
        o.put("can_read", who.canRead(c.id())).put("can_write", who.canWrite(c.id()));
        o.putArray("media_types").add(MediaTypes.STIX);
        return o;
    }

    static ObjectNode collections(List<CollectionConfig> visible, Account who) {
        ObjectNode o = JSON.createObjectNode();
        if (!visible.isEmpty()) {
            ArrayNode list = o.putArray("collections");
            visible.forEach(c -> list.add(collection(c, who)));
        }
        return o;
    }

    /**
     * The envelope: objects, more and next. Objects stored before empty lists were refused (0.1.0 published an analyst's
     * indicator with {@code "techniques": []}, and republishing the same version adds nothing) are served without them.
     */
    static ObjectNode envelope(Page<StoredObject> page) {
        return paged(page, "objects", o -> EmptyLists.without(o.body()));
    }

    static ObjectNode manifest(Page<ManifestEntry> page) {
        return paged(page, "objects", e -> JSON.createObjectNode().put("id", e.id())
                .put("date_added", StixTimestamps.micros(e.dateAdded())).put("version", e.version()).put("media_type", MediaTypes.STIX));
    }

    static ObjectNode versions(Page<ManifestEntry> page) {
        return paged(page, "versions", e -> TextNode.valueOf(e.version()));
    }

    /** A page as TAXII writes one: more, next, and the list (left out when empty). */
    private static <T> ObjectNode paged(Page<T> page, String listName, Function<T, JsonNode> item) {
        ObjectNode o = JSON.createObjectNode().put("more", page.more());
        optional(o, "next", page.next());
        if (!page.items().isEmpty()) {
            ArrayNode list = o.putArray(listName);
            page.items().forEach(i -> list.add(item.apply(i)));
        }
        return o;
    }

    /** The status of a POST the server has finished with: nothing is ever pending here, objects are stored before the reply. */
    static ObjectNode status(Instant requested, AddResult result) {
        ObjectNode s = JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("status", "complete")
                .put("request_timestamp", StixTimestamps.micros(requested)).put("total_count", result.outcomes().size());
        List<AddResult.Outcome> ok = result.outcomes().stream().filter(AddResult.Outcome::succeeded).toList();
        List<AddResult.Outcome> failed = result.outcomes().stream().filter(o -> !o.succeeded()).toList();
        s.put("success_count", ok.size());
        details(s, "successes", ok);
        s.put("failure_count", failed.size());
        details(s, "failures", failed);
        s.put("pending_count", 0);
        return s;
    }

    static ObjectNode error(TaxiiError e) {
        return JSON.createObjectNode().put("title", e.title()).put("description", e.getMessage())
                .put("http_status", Integer.toString(e.status()));
    }

    private static void details(ObjectNode s, String name, List<AddResult.Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        ArrayNode list = s.putArray(name);
        for (AddResult.Outcome o : outcomes) {
            ObjectNode d = list.addObject().put("id", o.id());
            optional(d, "version", o.version());
            d.put("message", o.message());
        }
    }

    private static void optional(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }

    /**
     * A POST's body, read under the limits every entry point has ({@link JsonLimits}: what a POST stores, the store's
     * export carries and {@code tocsin import} reads back); beyond them, a TAXII error that says which limit.
     */
    static JsonNode parse(byte[] body) {
        try {
            return JsonLimits.mapper().readTree(body);
        } catch (StreamConstraintsException e) {
            throw TaxiiError.badRequest("the body is beyond this server's input limits (" + JsonLimits.MAX_DEPTH
                    + " levels of nesting, a STIX object " + JsonLimits.MAX_OBJECT_DEPTH + "; " + JsonLimits.MAX_STRING
                    + " characters in a string; " + JsonLimits.MAX_NUMBER + " digits in a number): "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (java.io.IOException e) {
            throw TaxiiError.badRequest("the body is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
