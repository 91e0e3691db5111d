package org.tocsin.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.tocsin.domain.LookalikeIndex;
import org.tocsin.domain.ProtectedNames;
import org.tocsin.domain.feed.DomainFeedReader;
import org.tocsin.domain.watch.Allowlist;
import org.tocsin.domain.watch.DomainWatch;
import org.tocsin.email.EmailContext;
import org.tocsin.email.read.MailReader;
import org.tocsin.email.triage.EmailTriage;
import org.tocsin.email.triage.TriageException;
import org.tocsin.email.triage.TriageResult;
import org.tocsin.evidence.EvidenceRef;
import org.tocsin.evidence.Sha256;
import org.tocsin.profile.Profile;
import org.tocsin.profile.ProfileLoader;
import org.tocsin.reference.ReferenceData;
import org.tocsin.signal.Scorer;
import org.tocsin.signal.Verdict;
import org.tocsin.site.SiteAssessment;
import org.tocsin.site.assess.SiteAssessor;
import org.tocsin.site.read.SiteArchiveReader;
import org.tocsin.site.read.SitePage;
import org.tocsin.store.Evidence;
import org.tocsin.store.Finding;
import org.tocsin.store.Findings;
import org.tocsin.store.Store;
import org.tocsin.store.Tlp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The main job: every input's kind is read from its bytes, the matching analysis runs, and evidence,
 * findings and observables go into the store (one transaction per piece of evidence, so an interrupted scan
 * keeps what it stored and a rerun adds only what is new).
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Analyse mail, domain feeds and web archives of news sites, and keep the evidence, findings and observables in the store.",
                "PATH: files or directories (recursive); each file's kind is read from its content."})
final class ScanCommand implements Callable<Integer> {
    @Option(names = "--profile", paramLabel = "FILE", description = "Protected profile (YAML).")
    Path profilePath;

    @Mixin
    StoreOptions storeOptions = new StoreOptions();

    @Mixin
    SiteOptions siteOptions = new SiteOptions();

    @Option(names = "--tlp", paramLabel = "LEVEL", defaultValue = "amber",
            description = "How what this scan finds may be shared: white, green, amber or red (default: ${DEFAULT-VALUE}).")
    String tlp;

