package org.tocsin.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.tocsin.domain.LookalikeIndex;
import org.tocsin.domain.ProtectedNames;
import org.tocsin.domain.watch.Allowlist;
import org.tocsin.domain.watch.DomainWatch;
import org.tocsin.profile.Profile;
import org.tocsin.profile.ProfileLoader;
import org.tocsin.reference.ReferenceData;
import picocli.CommandLine.Option;

/** Options shared by the commands that watch domains: what is protected and what is known to be fine. */
final class WatchOptions {
    @Option(names = "--profile", paramLabel = "FILE", required = true,
            description = "Protected profile (YAML): the organisations whose domains and brands are watched.")
    Path profile;

    @Option(names = "--allowlist", paramLabel = "FILE",
            description = "Domains never to alert on (one per line, # comments), added to the profile's allowlist.")
    Path allowlist;

    @Option(names = "--providers",
            description = "Also watch lookalikes of the major mail and cloud providers (Google, Microsoft, …).")
    boolean providers;

    @Option(names = "--min-score", paramLabel = "SCORE", description = "Alert only at or above this score (0..1; default: 0).")
    double minScore;

    Profile loadProfile() {
        try {
            return ProfileLoader.load(profile);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UsageProblem("profile not found: " + profile);
        } catch (IOException e) {
            throw new UsageProblem("cannot read profile " + profile + ": " + e.getMessage());
        }
    }

    LookalikeIndex index(Profile p) {
        LookalikeIndex index;
        try {
            index = LookalikeIndex.of(ProtectedNames.of(p, ReferenceData.bundled(), providers));
        } catch (IllegalArgumentException e) {
            throw new UsageProblem("profile " + profile + ": " + e.getMessage());
        }
        if (index.size() == 0) {
            throw new UsageProblem("the profile protects no domain or brand: " + profile);
        }
        return index;
    }

    DomainWatch watch(Profile p, LookalikeIndex index) {
        Allowlist list;
        try {
            list = Allowlist.of(p.allowlist());
            if (allowlist != null) {
                list = list.and(Allowlist.read(allowlist));
            }
        } catch (IOException e) {
            throw new UsageProblem("cannot read allowlist " + allowlist + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageProblem(e.getMessage());
        }
        return new DomainWatch(index, list, minScore, 1_000_000);
    }
}
