package org.tocsin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.tocsin.cli.ExitCodes;
import org.tocsin.cli.StoreOptions;
import org.tocsin.cli.UsageProblem;
import org.tocsin.domain.DomainNames;
import org.tocsin.evidence.EvidenceRef;
import org.tocsin.signal.Signal;
import org.tocsin.store.Evidence;
import org.tocsin.store.Finding;
import org.tocsin.store.Observable;
import org.tocsin.store.Store;
import org.tocsin.store.Store.Table;
import org.tocsin.store.Tlp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Ingests findings shaped like triaged mail through the store's real ingest path until it holds the asked number
 * of observables, then times "everything linked to this domain" for random domains. Each finding observes a
 * sender domain (from a shared pool), a sender address, four URLs, two link domains and an IP (shared pools), and
 * an attachment hash, so findings link as real cases do: through shared infrastructure.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Ingest N observables (as mail-like findings) and time the query for everything linked to a domain.")
final class StoreBenchCommand implements Callable<Integer> {
    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Option(names = "--observables", defaultValue = "1000000", description = "Observables to hold (default: ${DEFAULT-VALUE}).")
    int observables;

    @Option(names = "--queries", defaultValue = "1000", description = "Linked-to queries to time (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--domains", paramLabel = "FILE",
            description = "Real domain names (first CSV column) for the shared pools, e.g. ../shared/data/outlets/dotgov-current-full.csv.")
    List<Path> domainFiles = List.of();

    @Option(names = "--seed", defaultValue = "2024", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        List<String> real = realDomains();
        SplittableRandom random = new SplittableRandom(seed);
        int senderPool = Math.max(100, observables / 50);
        int linkPool = Math.max(100, observables / 20);
        int ipPool = Math.max(100, observables / 30);
        List<String> senders = pool(real, senderPool, "mail");
        List<String> links = pool(real, linkPool, "web");
        try (Store store = storeOptions.open()) {
            long before = store.count(Table.OBSERVABLE);
            if (before > 0) {
                throw new UsageProblem("store bench needs an empty store; " + storeOptions.url() + " holds " + before + " observables");
            }
            long start = System.nanoTime();
            int findings = 0;
            java.util.Set<String> seen = new java.util.HashSet<>(); // counted here: COUNT(*) on PostgreSQL scans the table
            while (seen.size() < observables) {
                Finding f = finding(findings, random, senders, links, ipPool);
                store.ingest(new Evidence(new EvidenceRef("bench/" + findings + ".eml", String.format(Locale.ROOT, "%064x", findings), 4096),
                        "email", Tlp.AMBER, java.time.Instant.now()), List.of(f));
                f.observables().forEach(o -> seen.add(o.stixId()));
                findings++;
                if (findings % 5000 == 0) {
                    System.err.printf(Locale.ROOT, "\r%,d findings, %,d observables", findings, seen.size());
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long analyzeStart = System.nanoTime();
            store.analyze(); // as scan does after storing much (and PostgreSQL's autovacuum, when it runs, later)
            double analyzeSeconds = (System.nanoTime() - analyzeStart) / 1e9;
            long held = store.count(Table.OBSERVABLE);
            long links2 = store.count(Table.FINDING_OBSERVABLE);
            System.err.println();
            System.out.printf(Locale.ROOT, "store %s%n", storeOptions.url());
            System.out.printf(Locale.ROOT, "ingested %,d findings with %,d observables (%,d finding-observable links) in %.1f s:"
                    + " %,.0f observables/s, %,.0f findings/s; statistics refreshed in %.1f s%n", findings, held, links2, seconds,
                    held / seconds, findings / seconds, analyzeSeconds);
            long[] nanos = new long[queries];
            long direct = 0;
            long linked = 0;
            for (int q = 0; q < queries; q++) {
                String domain = q % 2 == 0 ? senders.get(random.nextInt(senders.size())) : links.get(random.nextInt(links.size()));
                long t = System.nanoTime();
                Store.Linked result = store.everythingLinkedTo(new Observable("domain-name", domain));
                nanos[q] = System.nanoTime() - t;
                direct += result.direct().size();
                linked += result.linked().size();
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "everything linked to a domain, %d random domains: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms,"
                    + " max %.2f ms; on average %.1f findings saw it and %.1f more were linked%n", queries, nanos[queries / 2] / 1e6,
                    nanos[(int) (queries * 0.95)] / 1e6, nanos[(int) (queries * 0.99)] / 1e6, nanos[queries - 1] / 1e6,
                    direct / (double) queries, linked / (double) queries);
        } catch (SQLException e) {
            throw new UsageProblem("store " + storeOptions.url() + ": " + e.getMessage());
        }
        return ExitCodes.OK;
    }

    private static Finding finding(int n, SplittableRandom random, List<String> senders, List<String> links, int ipPool) {
        String sender = senders.get(random.nextInt(senders.size()));
        List<Observable> seen = new ArrayList<>();
        seen.add(new Observable("domain-name", sender));
        seen.add(new Observable("email-addr", "user" + n + "@" + sender));
        for (int i = 0; i < 2; i++) {
            String link = links.get(random.nextInt(links.size()));
            seen.add(new Observable("domain-name", link));
            seen.add(new Observable("url", "https://" + link + "/p/" + n + "/" + i));
            seen.add(new Observable("url", "https://" + link + "/s/" + Integer.toHexString(random.nextInt()) + "/" + n));
        }
        int ip = random.nextInt(ipPool);
        seen.add(new Observable("ipv4-addr", "10." + (ip >> 16 & 255) + "." + (ip >> 8 & 255) + "." + (ip & 255)));
        seen.add(new Observable("file", String.format(Locale.ROOT, "%064x", ((long) n << 20) ^ 0x5eed)));
        return new Finding("email", "bench message " + n, n % 3 == 0 ? "malicious" : "suspicious", 7, "moderate",
                List.of(new Signal("EMAIL_BENCH", 1, "synthetic", "T1566.002")), seen);
    }

    /** n distinct names: real ones first (shuffled order kept as read), then synthetic ones under a reserved suffix. */
    private static List<String> pool(List<String> real, int n, String tag) {
        List<String> out = new ArrayList<>(real.subList(0, Math.min(real.size(), n / 2)));
        for (int i = out.size(); i < n; i++) {
            out.add(tag + i + ".example");
        }
        return out;
    }

    private List<String> realDomains() throws IOException {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (Path f : domainFiles) {
            for (String line : Files.readAllLines(f)) {
                String first = line.split(",", 2)[0].strip().toLowerCase(Locale.ROOT);
                String ascii = first.contains(".") ? DomainNames.toAscii(first) : null;
                if (ascii != null) {
                    out.add(ascii);
                }
            }
        }
        return new ArrayList<>(out);
    }
}
