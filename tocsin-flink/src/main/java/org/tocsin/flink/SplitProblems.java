package org.tocsin.flink;

import java.util.ArrayList;
import org.apache.flink.api.common.accumulators.ListAccumulator;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tocsin.social.Post;
import org.tocsin.social.read.PostItem;

/**
 * Posts go on; items that could not be read are counted (the metric {@code postProblems} and the accumulator
 * {@value #PROBLEMS}; merged rows also in {@value #MERGED_ROWS}), the first few of each subtask logged and kept for the driver's report, and all of them sent
 * to the side output {@link #SIDE}. A damaged item never fails the job.
 */
final class SplitProblems extends ProcessFunction<PostItem, Post> {
    static final String POSTS = "posts";
    static final String PROBLEMS = "problems";
    /** Of the problems, CSV records an unclosed quote ran on into the next row ({@link PostItem#merged()}). */
    static final String MERGED_ROWS = "mergedRows";
    static final String PROBLEM_SAMPLES = "problemSamples";
    static final OutputTag<PostItem> SIDE = new OutputTag<>("problems", SocialTypes.POST_ITEM);
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SplitProblems.class);
    private static final int SAMPLES = 10;

    private transient LongCounter posts;
    private transient LongCounter problems;
    private transient LongCounter merged;
    private transient ListAccumulator<String> samples;
    private transient Counter problemMetric;
    private transient int sampled;

    @Override
    public void open(OpenContext context) {
        posts = getRuntimeContext().getLongCounter(POSTS);
        problems = getRuntimeContext().getLongCounter(PROBLEMS);
        merged = getRuntimeContext().getLongCounter(MERGED_ROWS);
        samples = new ListAccumulator<>();
        getRuntimeContext().addAccumulator(PROBLEM_SAMPLES, samples);
        problemMetric = getRuntimeContext().getMetricGroup().counter("postProblems");
    }

    @Override
    public void processElement(PostItem item, Context ctx, Collector<Post> out) {
        if (item.ok()) {
            posts.add(1);
            out.collect(item.post());
            return;
        }
        problems.add(1);
        if (item.merged()) {
            merged.add(1);
        }
        problemMetric.inc();
        if (sampled++ < SAMPLES) {
            LOG.warn("{}: {}", item.source(), item.error());
            samples.add(item.source() + ": " + item.error());
        }
        ctx.output(SIDE, item);
    }

    /** The problem samples of a finished job, however its accumulators came back. */
    @SuppressWarnings("unchecked")
    static java.util.List<String> samples(Object accumulated) {
        return accumulated == null ? java.util.List.of() : new ArrayList<>((java.util.List<String>) accumulated);
    }
}