    private Tlp level;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "What to scan.")
    List<Path> paths;

    /** New pieces of evidence after which a scan refreshes the database's statistics (Store.analyze). */
    private static final int ANALYZE_AFTER = 1000;
    private final ScanTally tally = new ScanTally();

    @Override
    public Integer call() throws Exception {
        try {
            level = Tlp.parse(tlp);
        } catch (IllegalArgumentException e) {
            throw new UsageProblem("--tlp: " + e.getMessage());
        }
        Profile profile = loadProfile();
        EmailTriage triage;
        LookalikeIndex index;
        try {
            triage = new EmailTriage(new EmailContext(profile, ReferenceData.bundled()), new Scorer(EmailTriage.DEFAULT_THRESHOLDS));
            index = LookalikeIndex.of(ProtectedNames.of(profile, ReferenceData.bundled(), false));
        } catch (IllegalArgumentException e) {
            throw new UsageProblem("profile " + profilePath + ": " + e.getMessage());
        }
        Allowlist allowlist = Allowlist.of(profile.allowlist());
        String url = storeOptions.url();
        List<Path> archives = new ArrayList<>();
        try (Store store = storeOptions.open(); TerminalProgress progress = new TerminalProgress(tally::line)) {
            for (Path file : files()) {
                InputKind kind;
                try {
                    kind = InputKind.of(file);
                } catch (IOException e) {
                    tally.problem(file + ": cannot read: " + e.getMessage());
                    continue;
                }
                switch (kind) {
                    case MAIL -> scanMail(file, triage, store);
                    case DOMAIN_FEED -> scanFeed(file, new DomainWatch(index, allowlist), store, index.size() > 0);
                    case SITE_ARCHIVE -> archives.add(file); // sites are judged on all their pages, and networks on all sites
                    case UNKNOWN -> tally.problem(file + ": neither mail, a domain feed nor a web archive");
                }
                progress.tick();
            }
            if (!archives.isEmpty()) {
                scanSites(archives, profile, index, store);
            }
            if (tally.storedNew() >= ANALYZE_AFTER) {
                store.analyze(); // fresh planner statistics, or linked-to queries may scan every link
            }
        } catch (SQLException e) {
            throw new UsageProblem("store " + url + ": " + e.getMessage());
        }
        tally.printSummary(url);
        return tally.readNothing() ? ExitCodes.INPUT : ExitCodes.OK;
    }

    private void scanMail(Path file, EmailTriage triage, Store store) {
        new MailReader().read(List.of(file.toString()), item -> {
            if (!item.ok()) {
                tally.problem(item.source() + ": " + item.error());
                return;
            }
            try {
                for (TriageResult r : triage.triage(item.message())) {
                    tally.message(r.assessment().verdict() != Verdict.CLEAN);
                    tally.stored(store.ingest(Evidence.now(r.evidence(), "email", level), List.of(Findings.of(r))));
                }
            } catch (TriageException | SQLException e) {
                tally.problem(item.source() + ": " + e.getMessage());
            }
        });
    }

    private void scanFeed(Path file, DomainWatch watch, Store store, boolean watching) {
        if (!watching) {
            tally.problem(file + ": a domain feed, but the profile protects no domain (give --profile)");
            return;
        }
        List<Finding> alerts = new ArrayList<>();
        long size;
        String sha256;
        try (InputStream raw = Files.newInputStream(file);
             DigestInputStream in = new DigestInputStream(raw, MessageDigest.getInstance("SHA-256"))) {
            DomainFeedReader.read(file.toString(), in, item -> {
                if (item.isProblem()) {
                    tally.problem(item.source() + ": " + item.problem());
                    return;
                }
                DomainWatch.Outcome o = watch.examine(item.source(), item.name());
                tally.feedName();
                if (o.alert() != null) {
                    alerts.add(Findings.of(o.alert()));
                } else if (o.problem() != null) {
                    tally.problem(item.source() + ": " + o.problem());
                }
            });
            in.transferTo(java.io.OutputStream.nullOutputStream()); // the digest covers the whole file
            size = Files.size(file);
            sha256 = HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            tally.problem(file + ": cannot read: " + e.getMessage());
            return;
        }
        try {
            tally.alerts(alerts.size());
            tally.stored(store.ingest(Evidence.now(new EvidenceRef(file.toString(), sha256, size), "domain-feed", level), alerts));
        } catch (SQLException e) {
            tally.problem(file + ": " + e.getMessage());
        }
    }

    /**
     * Assesses every site in the archives together and stores one finding per site. Its evidence is the set of
     * pages it was judged on (SHA-256 over their sorted hashes): the same pages, the same evidence, so a rescan adds
     * nothing, and a site archived again with new pages is a new piece of evidence.
     */
    private void scanSites(List<Path> archives, Profile profile, LookalikeIndex index, Store store) {
        List<SitePage> pages = new ArrayList<>();
        SiteArchiveReader.read(archives, item -> {
            if (item.ok()) {
                pages.add(item.page());
                tally.page();
            } else {
                tally.problem(item.source() + ": " + item.problem());
            }
        });
        if (pages.isEmpty()) {
            return;
        }
        SiteAssessor.Report report = new SiteAssessor(profile, index, new Scorer(SiteAssessor.DEFAULT_THRESHOLDS),
                siteOptions.copyCheck(), siteOptions.records()).assess(pages);
        for (SiteAssessment a : report.sites()) {
            tally.site(a.assessment().verdict() != Verdict.CLEAN);
            List<SitePage> own = pages.stream().filter(p -> SiteAssessor.siteOf(p).equals(a.site())).toList();
            java.security.MessageDigest digest = Sha256.newDigest();
            own.stream().map(p -> p.evidence().sha256()).sorted().forEach(h -> digest.update(h.getBytes(StandardCharsets.US_ASCII)));
            long size = own.stream().mapToLong(p -> p.evidence().size()).sum();
            EvidenceRef ref = new EvidenceRef("site " + a.site() + " (" + own.size() + " archived pages)", Sha256.hex(digest), size);
            try {
                tally.stored(store.ingest(Evidence.now(ref, "site-archive", level), List.of(Findings.of(a))));
            } catch (SQLException e) {
                tally.problem(a.site() + ": " + e.getMessage());
            }
        }
    }

    private List<Path> files() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).sorted().forEach(out::add);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private Profile loadProfile() {
        if (profilePath == null) {
            return Profile.empty();
        }
        try {
            return ProfileLoader.load(profilePath);
        } catch (IOException e) {
            throw new UsageProblem("cannot read profile " + profilePath + ": " + e.getMessage());
        }
    }
}
