package org.tocsin.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tocsin.social.CoordinationSettings;
import org.tocsin.social.coordination.CoordinationRun;
import org.tocsin.social.coordination.CoordinationSummary;
import org.tocsin.social.network.Cluster;
import org.tocsin.social.network.CoordinationJson;
import org.tocsin.social.network.CoordinationNetwork;
import org.tocsin.social.network.Purity;
import org.tocsin.social.read.AccountLabels;
import org.tocsin.social.read.AccountsReader;
import org.tocsin.social.read.PostArchives;
import org.tocsin.social.read.PostItem;
import org.tocsin.social.trace.CoAction;
import org.tocsin.social.trace.PersonaCheck;
import org.tocsin.social.CoordinationOptions;
import org.tocsin.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tocsin posts coordination POSTS...}: clusters of accounts that act in concert, each explained. */
@Command(name = "coordination", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Find accounts acting in concert: the same links, reshares, texts, near-identical texts or hashtag sequences"
                + " within a sliding time window; clusters found with Leiden, each scored and explained.",
                "POSTS: posts CSV or JSON Lines (canonical schema), X/Twitter API v2 JSON, Telegram Desktop export (result.json);"
                        + " files, directories or - for stdin; read by content, gzip or not. Input in time order (up to --lateness)."})
final class PostsCoordinationCommand implements Callable<Integer> {
    @Mixin
    CoordinationOptions coordination = new CoordinationOptions();

    @Option(names = "--accounts", paramLabel = "FILE",
            description = "Accounts file (CSV or JSON Lines: account_id, created_at, name, description): creation bursts and personas.")
    Path accountsPath;

    @Mixin
    ProfileOption profile = new ProfileOption();

    @Option(names = "--truth", paramLabel = "CSV", description = "Known account categories (account_id, category): report each cluster's purity.")
    Path truthPath;

    @Option(names = "--json", description = "One JSON object per cluster (and per persona match), then a summary object.")
    boolean json;

    @Option(names = "--edges", description = "With --json, also one object per edge kept for clustering.")
    boolean edges;

    @Parameters(arity = "1..*", paramLabel = "POSTS")
    List<String> inputs;

    @Override
    public Integer call() throws IOException, InterruptedException {
        CoordinationSettings settings;
        try {
            settings = coordination.settings();
        } catch (IllegalArgumentException e) {
            throw new UsageProblem(e.getMessage());
        }
        Map<String, String> truth = truthPath == null ? Map.of() : AccountLabels.read(truthPath);
        CoordinationRun run = new CoordinationRun(settings, new PersonaCheck(profile.load()));
        long problems = 0;
        long merged = 0;
        String firstLate = null;
        try (PostPipe pipe = new PostPipe(PostArchives.open(inputs));
             TerminalProgress progress = new TerminalProgress(() -> progressLine(run))) {
            PostItem item;
            while ((item = pipe.next()) != null) {
                if (item.ok()) {
                    if (run.add(item.post()) && firstLate == null) {
                        firstLate = item.source();
                    }
                } else {
                    problems++;
                    merged += item.merged() ? 1 : 0;
                    System.err.println(json ? JsonLines.error(item.source(), item.error())
                            : "tocsin: " + TerminalText.escape(item.source()) + ": " + TerminalText.escape(item.error()));
                }
                progress.tick();
            }
        }
        run.endOfInput();
        if (firstLate != null) {
            String late = run.stats().late() + " posts came more than --lateness " + CoordinationOptions.text(settings.lateness())
                    + " out of time order (the first at " + firstLate + "): they were paired with what the run still held, so"
                    + " co-actions may be missing; sort the input or raise --lateness";
            System.err.println(json ? JsonLines.error(firstLate, late) : "tocsin: " + TerminalText.escape(late));
        }
        if (accountsPath != null) {
            AccountsReader.Read accounts = AccountsReader.read(accountsPath);
            accounts.problems().forEach(p -> System.err.println(json ? JsonLines.error(accountsPath.toString(), p) : "tocsin: " + TerminalText.escape(p)));
            run.addAccounts(accounts.byId().values());
        }
        if (run.stats().posts() == 0) {
            System.err.println("tocsin: no post could be read from " + TerminalText.escape(String.join(", ", inputs)));
            return ExitCodes.INPUT;
        }
        CoordinationNetwork.Result result = run.finish();
        Map<String, PersonaCheck.PersonaMatch> personas = run.personas();
        Purity.Report purity = Purity.of(result.clusters(), truth);
        for (int i = 0; i < result.clusters().size(); i++) {
            Cluster c = result.clusters().get(i);
            Purity.OfCluster p = truth.isEmpty() ? null : purity.clusters().get(i);
            System.out.println(json ? JsonLines.line(cluster(c, personas, p)) : text(c, personas, p));
        }
        CoordinationSummary summary = run.summary(problems, merged, result);
        if (json) {
            personas.values().stream().sorted(java.util.Comparator.comparing(PersonaCheck.PersonaMatch::accountId))
                    .forEach(m -> System.out.println(JsonLines.line(CoordinationJson.persona(m))));
            if (edges) {
                result.edges().forEach(e -> System.out.println(JsonLines.line(CoordinationJson.edge(e))));
            }
            ObjectNode o = summary.json();
            if (!truth.isEmpty()) {
                o.put("purity", Math.round(purity.purity() * 1000) / 1000.0);
                o.put("purity_accounts", purity.accounts());
            }
            System.out.println(JsonLines.line(o));
        } else {
            personas.values().forEach(m -> System.out.println("persona " + TerminalText.escape(m.accountId()) + ": " + TerminalText.escape(m.how())
                    + " (" + m.technique() + ")"));
            System.out.println(summary.text() + (truth.isEmpty() ? "" : String.format(java.util.Locale.ROOT,
                    "; purity %.3f over %d accounts", purity.purity(), purity.accounts())));
        }
        return ExitCodes.OK;
    }

