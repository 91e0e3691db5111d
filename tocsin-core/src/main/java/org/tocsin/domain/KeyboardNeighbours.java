package org.tocsin.domain;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Keyboard neighbours, for the insertion and replacement fuzzers of {@link LookalikeVariants}. */
final class KeyboardNeighbours {
    /**
     * Keys next to each key, on QWERTY, QWERTZ and AZERTY (dnstwist uses all three: a German reader types
     * {@code spiegel} on QWERTZ). Derived from the rows: a key touches its row neighbours, the two keys above
     * it (same index and the next) and the two below (previous index and the same), which is how the rows
     * of these keyboards are staggered.
     */
    private static final Map<Character, String> NEIGHBOURS = neighbours(
            new String[] {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"},
            new String[] {"1234567890", "qwertzuiop", "asdfghjkl", "yxcvbnm"},
            new String[] {"1234567890", "azertyuiop", "qsdfghjklm", "wxcvbn"});

    private KeyboardNeighbours() {
    }

    /** The keys next to {@code c} on any of the layouts, or nothing. */
    static String of(char c) {
        return NEIGHBOURS.getOrDefault(c, "");
    }

    private static Map<Character, String> neighbours(String[]... layouts) {
        Map<Character, Set<Character>> sets = new LinkedHashMap<>();
        for (String[] rows : layouts) {
            for (int r = 0; r < rows.length; r++) {
                for (int i = 0; i < rows[r].length(); i++) {
                    Set<Character> s = sets.computeIfAbsent(rows[r].charAt(i), k -> new LinkedHashSet<>());
                    addKey(s, rows[r], i - 1);
                    addKey(s, rows[r], i + 1);
                    if (r > 0) {
                        addKey(s, rows[r - 1], i);
                        addKey(s, rows[r - 1], i + 1);
                    }
                    if (r + 1 < rows.length) {
                        addKey(s, rows[r + 1], i - 1);
                        addKey(s, rows[r + 1], i);
                    }
                }
            }
        }
        Map<Character, String> out = new LinkedHashMap<>();
        sets.forEach((k, v) -> {
            StringBuilder b = new StringBuilder(v.size());
            v.forEach(b::append);
            out.put(k, b.toString());
        });
        return Map.copyOf(out);
    }

    private static void addKey(Set<Character> keys, String row, int i) {
        if (i >= 0 && i < row.length()) {
            keys.add(row.charAt(i));
        }
    }
}
