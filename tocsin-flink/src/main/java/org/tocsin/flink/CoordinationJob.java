package org.tocsin.flink;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;
import org.tocsin.social.Account;
import org.tocsin.social.CoordinationSettings;
import org.tocsin.social.Post;
import org.tocsin.social.coordination.CoordinationRun;
import org.tocsin.social.coordination.CoordinationSummary;
import org.tocsin.social.network.CoordinationJson;
import org.tocsin.social.network.CoordinationNetwork;
import org.tocsin.social.network.Edge;
import org.tocsin.social.read.AccountsReader;
import org.tocsin.social.read.PostItem;
import org.tocsin.social.trace.AccountTraces;
import org.tocsin.social.trace.KeyedAction;
import org.tocsin.social.trace.PostTraces;
import org.tocsin.social.trace.WindowPairer;

/**
 * The coordination analysis as a Flink DataStream job, with the embedded runner's classes ({@link CoordinationRun}):
 * posts are read by {@link PostsFormat}, stamped with their time (bounded out-of-orderness = the lateness), turned
 * into keyed actions by {@link PostTraces}, keyed by trace key and paired in event-time order by
 * {@link PairActions} (a {@link WindowPairer} per key), and the co-actions become {@link Edge}s reduced per
 * account pair with {@link Edge#merge}.
 *
 * <p>Batch ({@code --input POSTS --output CLUSTERS}): {@link RuntimeExecutionMode#BATCH}, the final edges collected
 * in the driver and clustered there by {@link CoordinationNetwork#cluster} (Leiden once, on the edge list, which is
 * far smaller than the posts); clusters written as JSON lines. Streaming ({@code --monitor DURATION}): the inputs
 * are watched for new files, and every update of an edge is written to the {@code --output} directory as a JSON
 * line (an account pair's latest line — the one of greatest weight — is its edge so far); files are committed at
 * checkpoints. See docs/flink.md.
 */
public final class CoordinationJob {
    private CoordinationJob() {
    }

