package org.tocsin.domain;

import java.util.Arrays;

/**
 * A multimap from 64-bit keys to int values (open addressing, postings chained through arrays), with a
 * blocked Bloom filter (two bits in one 64-bit word per key, so one memory read) for "surely absent" answers. The lookalike indexes address strings by hash and probe many
 * keys per domain, nearly all absent; with thousands of protected names the table outgrows the processor
 * caches while a filter of one to two bytes per key stays cached, so an absent key costs one cached read.
 * Call {@link #seal()} after the last {@link #put}; lookups before that skip the filter.
 */
final class LongPostings {
    private long[] keys = new long[1 << 10];
    private int[] heads = new int[1 << 10];
    private int used;
    private int[] values = new int[1 << 10];
    private int[] nextPosting = new int[1 << 10];
    private int postings;
    private long[] filter = new long[1];
    private int wordMask = -1; // -1: not sealed, every key "may be present"

    LongPostings() {
        Arrays.fill(heads, -1);
    }

    /** Adds {@code value} under {@code key}; adding the value just added under the same key again is a no-op. */
    void put(long key, int value) {
        if (wordMask >= 0) {
            throw new IllegalStateException("sealed: a key added now would be missing from the filter");
        }
        if (used * 2 >= keys.length) {
            grow();
        }
        int slot = find(key);
        if (heads[slot] < 0) {
            keys[slot] = key;
            used++;
        } else if (values[heads[slot]] == value) {
            return;
        }
        if (postings == values.length) {
            values = Arrays.copyOf(values, postings * 2);
            nextPosting = Arrays.copyOf(nextPosting, postings * 2);
        }
        values[postings] = value;
        nextPosting[postings] = heads[slot];
        heads[slot] = postings++;
    }

    /** Builds the filter over every key stored: one to two bytes per key (a power of two of words), two bits set per key. */
    void seal() {
        int words = Integer.highestOneBit(Math.max(1, used / 8)) << 1;
        filter = new long[words];
        wordMask = words - 1;
        for (int i = 0; i < keys.length; i++) {
            if (heads[i] >= 0) {
                filter[word(keys[i])] |= bits(keys[i]);
            }
        }
    }

    /** False when the key is surely absent; true when it may be present. One cached read. */
    boolean mayContain(long key) {
        if (wordMask < 0) {
            return true;
        }
        long bits = bits(key);
        return (filter[word(key)] & bits) == bits;
    }

    private int word(long key) {
        return (int) (mix(key) >>> 40) & wordMask;
    }

    private static long bits(long key) {
        long h = mix(key);
        return (1L << (h >>> 20 & 63)) | (1L << (h >>> 26 & 63));
    }

    /** Reports each value stored under {@code key}. */
    void forEach(long key, java.util.function.IntConsumer sink) {
        int slot = find(key);
        if (heads[slot] < 0) {
            return;
        }
        for (int p = heads[slot]; p >= 0; p = nextPosting[p]) {
            sink.accept(values[p]);
        }
    }

    private int find(long key) {
        int mask = keys.length - 1;
        int slot = (int) mix(key) & mask;
        while (heads[slot] >= 0 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldHeads = heads;
        keys = new long[oldKeys.length * 2];
        heads = new int[oldKeys.length * 2];
        Arrays.fill(heads, -1);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldHeads[i] >= 0) {
                int slot = find(oldKeys[i]);
                keys[slot] = oldKeys[i];
                heads[slot] = oldHeads[i];
            }
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        return z ^ (z >>> 29);
    }
}