    private static String esc(String s) {
        return TerminalText.escape(s);
    }

    private static String progressLine(CoordinationRun run) {
        CoordinationRun.Stats s = run.stats();
        return s.posts() + " posts, " + s.coActions() + " co-actions, " + s.edges() + " account pairs";
    }


    static ObjectNode cluster(Cluster c, Map<String, PersonaCheck.PersonaMatch> personas, Purity.OfCluster purity) {
        ObjectNode o = CoordinationJson.cluster(c);
        ArrayNode ps = o.putArray("personas");
        c.accounts().stream().map(personas::get).filter(java.util.Objects::nonNull).forEach(m -> ps.add(CoordinationJson.persona(m)));
        if (purity != null) {
            ObjectNode cats = o.putObject("categories");
            purity.categories().forEach(cats::put);
            o.put("purity", Math.round(purity.purity() * 1000) / 1000.0);
        }
        return o;
    }

    /** Account ids, post ids and shared items come from the posts: each escaped ({@link TerminalText}). */
    private static String text(Cluster c, Map<String, PersonaCheck.PersonaMatch> personas, Purity.OfCluster purity) {
        StringBuilder b = new StringBuilder();
        b.append(c.id()).append(": ").append(c.accounts().size()).append(" accounts, score ").append(c.score()).append(", density ")
                .append(c.density()).append(", ").append(c.coActions()).append(" co-actions ").append(Instant.ofEpochSecond(c.first()))
                .append(" – ").append(Instant.ofEpochSecond(c.last())).append(" (").append(String.join(", ", c.techniques())).append(")\n");
        b.append("  accounts: ").append(esc(String.join(", ", c.accounts()))).append('\n');
        if (purity != null) {
            b.append("  categories: ").append(esc(purity.categories().toString())).append('\n');
        }
        for (Cluster.TraceSummary t : c.traces()) {
            b.append("  ").append(t.kind().jsonName()).append(": ").append(t.coActions()).append(" co-actions over ").append(t.edges())
                    .append(" pairs\n");
        }
        for (Cluster.SharedItem i : c.topItems()) {
            b.append("  shared ").append(i.kind().jsonName()).append(": ").append(esc(i.item())).append('\n');
        }
        for (CoAction s : c.samples()) {
            b.append("  e.g. ").append(s.kind().jsonName()).append(": ").append(esc(s.accountA())).append(" ").append(esc(s.postA())).append(" @ ")
                    .append(Instant.ofEpochSecond(s.secondA())).append(" ~ ").append(esc(s.accountB())).append(" ").append(esc(s.postB())).append(" @ ")
                    .append(Instant.ofEpochSecond(s.secondB()))
                    .append('\n');
        }
        c.accounts().stream().map(personas::get).filter(java.util.Objects::nonNull)
                .forEach(m -> b.append("  persona ").append(esc(m.accountId())).append(": ").append(esc(m.how())).append('\n'));
        return b.toString().stripTrailing();
    }
}
