package org.tocsin.server;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.tocsin.store.stix.StixObjects.Query;
import org.tocsin.store.stix.StixTimestamps;

/**
 * TAXII 2.1's URL filters (§3.4) read into a store query: added_after, limit (at most the server's page limit),
 * next, and match[id|type|version|spec_version], each a comma-separated list and possibly repeated. Each endpoint
 * reads the filters it supports; others are ignored, as TAXII asks. A malformed value is a 400.
 */
final class Filters {
    private Filters() {
    }

    /** The filters of the objects and manifest endpoints; match[version] defaults to last. */
    static Query forObjects(Context ctx, Account who, int pageLimit) {
        return versions(ctx, paged(ctx, who, pageLimit).withIds(list(ctx, "match[id]")).withTypes(list(ctx, "match[type]")),
                List.of("last"));
    }

    /** The filters of the single-object endpoint (GET): no match[id] or match[type] there. */
    static Query forObject(Context ctx, Account who, int pageLimit, String objectId) {
        return versions(ctx, paged(ctx, who, pageLimit).withIds(List.of(objectId)), List.of("last"));
    }

    /** The filters of the versions endpoint. */
    static Query forVersions(Context ctx, Account who, int pageLimit) {
        return paged(ctx, who, pageLimit);
    }

    /** The filters of DELETE: match[version] (every version by default) and match[spec_version]. */
    static Query forDelete(Context ctx, Account who) {
        return versions(ctx, Query.latest(!who.partner()).withSpecVersions(list(ctx, "match[spec_version]")), List.of());
    }

    private static Query paged(Context ctx, Account who, int pageLimit) {
        Query q = Query.latest(!who.partner()).withLimit(limit(ctx, pageLimit)).withNext(ctx.queryParam("next"))
                .withSpecVersions(list(ctx, "match[spec_version]"));
        String addedAfter = ctx.queryParam("added_after");
        if (addedAfter != null) {
            try {
                q = q.withAddedAfter(StixTimestamps.parse(addedAfter));
            } catch (IllegalArgumentException e) {
                throw TaxiiError.badRequest("added_after: " + e.getMessage());
            }
        }
        return q;
    }

    private static int limit(Context ctx, int pageLimit) {
        String text = ctx.queryParam("limit");
        if (text == null) {
            return pageLimit;
        }
        try {
            int n = Integer.parseInt(text);
            if (n < 1) {
                throw TaxiiError.badRequest("limit is a positive whole number, not " + text);
            }
            return Math.min(n, pageLimit);
        } catch (NumberFormatException e) {
            throw TaxiiError.badRequest("limit is a positive whole number, not " + text);
        }
    }

    /** match[version], or {@code otherwise} when not given. */
    private static Query versions(Context ctx, Query q, List<String> otherwise) {
        List<String> v = list(ctx, "match[version]");
        try {
            return q.withVersions(v.isEmpty() ? otherwise : v);
        } catch (IllegalArgumentException e) {
            throw TaxiiError.badRequest("match[version] takes last, first, all or a timestamp: " + e.getMessage());
        }
    }

    private static List<String> list(Context ctx, String name) {
        List<String> out = new ArrayList<>();
        for (String value : ctx.queryParams(name)) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    out.add(item.trim());
                }
            }
        }
        return out;
    }
}
