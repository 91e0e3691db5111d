package org.tocsin.scan;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.tocsin.domain.LookalikeIndex;
import org.tocsin.domain.ProtectedNames;
import org.tocsin.domain.feed.DomainFeedReader;
import org.tocsin.domain.feed.FeedItem;
import org.tocsin.domain.watch.Allowlist;
import org.tocsin.domain.watch.DomainWatch;
import org.tocsin.email.EmailContext;
import org.tocsin.email.read.MailItem;
import org.tocsin.email.read.MailReader;
import org.tocsin.email.triage.EmailTriage;
import org.tocsin.email.triage.TriageException;
import org.tocsin.email.triage.TriageResult;
import org.tocsin.evidence.EvidenceRef;
import org.tocsin.evidence.HashingInputStream;
import org.tocsin.input.ContentKind;
import org.tocsin.input.ContentSniffer;
import org.tocsin.input.Input;
import org.tocsin.input.InputWalker;
import org.tocsin.input.Sniffed;
import org.tocsin.reference.ReferenceData;
import org.tocsin.signal.Scorer;
import org.tocsin.signal.Verdict;
import org.tocsin.site.SiteAssessment;
import org.tocsin.site.assess.SiteAssessor;
import org.tocsin.site.read.PageItem;
import org.tocsin.site.read.SiteArchiveReader;
import org.tocsin.site.read.SitePage;
import org.tocsin.store.Evidence;
import org.tocsin.store.Finding;
import org.tocsin.store.Findings;
import org.tocsin.store.Store;

/**
 * Scans inputs into the store: each input's kind is read from its bytes ({@link ContentSniffer}), the matching
 * analysis runs, and evidence, findings and observables are stored, one transaction per piece of evidence, so an
 * interrupted scan keeps what it stored and a rerun adds only what is new. Evidence is what came in: a message as
 * received (each message of an mbox its own), a feed file whole (SHA-256 while it streams), a site as the set of pages
 * it was judged on ({@link EvidenceRef#ofParts}).
 *
 * <p>Sites are judged on all their pages and networks on all sites, so web archives are read as they come and
 * assessed together when every input has been read. Nothing here prints or exits: problems and progress go to the
 * {@link ScanListener}. One scanner may run many scans, one at a time.
 */
public final class Scanner {
    /** New pieces of evidence after which a scan refreshes the database's statistics ({@link Store#analyze()}). */
    private static final int ANALYZE_AFTER = 1000;

    private final ScanSettings settings;
    private final EmailTriage triage;
    private final LookalikeIndex index;
    private final Allowlist allowlist;
    private final MailReader mail = new MailReader();

    /** @throws IllegalArgumentException when the profile cannot be used by the analyses (a brand that is no domain label) */
    public Scanner(ScanSettings settings) {
        this.settings = settings;
        this.triage = new EmailTriage(new EmailContext(settings.profile(), ReferenceData.bundled()), new Scorer(EmailTriage.DEFAULT_THRESHOLDS));
        this.index = LookalikeIndex.of(ProtectedNames.of(settings.profile(), ReferenceData.bundled(), false));
        this.allowlist = Allowlist.of(settings.profile().allowlist());
    }

    /**
     * Scans what the user named.
     *
     * @param paths files, directories (walked by {@link InputWalker}) or {@code -}
     * @param stdin what {@code -} reads
     * @return what the scan did; a problem never stops it, a store that cannot be written to makes each item a problem
     */
    public ScanCounts scan(List<String> paths, InputStream stdin, Store store, ScanListener listener) {
        Run run = new Run(store, listener);
        new InputWalker(stdin).walk(paths, InputWalker.Visitor.of(run::input, run::problem));
        return run.finish();
    }

    /** Scans inputs already found (a message from a mailbox, a file dropped in a watched folder). */
    public ScanCounts scan(List<Input> inputs, Store store, ScanListener listener) {
        Run run = new Run(store, listener);
        inputs.forEach(run::input);
        return run.finish();
    }

    /** One scan: its store, its listener, its counts and the pages waiting to be assessed together. */
    private final class Run {
        private final Store store;
        private final ScanListener listener;
        private final ScanCounts counts = new ScanCounts();
        private final List<SitePage> pages = new ArrayList<>();

        Run(Store store, ScanListener listener) {
            this.store = store;
            this.listener = listener;
        }

        void problem(String where, String reason) {
            counts.problem();
            listener.problem(where, reason);
        }

