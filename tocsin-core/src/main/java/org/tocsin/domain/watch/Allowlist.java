package org.tocsin.domain.watch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.tocsin.domain.DomainNames;

/**
 * Domains known to be fine although they resemble a protected name: partners, the defender's own defensive
 * registrations, a local paper whose name happens to contain a national brand. An entry covers itself and
 * every name under it.
 */
public final class Allowlist {
    private final Set<String> domains = new HashSet<>();

    private Allowlist() {
    }

    public static Allowlist of(Collection<String> entries) {
        Allowlist a = new Allowlist();
        for (String e : entries) {
            String ascii = DomainNames.toAscii(e.strip());
            if (ascii == null) {
                throw new IllegalArgumentException("allowlist entry is not a domain name: " + e);
            }
            a.domains.add(ascii);
        }
        return a;
    }

    /** One domain per line; blank lines and {@code #} comments are skipped. */
    public static Allowlist read(Path file) throws IOException {
        java.util.List<String> entries = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String s = line.strip();
            int hash = s.indexOf('#');
            if (hash >= 0) {
                s = s.substring(0, hash).strip();
            }
            if (!s.isEmpty()) {
                entries.add(s);
            }
        }
        return of(entries);
    }

    public Allowlist and(Allowlist other) {
        Allowlist a = new Allowlist();
        a.domains.addAll(domains);
        a.domains.addAll(other.domains);
        return a;
    }

    /** True when the host or one of its parent domains is listed. */
    public boolean covers(String asciiHost) {
        if (domains.isEmpty()) {
            return false;
        }
        String h = asciiHost;
        while (!domains.contains(h)) {
            int dot = h.indexOf('.');
            if (dot < 0) {
                return false;
            }
            h = h.substring(dot + 1);
        }
        return true;
    }

    public int size() {
        return domains.size();
    }
}
