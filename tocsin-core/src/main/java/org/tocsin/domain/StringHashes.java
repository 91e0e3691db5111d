package org.tocsin.domain;

/**
 * Prefix hashes of one string (64-bit polynomial, mod 2^64), from which the hash of any substring or of
 * the string with one or two characters deleted follows in constant time, without building the string.
 * Equal strings always hash equal, whichever way they were cut; the length is mixed in so that strings
 * of different lengths rarely collide. Collisions are possible and callers verify what a hash finds.
 */
final class StringHashes {
    /** Longer strings are not hashed: no host label is longer than 63 characters, nor a skeleton of one twice that. */
    static final int MAX_LENGTH = 255;
    private static final long BASE = 0x100000001b3L; // odd, so powers never vanish mod 2^64
    private static final long[] POW = new long[MAX_LENGTH + 2];

    static {
        POW[0] = 1;
        for (int i = 1; i < POW.length; i++) {
            POW[i] = POW[i - 1] * BASE;
        }
    }

    private final long[] prefix;
    private final int n;

    /** @throws IllegalArgumentException for strings longer than {@link #MAX_LENGTH} */
    StringHashes(String s) {
        n = s.length();
        if (n > MAX_LENGTH) {
            throw new IllegalArgumentException("too long to hash: " + n);
        }
        prefix = new long[n + 1];
        for (int i = 0; i < n; i++) {
            prefix[i + 1] = prefix[i] * BASE + s.charAt(i) + 1;
        }
    }

    private long raw(int from, int to) {
        return prefix[to] - prefix[from] * POW[to - from];
    }

    private static long withLength(long h, int length) {
        return h ^ ((long) length << 56);
    }

    long whole() {
        return withLength(prefix[n], n);
    }

    /** The hash of the substring {@code [from, to)}. */
    long range(int from, int to) {
        return withLength(raw(from, to), to - from);
    }

    /** The hash of the string without the character at {@code i}. */
    long without(int i) {
        return withLength(prefix[i] * POW[n - i - 1] + raw(i + 1, n), n - 1);
    }

    /** The hash of the string without the characters at {@code i < j}. */
    long without(int i, int j) {
        long h = prefix[i] * POW[n - i - 2] + raw(i + 1, j) * POW[n - j - 1] + raw(j + 1, n);
        return withLength(h, n - 2);
    }
}
