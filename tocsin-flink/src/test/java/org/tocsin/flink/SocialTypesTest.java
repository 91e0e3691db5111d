package org.tocsin.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.tocsin.social.Post;
import org.tocsin.social.PostKind;
import org.tocsin.social.TraceKind;
import org.tocsin.social.network.Edge;
import org.tocsin.social.read.PostItem;
import org.tocsin.social.trace.Action;
import org.tocsin.social.trace.CoAction;
import org.tocsin.social.trace.KeyedAction;
import org.tocsin.social.trace.PostTraces;

/** Every record the job moves survives Flink's serializers and copies, without Kryo. */
class SocialTypesTest {
    private static final SerializerConfigImpl NO_KRYO = noKryo();

    private static SerializerConfigImpl noKryo() {
        SerializerConfigImpl c = new SerializerConfigImpl();
        c.setGenericTypes(false);
        return c;
    }

    private static final Post POST = new Post("p1", "alice", "Alice", Instant.parse("2024-09-01T10:00:00.250Z"), PostKind.POST,
            "the same words posted again and again by many #one #two https://example.org/a",
            List.of("https://example.org/a", "https://example.org/b"), null, null, null);

    @Test
    void postsAndItemsRoundTrip() throws IOException {
        assertThat(roundTrip(SocialTypes.POST, POST)).isEqualTo(POST);
        Post reshare = new Post("p2", "bob", "bob", Instant.EPOCH, PostKind.RESHARE, null, List.of(), "p1", null, "en");
        assertThat(roundTrip(SocialTypes.POST, reshare)).isEqualTo(reshare);
        PostItem ok = PostItem.of("f.csv#2", POST);
        PostItem problem = PostItem.problem("f.csv#3", "no account_id");
        assertThat(roundTrip(SocialTypes.POST_ITEM, ok)).isEqualTo(ok);
        assertThat(roundTrip(SocialTypes.POST_ITEM, problem)).isEqualTo(problem);
        assertThat(SocialTypes.POST).isInstanceOf(PojoTypeInfo.class);
    }

    @Test
    void keyedActionsRoundTripWithTheirShinglesAndSignatures() throws IOException {
        List<KeyedAction> actions = PostTraces.of(POST);
        assertThat(actions).extracting(k -> k.key().kind()).contains(TraceKind.CO_URL, TraceKind.CO_TEXT, TraceKind.NEAR_TEXT,
                TraceKind.CO_HASHTAGS);
        for (KeyedAction k : actions) {
            KeyedAction back = roundTrip(SocialTypes.KEYED_ACTION, k);
            assertThat(back.key()).isEqualTo(k.key());
            assertSame(back.action(), k.action());
            assertSame(roundTrip(SocialTypes.ACTION, k.action()), k.action());
        }
    }

    @Test
    void edgesRoundTripWithTheirEvidence() throws IOException {
        CoAction c1 = new CoAction(TraceKind.CO_URL, "example.org/a", "alice", "p1", 10, "bob", "p2", 20);
        CoAction c2 = new CoAction(TraceKind.CO_TEXT, "the same words", "alice", "p3", 30, "bob", "p4", 31);
        CoAction c3 = new CoAction(TraceKind.CO_URL, "example.org/b", "alice", "p5", 40, "bob", "p6", 45);
        Edge e = Edge.of(c1).merge(Edge.of(c2)).merge(Edge.of(c3));
        assertThat(e.weight()).isEqualTo(3);
        assertThat(roundTrip(SocialTypes.CO_ACTION, c1)).isEqualTo(c1);
        Edge back = roundTrip(SocialTypes.EDGE, e);
        assertThat(back).isEqualTo(e);
        assertThat(back.merge(Edge.of(c1))).isEqualTo(e.merge(Edge.of(c1)));
    }

    private static void assertSame(Action x, Action y) {
        assertThat(x.accountId()).isEqualTo(y.accountId());
        assertThat(x.postId()).isEqualTo(y.postId());
        assertThat(x.second()).isEqualTo(y.second());
        assertThat(x.item()).isEqualTo(y.item());
        assertThat(x.shingles()).isEqualTo(y.shingles());
        assertThat(x.signature()).isEqualTo(y.signature());
    }

    /** Serialised and read back, and copied: both must give an equal record. */
    private static <T> T roundTrip(TypeInformation<T> type, T value) throws IOException {
        TypeSerializer<T> s = type.createSerializer(NO_KRYO);
        DataOutputSerializer out = new DataOutputSerializer(256);
        s.serialize(value, out);
        T back = s.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        T copy = s.copy(value);
        List<T> both = new ArrayList<>(List.of(back, copy));
        assertThat(both.get(1)).usingRecursiveComparison().isEqualTo(back);
        // and the serializer's own snapshot and duplicate work (state and restarts use them)
        assertThat(s.snapshotConfiguration()).isNotNull();
        assertThat(s.duplicate().copy(value)).usingRecursiveComparison().isEqualTo(back);
        return back;
    }
}
