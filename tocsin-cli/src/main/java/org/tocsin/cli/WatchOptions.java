package org.tocsin.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.tocsin.domain.LookalikeIndex;
import org.tocsin.domain.ProtectedNames;
import org.tocsin.domain.watch.Allowlist;
import org.tocsin.domain.watch.DomainWatch;
import org.tocsin.profile.Profile;
import org.tocsin.reference.ReferenceData;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by the commands that watch domains: what is protected and what is known to be fine. */
public final class WatchOptions {
    @Mixin
    ProfileOption profile = new ProfileOption();

    @Option(names = "--allowlist", paramLabel = "FILE",
            description = "Domains never to alert on (one per line, # comments), added to the profile's allowlist.")
    Path allowlist;

    @Option(names = "--providers",
            description = "Also watch lookalikes of the major mail and cloud providers (Google, Microsoft, …).")
    boolean providers;

    @Option(names = "--min-score", paramLabel = "SCORE", description = "Alert only at or above this score (0..1; default: 0).")
    double minScore;

    /** Whether the major mail and cloud providers are watched too ({@code --providers}). */
    public boolean providers() {
        return providers;
    }

    public Profile loadProfile() {
        return profile.require("the organisations whose domains and brands are watched");
    }

    LookalikeIndex index(Profile p) {
        LookalikeIndex index;
        try {
            index = LookalikeIndex.of(ProtectedNames.of(p, ReferenceData.bundled(), providers));
        } catch (IllegalArgumentException e) {
            throw new UsageProblem(profile.describe() + ": " + e.getMessage());
        }
        if (index.size() == 0) {
            throw new UsageProblem("the profile protects no domain or brand: " + profile.describe());
        }
        return index;
    }

    public DomainWatch watch(Profile p, LookalikeIndex index) {
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
