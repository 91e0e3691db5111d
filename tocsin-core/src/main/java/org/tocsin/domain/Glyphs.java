package org.tocsin.domain;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Look-alike characters, for the homoglyph fuzzer of {@link LookalikeVariants}. */
final class Glyphs {
    /**
     * ASCII sequences that read alike in most fonts, each way they are abused. Not nn for m: that turns
     * {@code cnn} into {@code cm}, another name rather than a look-alike.
     */
    static final String[][] ASCII = {
        {"m", "rn"}, {"rn", "m"}, {"m", "nn"}, {"w", "vv"}, {"vv", "w"}, {"d", "cl"}, {"cl", "d"},
        {"l", "1"}, {"l", "i"}, {"i", "1"}, {"i", "l"}, {"1", "l"}, {"1", "i"}, {"o", "0"}, {"0", "o"},
    };

    /** Cyrillic letters that are drawn like Latin ones: the glyphs of whole-script spoofs ({@code аррӏе}). */
    private static final Map<Character, Character> CYRILLIC = Map.ofEntries(
            Map.entry('a', 'а'), Map.entry('c', 'с'), Map.entry('d', 'ԁ'), Map.entry('e', 'е'),
            Map.entry('h', 'һ'), Map.entry('i', 'і'), Map.entry('j', 'ј'), Map.entry('l', 'ӏ'),
            Map.entry('o', 'о'), Map.entry('p', 'р'), Map.entry('q', 'ԛ'), Map.entry('s', 'ѕ'),
            Map.entry('w', 'ԝ'), Map.entry('x', 'х'), Map.entry('y', 'у'));

    /** Greek and Latin-extended letters a reader takes for the ASCII letter at a glance. */
    private static final Map<Character, String> OTHER_GLYPHS = Map.ofEntries(
            Map.entry('a', "ɑαáàä"), Map.entry('b', "ḃḅ"), Map.entry('c', "çć"), Map.entry('d', "ɗđḍ"),
            Map.entry('e', "éèëė"), Map.entry('f', "ƒ"), Map.entry('g', "ɡġğ"), Map.entry('h', "ĥḥ"),
            Map.entry('i', "ıɩíï"), Map.entry('j', "ĵ"), Map.entry('k', "κķḳ"), Map.entry('l', "łḷ"),
            Map.entry('m', "ṁṃ"), Map.entry('n', "ńñṅ"), Map.entry('o', "οóöọ"), Map.entry('p', "ρṗ"),
            Map.entry('r', "ŕṛ"), Map.entry('s', "śšṣ"), Map.entry('t', "ţṭ"), Map.entry('u', "υüúù"),
            Map.entry('v', "νṿ"), Map.entry('w', "ŵẃ"), Map.entry('x', "ẋ"), Map.entry('y', "ýÿ"),
            Map.entry('z', "żźẓ"));

    private Glyphs() {
    }

    /** The Cyrillic letter drawn like {@code c}, or null. */
    static @Nullable Character cyrillicTwin(char c) {
        return CYRILLIC.get(c);
    }

    /** Every non-ASCII letter a reader takes for {@code c} at a glance. */
    static String of(char c) {
        Character cyrillic = CYRILLIC.get(c);
        String other = OTHER_GLYPHS.getOrDefault(c, "");
        return cyrillic == null ? other : cyrillic + other;
    }
}
