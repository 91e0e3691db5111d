package org.tocsin.domain;

import java.util.List;

/**
 * Finds protected brands embedded in longer labels ({@code washingtonpostnews}, {@code login-spiegel}):
 * a multi-pattern Rabin–Karp search. Every brand is at least {@link #WINDOW} characters long, so each is
 * filed under the hash of its first {@code WINDOW} characters; a label is scanned by hashing each of its
 * windows and checking a small filter (tens of kilobytes for ten thousand brands, so it stays in the
 * processor cache), and only a window that passes is compared with the brands filed under it. The cost
 * per label grows with its length, not with the number of brands. (An Aho–Corasick automaton does the
 * same in theory, but its transition table outgrows the caches at ten thousand brands and every
 * character then waits on memory.)
 */
final class EmbeddedBrands {
    static final int WINDOW = 6;

    /** A brand found at {@code [start, end)} of the scanned label. */
    interface Hit {
        void found(int brand, int start, int end);
    }

    private final List<String> brands;
    private final LongPostings byFirstWindow = new LongPostings();

    /** Brand {@code i} is reported as {@code i}; every brand must be at least {@link #WINDOW} long. */
    EmbeddedBrands(List<String> brands) {
        this.brands = List.copyOf(brands);
        for (int i = 0; i < brands.size(); i++) {
            String b = brands.get(i);
            if (b.length() < WINDOW || b.length() > StringHashes.MAX_LENGTH) {
                throw new IllegalArgumentException("brand length out of range: " + b);
            }
            byFirstWindow.put(new StringHashes(b).range(0, WINDOW), i);
        }
        byFirstWindow.seal();
    }

    /** Reports every occurrence of every brand in {@code label}. */
    void scan(String label, Hit hit) {
        int n = label.length();
        if (n < WINDOW || n > StringHashes.MAX_LENGTH || brands.isEmpty()) {
            return;
        }
        StringHashes h = new StringHashes(label);
        for (int start = 0; start + WINDOW <= n; start++) {
            long key = h.range(start, start + WINDOW);
            if (!byFirstWindow.mayContain(key)) {
                continue;
            }
            final int at = start;
            byFirstWindow.forEach(key, i -> {
                String b = brands.get(i);
                if (label.startsWith(b, at)) {
                    hit.found(i, at, at + b.length());
                }
            });
        }
    }
}