        void input(Input input) {
            try (InputStream raw = input.open()) {
                HashingInputStream hashing = new HashingInputStream(raw);
                BufferedInputStream in = new BufferedInputStream(hashing, 1 << 16);
                Sniffed sniffed = ContentSniffer.sniff(in);
                switch (sniffed.family()) {
                    case MAIL -> mail.read(in, input.name(), this::message);
                    case DOMAIN_FEED -> feed(input.name(), in, hashing);
                    case SITE_ARCHIVE -> {
                        if (input.isFile()) {
                            SiteArchiveReader.read(input, this::page); // by path: a WARC on disk resynchronises after damage
                        } else {
                            SiteArchiveReader.stream(input.name(), in, this::page);
                        }
                    }
                    case POSTS -> problem(input.name(), sniffed.describe() + ": tocsin posts coordination reads posts, scan does not");
                    case NONE -> problem(input.name(), sniffed.kind() == ContentKind.EMPTY ? "empty"
                            : "neither mail, a domain feed nor a web archive: " + sniffed.describe());
                }
            } catch (IOException e) {
                problem(input.name(), "cannot read: " + InputWalker.reason(e));
            }
            listener.progress(counts);
        }

        private void message(MailItem item) {
            if (!item.ok()) {
                problem(item.source(), item.error());
                return;
            }
            List<TriageResult> results;
            try {
                results = triage.triage(item.message());
            } catch (TriageException e) {
                problem(item.source(), e.getMessage());
                return;
            } catch (RuntimeException e) { // a bug on one message must not cost the rest
                problem(item.source(), "could not be triaged: " + e);
                return;
            }
            for (TriageResult r : results) {
                counts.message(r.assessment().verdict() != Verdict.CLEAN);
                store(r.evidence(), "email", List.of(Findings.of(r)));
            }
            listener.progress(counts);
        }

        private void feed(String name, BufferedInputStream in, HashingInputStream hashing) throws IOException {
            if (index.size() == 0) {
                problem(name, "a domain feed, but the profile protects no domain (give --profile)");
                return;
            }
            DomainWatch watch = new DomainWatch(index, allowlist);
            List<Finding> alerts = new ArrayList<>();
            DomainFeedReader.read(name, in, item -> feedItem(watch, item, alerts));
            EvidenceRef evidence = hashing.finish(name); // the digest covers the whole file, what the reader skipped too
            counts.alerts(alerts.size());
            store(evidence, "domain-feed", alerts);
        }

        private void feedItem(DomainWatch watch, FeedItem item, List<Finding> alerts) {
            if (item.isProblem()) {
                problem(item.source(), item.problem());
                return;
            }
            DomainWatch.Outcome o;
            try {
                o = watch.examine(item.source(), item.name());
            } catch (RuntimeException e) { // a bug on one name must not cost the rest of the feed
                problem(item.source(), "could not be examined: " + e);
                return;
            }
            counts.feedName();
            if (o.alert() != null) {
                alerts.add(Findings.of(o.alert()));
            } else if (o.problem() != null) {
                problem(item.source(), o.problem());
            }
            listener.progress(counts);
        }

        private void page(PageItem item) {
            if (item.ok()) {
                pages.add(item.page());
                counts.page();
                listener.progress(counts);
            } else {
                problem(item.source(), item.problem());
            }
        }

        ScanCounts finish() {
            if (!pages.isEmpty()) {
                sites();
            }
            if (counts.storedNew() >= ANALYZE_AFTER) {
                try {
                    store.analyze(); // fresh planner statistics, or linked-to queries may scan every link
                } catch (SQLException e) {
                    problem("store", "statistics not refreshed: " + e.getMessage());
                }
            }
            return counts;
        }

        /** Every site of the archives assessed together; one finding per site, its evidence the pages it was judged on. */
        private void sites() {
            SiteAssessor.Report report = new SiteAssessor(settings.profile(), index, new Scorer(SiteAssessor.DEFAULT_THRESHOLDS),
                    settings.copyCheck(), settings.records()).assess(pages);
            for (SiteAssessment a : report.sites()) {
                counts.site(a.assessment().verdict() != Verdict.CLEAN);
                List<EvidenceRef> own = pages.stream().filter(p -> SiteAssessor.siteOf(p).equals(a.site())).map(SitePage::evidence).toList();
                EvidenceRef ref = EvidenceRef.ofParts("site " + a.site() + " (" + own.size() + " archived pages)", own);
                store(ref, "site-archive", List.of(Findings.of(a)));
            }
        }

        private void store(EvidenceRef evidence, String kind, List<Finding> findings) {
            try {
                counts.stored(store.ingest(Evidence.now(evidence, kind, settings.tlp()), findings));
            } catch (SQLException e) {
                problem(evidence.source(), "not stored: " + e.getMessage());
            }
            listener.progress(counts);
        }
    }
}
