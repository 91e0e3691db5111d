package org.tocsin.flink;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.tocsin.social.trace.Action;
import org.tocsin.social.trace.CoAction;
import org.tocsin.social.trace.KeyedAction;
import org.tocsin.social.trace.TraceKey;
import org.tocsin.social.trace.WindowPairer;

/**
 * The pairing of one trace key, the embedded runner's {@link WindowPairer} in keyed state. Actions wait in
 * {@code pending} (by second) until the watermark passes their second, then go to the pairer in time order, ties
 * by post id, so the pairs do not depend on the order in which parallel readers delivered them; the co-actions
 * go downstream.
 *
 * <p>State per key: the pairer as {@code kept} (a {@code ListState<Action>}, oldest first, at most
 * {@code maxPerKey} actions within {@code window + lateness} seconds of {@code newest}) and {@code newest};
 * {@link WindowPairer#restore} rebuilds the pairer from them whenever a second is released. A cleanup timer
 * at {@code newest + keep + 1} clears the key: by then the watermark guarantees any further action is more than
 * {@code keep} seconds newer than everything kept, and the pairer would evict it all on that action's arrival — so
 * clearing changes nothing but the state size. An action behind the watermark when it arrives (input more out of
 * order than the lateness allows) is counted as late and paired at the next watermark with what is still kept.
 *
 * <p>Timers: a second's release at {@code second * 1000 + 999} ms, the cleanup at a whole second; so the two are
 * told apart by their millisecond.
 */
final class PairActions extends KeyedProcessFunction<Tuple3<Integer, Long, Integer>, KeyedAction, CoAction> {
    static final String CO_ACTIONS = "coActions";
    static final String LATE = "lateActions";
    private static final long serialVersionUID = 1L;
    private static final Comparator<Action> ORDER = Comparator.comparing(Action::postId).thenComparing(Action::accountId)
            .thenComparing(Action::item);

    // the rules as plain numbers: a function is shipped by Java serialization, and the core records are not Serializable
    private final long windowSeconds;
    private final long keepSeconds;
    private final int maxKept;
    private final double nearThreshold;
    private transient WindowPairer.Rules rules;
    private transient MapState<Long, List<Action>> pending;
    private transient ListState<Action> kept;
    private transient ValueState<Long> newest;
    private transient ValueState<Long> cleanup;
    private transient LongCounter coActions;
    private transient LongCounter late;

    PairActions(WindowPairer.Rules rules) {
        this.windowSeconds = rules.windowSeconds();
        this.keepSeconds = rules.keepSeconds();
        this.maxKept = rules.maxKept();
        this.nearThreshold = rules.nearThreshold();
    }

    @Override
    public void open(OpenContext context) {
        rules = new WindowPairer.Rules(windowSeconds, keepSeconds, maxKept, nearThreshold);
        pending = getRuntimeContext().getMapState(new MapStateDescriptor<>("pending", Types.LONG, Types.LIST(SocialTypes.ACTION)));
        kept = getRuntimeContext().getListState(new ListStateDescriptor<>("kept", SocialTypes.ACTION));
        newest = getRuntimeContext().getState(new ValueStateDescriptor<>("newest", Types.LONG));
        cleanup = getRuntimeContext().getState(new ValueStateDescriptor<>("cleanup", Types.LONG));
        coActions = getRuntimeContext().getLongCounter(CO_ACTIONS);
        late = getRuntimeContext().getLongCounter(LATE);
    }

    @Override
    public void processElement(KeyedAction k, Context ctx, Collector<CoAction> out) throws Exception {
        long second = k.action().second();
        List<Action> at = pending.get(second);
        List<Action> list = at == null ? new ArrayList<>(2) : new ArrayList<>(at);
        list.add(k.action());
        pending.put(second, list);
        long release = second * 1000 + 999;
        if (release <= ctx.timerService().currentWatermark()) {
            late.add(1);
        }
        ctx.timerService().registerEventTimeTimer(release);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<CoAction> out) throws Exception {
        if (Math.floorMod(timestamp, 1000L) != 999) {
            Long n = newest.value();
            if (n != null && timestamp >= (n + rules.keepSeconds() + 1) * 1000) {
                kept.clear();
                newest.clear();
                cleanup.clear();
            }
            return;
        }
        long second = Math.floorDiv(timestamp, 1000L);
        List<Action> ready = pending.get(second);
        if (ready == null) {
            return;
        }
        pending.remove(second);
        List<Action> sorted = new ArrayList<>(ready);
        sorted.sort(ORDER);
        Long n = newest.value();
        List<Action> was = new ArrayList<>();
        Iterable<Action> k = kept.get();
        if (k != null) {
            k.forEach(was::add);
        }
        WindowPairer pairer = WindowPairer.restore(was, n == null ? Long.MIN_VALUE : n);
        TraceKey key = SocialTypes.traceKey(ctx.getCurrentKey());
        for (Action a : sorted) {
            pairer.add(key, a, rules, c -> {
                coActions.add(1);
                out.collect(c);
            });
        }
        kept.update(pairer.kept());
        newest.update(pairer.newest());
        if (ctx.timerService().currentWatermark() == Long.MAX_VALUE) {
            return; // the input has ended (always so in BATCH mode): no timer can fire again, and state goes with the key
        }
        long clearAt = (pairer.newest() + rules.keepSeconds() + 1) * 1000;
        Long previous = cleanup.value();
        if (previous == null || previous != clearAt) {
            if (previous != null) {
                ctx.timerService().deleteEventTimeTimer(previous);
            }
            ctx.timerService().registerEventTimeTimer(clearAt);
            cleanup.update(clearAt);
        }
    }
}