    public static void main(String[] args) throws Exception {
        if (JobOptions.helpRequested(args)) {
            System.out.print(JobOptions.usage());
            return;
        }
        JobOptions options;
        try {
            options = JobOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("tocsin-flink: " + e.getMessage());
            System.err.print(JobOptions.usage());
            throw e; // flink run reports it; exiting the JVM is not for a job's main to do
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        if (options.streaming()) {
            streaming(env, options);
            env.execute("tocsin coordination (streaming)");
            return;
        }
        List<Account> accounts = List.of();
        if (options.accounts() != null) {
            AccountsReader.Read read = AccountsReader.read(java.nio.file.Path.of(options.accounts()));
            read.problems().forEach(p -> System.err.println("tocsin-flink: " + p));
            accounts = new ArrayList<>(read.byId().values());
        }
        Summary s = batch(env, options, accounts);
        s.problemSamples().forEach(p -> System.err.println("tocsin-flink: " + p));
        System.out.println(s.summary().text() + " written to " + options.output());
    }

    /**
     * What a batch run read, found and wrote.
     *
     * @param summary        the same summary as {@code tocsin posts coordination}'s (also the last line of the output)
     * @param problemSamples the first unreadable items, with where and why
     * @param lateActions    actions that reached the pairing behind the watermark (streaming; 0 in batch mode)
     */
    public record Summary(CoordinationSummary summary, List<String> problemSamples, long lateActions, List<Edge> allEdges,
                          CoordinationNetwork.Result result) {
        public long posts() {
            return summary.posts();
        }

        public long problems() {
            return summary.unreadable();
        }

        public long coActions() {
            return summary.coActions();
        }
    }

    /**
     * Runs the batch job over the inputs and clusters the edges in the driver; writes the clusters (and with
     * {@code --edges} the kept edges) as JSON lines.
     *
     * @param accounts the accounts file's accounts, whose creation bursts join the edges as in
     *                 {@link CoordinationRun#addAccounts} (empty: none)
     */
    public static Summary batch(StreamExecutionEnvironment env, JobOptions options, Collection<Account> accounts) throws Exception {
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        DataStream<Edge> edges = edges(env, options);
        Map<String, Edge> all = new HashMap<>();
        JobExecutionResult done;
        try (CloseableIterator<Edge> it = edges.collectAsync()) {
            JobClient client = env.executeAsync("tocsin coordination (batch)");
            while (it.hasNext()) {
                Edge e = it.next();
                all.merge(e.key(), e, Edge::merge);
            }
            done = client.getJobExecutionResult().get();
        }
        long[] accountCoActions = {0};
        if (!accounts.isEmpty()) {
            AccountTraces.coActions(new ArrayList<>(accounts), options.settings(), c -> {
                accountCoActions[0]++;
                Edge e = Edge.of(c);
                all.merge(e.key(), e, Edge::merge);
            });
        }
        CoordinationNetwork.Result result = CoordinationNetwork.cluster(all.values(), options.settings());
        CoordinationSummary summary = new CoordinationSummary(counter(done, SplitProblems.POSTS), counter(done, SplitProblems.PROBLEMS),
                counter(done, SplitProblems.MERGED_ROWS), counter(done, Traces.LATE_POSTS), counter(done, PairActions.CO_ACTIONS)
                + accountCoActions[0], all.size(), result.edges().size(), result.clusters().size(), 0);
        // the clusters, then the summary: the lines of tocsin posts coordination --json
        List<String> lines = new ArrayList<>(result.clusters().stream().map(c -> CoordinationJson.line(CoordinationJson.cluster(c))).toList());
        lines.add(CoordinationJson.line(summary.json()));
        write(options.output(), lines);
        if (options.edges() != null) {
            write(options.edges(), result.edges().stream().map(e -> CoordinationJson.line(CoordinationJson.edge(e))).toList());
        }
        return new Summary(summary, SplitProblems.samples(done.getAccumulatorResult(SplitProblems.PROBLEM_SAMPLES)),
                counter(done, PairActions.LATE), new ArrayList<>(all.values()), result);
    }

    /**
     * Sets up the streaming job: the inputs watched every {@code --monitor}, each edge update written as a JSON line
     * into the {@code --output} directory, committed at every checkpoint. Start it with {@code env.execute} or
     * {@code env.executeAsync}.
     */
    public static void streaming(StreamExecutionEnvironment env, JobOptions options) {
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.enableCheckpointing(options.checkpointInterval().toMillis());
        // a part file per checkpoint: the updates become visible (committed) at every checkpoint
        FileSink<String> sink = FileSink.forRowFormat(new Path(options.output()), new SimpleStringEncoder<String>("UTF-8"))
                .withRollingPolicy(OnCheckpointRollingPolicy.build()).build();
        edges(env, options).map(e -> CoordinationJson.line(CoordinationJson.edge(e)), Types.STRING).name("edge as JSON").sinkTo(sink).name("edge updates");
    }

    /**
     * The pipeline both modes share, up to the edges: in BATCH mode one final edge per account pair, in STREAMING mode
     * an updated edge whenever a co-action joins it. The runtime mode must be set before.
     */
    public static DataStream<Edge> edges(StreamExecutionEnvironment env, JobOptions options) {
        // the records are immutable, so handing one operator's output to the next without a copy is safe; and
        // nothing may silently fall back to Kryo (see SocialTypes)
        env.configure(new Configuration().set(PipelineOptions.OBJECT_REUSE, true).set(PipelineOptions.GENERIC_TYPES, false));
        CoordinationSettings settings = options.settings();
        long window = settings.window().toSeconds();
        // exactly the embedded runner's rules
        WindowPairer.Rules rules = new WindowPairer.Rules(window, window + settings.lateness().toSeconds(), settings.maxPerKey(),
                settings.nearThreshold());
        var source = FileSource.forBulkFileFormat(PostsFormat.files(), options.inputs().stream().map(Path::new).toArray(Path[]::new));
        if (options.streaming()) {
            source.monitorContinuously(options.monitor());
        }
        WatermarkStrategy<Post> time = WatermarkStrategy.<Post>forBoundedOutOfOrderness(settings.lateness())
                .withTimestampAssigner((p, previous) -> p.createdAt().toEpochMilli());
        if (options.streaming()) {
            time = time.withIdleness(options.idleness());
        }
        DataStream<PostItem> items = env.fromSource(source.build(), WatermarkStrategy.noWatermarks(), "posts", SocialTypes.POST_ITEM);
        return items.process(new SplitProblems(), SocialTypes.POST).name("problems counted")
                .assignTimestampsAndWatermarks(time).name("post time")
                .rebalance() // one file is one split: spread the traces' work (MinHash) over all subtasks
                .process(new Traces(), SocialTypes.KEYED_ACTION).name("traces")
                .keyBy(new ByTraceKey(), SocialTypes.PAIRING_KEY)
                .process(new PairActions(rules), SocialTypes.CO_ACTION).name("pairs within the window")
                .map(Edge::of, SocialTypes.EDGE).name("edge of a co-action")
                .keyBy(Edge::key, Types.STRING)
                .reduce(Edge::merge).name("edges by account pair");
    }

    private static long counter(JobExecutionResult r, String name) {
        Object v = r.getAccumulatorResult(name);
        return v == null ? 0 : ((Number) v).longValue();
    }

    private static void write(String path, List<String> lines) throws IOException {
        Path p = new Path(path);
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(p.getFileSystem().create(p, FileSystem.WriteMode.OVERWRITE),
                StandardCharsets.UTF_8))) {
            for (String line : lines) {
                w.write(line);
                w.write('\n');
            }
        }
    }

    /**
     * A post's keyed actions ({@link PostTraces}): the same in both runners. A post already behind the watermark here
     * (more than the lateness older than the newest post read) is counted as late, as the embedded runner counts a
     * post read more than the lateness after a newer one; in BATCH mode the watermark only moves at the end, so none is.
     */
    static final class Traces extends ProcessFunction<Post, KeyedAction> {
        static final String LATE_POSTS = "latePosts";
        private static final long serialVersionUID = 1L;
        private transient LongCounter late;

        @Override
        public void open(OpenContext context) {
            late = getRuntimeContext().getLongCounter(LATE_POSTS);
        }

        @Override
        public void processElement(Post p, Context ctx, Collector<KeyedAction> out) {
            Long t = ctx.timestamp();
            if (t != null && t <= ctx.timerService().currentWatermark()) {
                late.add(1);
            }
            PostTraces.of(p).forEach(out::collect);
        }
    }

    /** The pairing key of a keyed action (see {@link SocialTypes#PAIRING_KEY}). */
    static final class ByTraceKey implements KeySelector<KeyedAction, Tuple3<Integer, Long, Integer>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Tuple3<Integer, Long, Integer> getKey(KeyedAction k) {
            return SocialTypes.pairingKey(k.key());
        }
    }
}
