package org.tocsin.social.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.tocsin.social.trace.CoAction;
import org.tocsin.social.trace.PersonaCheck;

/**
 * The JSON objects of coordination results, the same from {@code tocsin posts coordination --json} and the Flink
 * job: one per cluster ({@code cluster, accounts, score, density, co_actions, traces, first, last, top_items,
 * evidence, techniques}; the CLI adds {@code personas} and, with known categories, {@code categories} and
 * {@code purity}), per edge ({@code edge, weight, traces} with samples) and per persona match.
 */
public final class CoordinationJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CoordinationJson() {
    }

    public static ObjectNode cluster(Cluster c) {
        ObjectNode o = JSON.createObjectNode();
        o.put("cluster", c.id());
        c.accounts().forEach(o.putArray("accounts")::add);
        o.put("score", c.score());
        o.put("density", c.density());
        o.put("co_actions", c.coActions());
        ArrayNode traces = o.putArray("traces");
        for (Cluster.TraceSummary t : c.traces()) {
            traces.addObject().put("trace", t.kind().jsonName()).put("technique", t.kind().technique()).put("edges", t.edges())
                    .put("co_actions", t.coActions());
        }
        o.put("first", Instant.ofEpochSecond(c.first()).toString());
        o.put("last", Instant.ofEpochSecond(c.last()).toString());
        ArrayNode items = o.putArray("top_items");
        for (Cluster.SharedItem i : c.topItems()) {
            items.addObject().put("trace", i.kind().jsonName()).put("item", i.item()).put("count", i.count());
        }
        ArrayNode evidence = o.putArray("evidence");
        c.samples().forEach(s -> evidence.add(coAction(s)));
        c.techniques().forEach(o.putArray("techniques")::add);
        return o;
    }

    public static ObjectNode edge(Edge e) {
        ObjectNode o = JSON.createObjectNode();
        o.putArray("edge").add(e.a()).add(e.b());
        o.put("weight", e.weight());
        ArrayNode traces = o.putArray("traces");
        for (TraceEvidence t : e.traces()) {
            ObjectNode tn = traces.addObject().put("trace", t.kind().jsonName()).put("count", t.count())
                    .put("first", Instant.ofEpochSecond(t.first()).toString()).put("last", Instant.ofEpochSecond(t.last()).toString());
            ArrayNode samples = tn.putArray("samples");
            t.samples().forEach(s -> samples.add(coAction(s)));
        }
        return o;
    }

    public static ObjectNode persona(PersonaCheck.PersonaMatch m) {
        return JSON.createObjectNode().put("persona", m.accountId()).put("shown", m.shown()).put("impersonates", m.impersonates())
                .put("evidence", m.how()).put("technique", m.technique());
    }

    public static ObjectNode coAction(CoAction s) {
        ObjectNode e = JSON.createObjectNode();
        e.put("trace", s.kind().jsonName()).put("item", s.item());
        e.putObject("a").put("account", s.accountA()).put("post", s.postA()).put("time", Instant.ofEpochSecond(s.secondA()).toString());
        e.putObject("b").put("account", s.accountB()).put("post", s.postB()).put("time", Instant.ofEpochSecond(s.secondB()).toString());
        return e;
    }

    /** One line of JSON Lines. */
    public static String line(ObjectNode o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree of strings and numbers always serialises
        }
    }
}
