package org.tocsin.domain;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A look-alike of a protected domain, from {@link LookalikeVariants}.
 *
 * @param domain ASCII (punycode), lower-case. A registrable domain, except for the {@code subdomain}
 *               fuzzer, which gives the whole host ({@code washi.ngtonpost.com}): its tail
 *               ({@link #registrable()}) is what someone would register
 * @param fuzzer the manipulation, named as dnstwist names it: one of {@link LookalikeVariants#FUZZERS}
 */
public record Variant(String domain, String fuzzer) {
    public Variant {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(fuzzer, "fuzzer");
    }

    /** The registrable domain: what to register defensively or put on a blocklist. */
    public @Nullable String registrable() {
        return DomainNames.registrable(domain);
    }

    /** The name as a reader sees it, homoglyphs shown in Unicode. */
    public String unicode() {
        return DomainNames.toUnicode(domain);
    }
}
