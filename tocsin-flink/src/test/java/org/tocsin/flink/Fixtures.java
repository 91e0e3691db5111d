package org.tocsin.flink;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.tocsin.profile.Profile;
import org.tocsin.social.CoordinationSettings;
import org.tocsin.social.Post;
import org.tocsin.social.SyntheticPosts;
import org.tocsin.social.coordination.CoordinationRun;
import org.tocsin.social.network.Edge;
import org.tocsin.social.read.PostArchives;
import org.tocsin.social.read.PostItem;
import org.tocsin.social.trace.PersonaCheck;

/** Posts files for the tests, the embedded runner over them, and the MiniCluster the jobs run on. */
final class Fixtures {
    private Fixtures() {
    }

    /** Two task managers of one slot each: parallelism 2, and records cross the network between them. */
    static MiniClusterExtension miniCluster() {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(2)
                .setNumberSlotsPerTaskManager(1).build());
    }

    /** The synthetic posts as canonical CSV, the layout of {@code tocsin posts bench --write}. */
    static Path writeCsv(SyntheticPosts spec, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("post_id,account_id,account_name,created_at,kind,text,urls,reshare_of,reply_to,lang\n");
            Iterator<Post> it = spec.iterator();
            while (it.hasNext()) {
                w.write(csvLine(it.next()));
            }
        }
        return file;
    }

    static String csvLine(Post p) {
        return p.postId() + "," + p.accountId() + "," + p.accountName() + "," + p.createdAt() + "," + p.kind().jsonName() + ","
                + csv(p.text()) + "," + String.join(" ", p.urls()) + "," + (p.reshareOf() == null ? "" : p.reshareOf()) + ","
                + (p.replyTo() == null ? "" : p.replyTo()) + "," + (p.lang() == null ? "" : p.lang()) + "\n";
    }

    private static String csv(String s) {
        return s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** The embedded runner over the inputs, as {@code tocsin posts coordination} runs it. */
    static Embedded embedded(List<String> inputs, CoordinationSettings settings) throws IOException {
        CoordinationRun run = new CoordinationRun(settings, new PersonaCheck(Profile.empty()));
        long problems = 0;
        long merged = 0;
        try (PostArchives archives = PostArchives.open(inputs)) {
            PostItem item;
            while ((item = archives.next()) != null) {
                if (item.ok()) {
                    run.add(item.post());
                } else {
                    problems++;
                    merged += item.merged() ? 1 : 0;
                }
            }
        }
        run.endOfInput();
        return new Embedded(run, problems, merged);
    }

    record Embedded(CoordinationRun run, long problems, long mergedRows) {
        /** The summary {@code tocsin posts coordination} prints for this run. */
        org.tocsin.social.coordination.CoordinationSummary summary() {
            return run.summary(problems, mergedRows, run.finish());
        }
    }

    static Map<String, Edge> byKey(Iterable<Edge> edges) {
        Map<String, Edge> out = new HashMap<>();
        for (Edge e : edges) {
            if (out.put(e.key(), e) != null) {
                throw new AssertionError("two edges for one account pair: " + e.a() + " " + e.b());
            }
        }
        return out;
    }
}
