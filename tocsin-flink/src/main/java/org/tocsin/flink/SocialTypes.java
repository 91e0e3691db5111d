package org.tocsin.flink;

import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.tocsin.social.Post;
import org.tocsin.social.PostKind;
import org.tocsin.social.TraceKind;
import org.tocsin.social.network.Edge;
import org.tocsin.social.network.TraceEvidence;
import org.tocsin.social.read.PostItem;
import org.tocsin.social.trace.Action;
import org.tocsin.social.trace.CoAction;
import org.tocsin.social.trace.KeyedAction;
import org.tocsin.social.trace.TraceKey;

/**
 * How Flink serialises the social records: each is a Java record handled by Flink's POJO serializer (records are
 * rebuilt through their canonical constructor), with every field's type given here rather than extracted. Left
 * to extraction, a {@code List} field is a generic type and goes to Kryo, which can neither rebuild a record nor
 * fill the immutable lists of {@code List.copyOf}; given as {@link Types#LIST}, a list is written element by
 * element and read back as an {@code ArrayList} that the record's constructor copies as usual. The job disables
 * generic types, so any type that would fall back to Kryo fails the job at submission instead of at run time.
 */
public final class SocialTypes {
    private static final TypeInformation<String> STRING = Types.STRING;

    public static final TypeInformation<Post> POST = Types.POJO(Post.class, Map.of("postId", STRING, "accountId", STRING,
            "accountName", STRING, "createdAt", Types.INSTANT, "kind", Types.ENUM(PostKind.class), "text", STRING, "urls",
            Types.LIST(STRING), "reshareOf", STRING, "replyTo", STRING, "lang", STRING));

    public static final TypeInformation<PostItem> POST_ITEM = Types.POJO(PostItem.class, Map.of("source", STRING, "post", POST,
            "error", STRING, "merged", Types.BOOLEAN));

    public static final TypeInformation<TraceKey> TRACE_KEY = Types.POJO(TraceKey.class, Map.of("kind", Types.ENUM(TraceKind.class),
            "hash", Types.LONG, "band", Types.INT));

    public static final TypeInformation<Action> ACTION = Types.POJO(Action.class, Map.of("accountId", STRING, "postId", STRING,
            "second", Types.LONG, "item", STRING, "shingles", Types.PRIMITIVE_ARRAY(Types.LONG), "signature",
            Types.PRIMITIVE_ARRAY(Types.INT)));

    public static final TypeInformation<KeyedAction> KEYED_ACTION = Types.POJO(KeyedAction.class, Map.of("key", TRACE_KEY,
            "action", ACTION));

    public static final TypeInformation<CoAction> CO_ACTION = Types.POJO(CoAction.class, Map.of("kind", Types.ENUM(TraceKind.class),
            "item", STRING, "accountA", STRING, "postA", STRING, "secondA", Types.LONG, "accountB", STRING, "postB", STRING,
            "secondB", Types.LONG));

    public static final TypeInformation<TraceEvidence> TRACE_EVIDENCE = Types.POJO(TraceEvidence.class, Map.of("kind",
            Types.ENUM(TraceKind.class), "count", Types.LONG, "first", Types.LONG, "last", Types.LONG, "samples",
            Types.LIST(CO_ACTION)));

    public static final TypeInformation<Edge> EDGE = Types.POJO(Edge.class, Map.of("a", STRING, "b", STRING, "traces",
            Types.LIST(TRACE_EVIDENCE)));

    /**
     * What the pairing is keyed by: a {@link TraceKey} as (kind ordinal, hash, band). Not the record itself: its
     * {@code hashCode} includes an enum's, which is an identity hash and differs from one JVM to the next, so a
     * cluster's task managers would disagree on which of them owns a key.
     */
    public static final TypeInformation<Tuple3<Integer, Long, Integer>> PAIRING_KEY = Types.TUPLE(Types.INT, Types.LONG, Types.INT);

    private SocialTypes() {
    }

    static Tuple3<Integer, Long, Integer> pairingKey(TraceKey k) {
        return Tuple3.of(k.kind().ordinal(), k.hash(), k.band());
    }

    static TraceKey traceKey(Tuple3<Integer, Long, Integer> k) {
        return new TraceKey(TraceKind.values()[k.f0], k.f1, k.f2);
    }
}
