package org.tocsin.domain;

import com.ibm.icu.text.IDNA;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Registrable look-alikes of a protected domain, for defensive registration and blocklists
 * ({@code tocsin domains variants}): the permutations of dnstwist's fuzzers (addition, bitsquatting,
 * homoglyph, hyphenation, insertion, omission, repetition, replacement, transposition, vowel-swap,
 * dictionary, tld-swap, subdomain, various). Written here because dnstwist is a Python command and no
 * maintained Java library generates these; the fuzzers follow dnstwist's definitions, while the tables
 * (keyboards, glyphs, words, suffixes) are our own.
 *
 * <p>Fuzzers change the registrable label and keep the suffix ({@code bbc} of {@code bbc.co.uk}), except
 * tld-swap, which keeps the label and changes the suffix. Subdomains of the input are dropped: the
 * variants of {@code www.bild.de} are those of {@code bild.de}. The subdomain fuzzer gives whole hosts
 * ({@code washi.ngtonpost.com}); {@link Variant#registrable()} is the part someone would register. Unlike
 * dnstwist, the dictionary fuzzer does not replace one word of a hyphenated label ({@code t-online} would
 * become {@code news-online}, which no longer carries the brand).
 *
 * <p>A domain that more than one fuzzer makes is credited to the first fuzzer in {@link #FUZZERS}, which
 * run from the most specific explanation to the most generic: {@code bildd.de} is a repetition rather
 * than the addition of a 'd', {@code spiagel.de} a vowel swap although 'e' and 'a' also differ in one
 * bit, {@code f0xnews.com} a homoglyph although '0' is also next to 'o' on the keyboard.
 *
 * <p>Every variant is a valid name: labels of 1–63 characters of {@code [a-z0-9-]}, no hyphen at either
 * end nor in the third and fourth places unless it is punycode, and punycode that decodes under UTS #46
 * (ICU, with the bidi and context checks) back to the intended glyphs. Registries may still refuse a
 * mixed-script label; that is their policy, not validity, so such labels are kept.
 */
public final class LookalikeVariants {
    /** The fuzzers in the order they run; the first to make a domain is credited with it. */
    public static final List<String> FUZZERS = List.of("homoglyph", "vowel-swap", "repetition", "transposition",
            "omission", "hyphenation", "bitsquatting", "replacement", "insertion", "addition", "dictionary",
            "subdomain", "tld-swap", "various");

    private static final String VOWELS = "aeiou";
    private static final String LETTERS_AND_DIGITS = "abcdefghijklmnopqrstuvwxyz0123456789";

    /** Strict UTS #46: DomainNames.toAscii is lenient on purpose (it reads what mail carries); variants must be valid. */
    private static final IDNA STRICT = IDNA.getUTS46Instance(IDNA.NONTRANSITIONAL_TO_ASCII
            | IDNA.NONTRANSITIONAL_TO_UNICODE | IDNA.CHECK_BIDI | IDNA.CHECK_CONTEXTJ | IDNA.CHECK_CONTEXTO);

    private LookalikeVariants() {
    }

    /** Every variant of {@code domain}, in {@link #FUZZERS} order; throws when it is not a registrable name. */
    public static List<Variant> of(String domain) {
        return of(domain, Integer.MAX_VALUE);
    }

    /** At most {@code limit} variants, the most specific fuzzers first. */
    public static List<Variant> of(String domain, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        Target t = Target.of(domain);
        Map<String, String> found = new LinkedHashMap<>();
        for (String fuzzer : FUZZERS) {
            if (found.size() >= limit) {
                break;
            }
            generate(fuzzer, t, host -> {
                String ascii = accept(host, t, fuzzer.equals("subdomain"));
                if (ascii != null && found.size() < limit) {
                    found.putIfAbsent(ascii, fuzzer);
                }
            });
        }
        List<Variant> out = new ArrayList<>(found.size());
        found.forEach((d, f) -> out.add(new Variant(d, f)));
        return List.copyOf(out);
    }

    /**
     * The domain to vary.
     *
     * @param registrable ASCII registrable domain of the input
     * @param label       its first label in Unicode, so an IDN is varied character by character
     * @param suffix      the public suffix in Unicode ({@code co.uk})
     */
    private record Target(String registrable, String label, String suffix) {
        static Target of(String domain) {
            String ascii = DomainNames.toAscii(domain);
            if (ascii == null || DomainNames.isIpv4(ascii) || ascii.startsWith("[")) {
                throw new IllegalArgumentException("not a domain name: " + domain);
            }
            String reg = DomainNames.registrable(ascii);
            int dot = reg.indexOf('.');
            if (dot <= 0 || isPublicSuffix(reg) || !isPublicSuffix(reg.substring(dot + 1))) {
                throw new IllegalArgumentException("not a registrable domain under a public suffix: " + domain);
            }
            return new Target(reg, DomainNames.toUnicode(reg.substring(0, dot)), DomainNames.toUnicode(reg.substring(dot + 1)));
        }

        String with(String label) {
            return label + "." + suffix;
        }
    }

    private static void generate(String fuzzer, Target t, Consumer<String> hosts) {
        String l = t.label();
        Consumer<String> labels = v -> hosts.accept(t.with(v));
        switch (fuzzer) {
            case "homoglyph" -> homoglyphs(l, labels);
            case "vowel-swap" -> vowelSwaps(l, labels);
            case "repetition" -> {
                for (int i = 0; i < l.length(); i++) {
                    labels.accept(l.substring(0, i + 1) + l.substring(i));
                }
            }
            case "transposition" -> {
                for (int i = 0; i + 1 < l.length(); i++) {
                    if (l.charAt(i) != l.charAt(i + 1)) {
                        labels.accept(l.substring(0, i) + l.charAt(i + 1) + l.charAt(i) + l.substring(i + 2));
                    }
                }
            }
            case "omission" -> {
                for (int i = 0; i < l.length(); i++) {
                    labels.accept(l.substring(0, i) + l.substring(i + 1));
                }
            }
            case "hyphenation" -> {
                for (int i = 1; i < l.length(); i++) {
                    if (l.charAt(i - 1) != '-' && l.charAt(i) != '-') {
                        labels.accept(l.substring(0, i) + "-" + l.substring(i));
                    }
                }
            }
            case "bitsquatting" -> bitsquats(l, labels);
            case "replacement" -> {
                for (int i = 0; i < l.length(); i++) {
                    for (char n : KeyboardNeighbours.of(l.charAt(i)).toCharArray()) {
                        labels.accept(l.substring(0, i) + n + l.substring(i + 1));
                    }
                }
            }
            case "insertion" -> {
                for (int i = 0; i < l.length(); i++) {
                    for (char n : KeyboardNeighbours.of(l.charAt(i)).toCharArray()) {
                        labels.accept(l.substring(0, i) + n + l.substring(i)); // the neighbour struck before the key
                        labels.accept(l.substring(0, i + 1) + n + l.substring(i + 1)); // and after it
                    }
                }
            }
            case "addition" -> {
                for (char c : LETTERS_AND_DIGITS.toCharArray()) {
                    labels.accept(l + c);
                }
            }
            case "dictionary" -> {
                for (String w : Lists.WORDS) {
                    if (!w.equals(l)) {
                        labels.accept(l + w);
                        labels.accept(l + "-" + w);
                        labels.accept(w + l);
                        labels.accept(w + "-" + l);
                    }
                }
            }
            case "subdomain" -> {
                // the tail must keep two characters, as in dnstwist; a dot next to a hyphen makes an invalid label
                for (int i = 1; i < l.length() - 1; i++) {
                    if (l.charAt(i) != '-' && l.charAt(i - 1) != '-') {
                        labels.accept(l.substring(0, i) + "." + l.substring(i));
                    }
                }
            }
            case "tld-swap" -> {
                for (String s : Lists.SUFFIXES) {
                    if (!s.equals(t.suffix())) {
                        hosts.accept(l + "." + s);
                    }
                }
            }
            case "various" -> various(t, hosts);
            default -> throw new IllegalArgumentException("unknown fuzzer " + fuzzer);
        }
    }

    /**
     * ASCII look-alikes ({@code rnicrosoft}, {@code g00gle}), then Cyrillic, Greek and Latin-extended letters
     * one at a time, then each glyph in every place its letter occurs, then the label written wholly in
     * Cyrillic when every letter has a Cyrillic twin: such a label has no mixed script for browsers to flag.
     */
    private static void homoglyphs(String l, Consumer<String> out) {
        for (int i = 0; i < l.length(); i++) {
            for (String[] g : Glyphs.ASCII) {
                if (l.startsWith(g[0], i)) {
                    out.accept(l.substring(0, i) + g[1] + l.substring(i + g[0].length()));
                }
            }
            for (char g : Glyphs.of(l.charAt(i)).toCharArray()) {
                out.accept(l.substring(0, i) + g + l.substring(i + 1));
            }
        }
        for (String[] g : Glyphs.ASCII) {
            if (occurrences(l, g[0]) > 1) {
                out.accept(l.replace(g[0], g[1]));
            }
        }
        for (char c : new LinkedHashSet<>(chars(l))) {
            if (occurrences(l, String.valueOf(c)) > 1) {
                for (char g : Glyphs.of(c).toCharArray()) {
                    out.accept(l.replace(c, g));
                }
            }
        }
        StringBuilder cyrillic = new StringBuilder(l.length());
        for (int i = 0; i < l.length(); i++) {
            char c = l.charAt(i);
            Character twin = Glyphs.cyrillicTwin(c);
            if (twin == null && Character.isLetter(c)) {
                return;
            }
            cyrillic.append(twin == null ? c : twin);
        }
        out.accept(cyrillic.toString());
    }

    private static void vowelSwaps(String l, Consumer<String> out) {
        for (int i = 0; i < l.length(); i++) {
            if (VOWELS.indexOf(l.charAt(i)) < 0) {
                continue;
            }
            for (char v : VOWELS.toCharArray()) {
                if (v != l.charAt(i)) {
                    out.accept(l.substring(0, i) + v + l.substring(i + 1));
                }
            }
        }
    }

    /** Each bit of each character flipped, as a memory error would; only results that are host-name characters. */
    private static void bitsquats(String l, Consumer<String> out) {
        for (int i = 0; i < l.length(); i++) {
            for (int bit = 0; bit < 8; bit++) {
                char flipped = (char) (l.charAt(i) ^ (1 << bit));
                if (flipped == '-' || LETTERS_AND_DIGITS.indexOf(flipped) >= 0) {
                    out.accept(l.substring(0, i) + flipped + l.substring(i + 1));
                }
            }
        }
    }

    /**
     * The label glued to its suffix ({@code bildde.com}, {@code bildde.de}, {@code bild-de.com}), a glued
     * {@code www} ({@code wwwbild.de}), and for a two-level suffix its halves ({@code bbc.uk}, {@code bbcco.uk}).
     */
    private static void various(Target t, Consumer<String> out) {
        String l = t.label();
        String s = t.suffix();
        String glued = l + s.replace(".", "");
        out.accept(glued + ".com");
        out.accept(glued + "." + s);
        out.accept(l + "-" + s.replace('.', '-') + ".com");
        out.accept("www" + l + "." + s);
        out.accept("www-" + l + "." + s);
        int dot = s.indexOf('.');
        if (dot > 0) {
            out.accept(l + "." + s.substring(s.lastIndexOf('.') + 1));
            out.accept(l + s.substring(0, dot) + "." + s.substring(dot + 1));
        }
    }

    /** The ASCII form of a generated host when it is a valid name of the kind the fuzzer promises, else null. */
    private static @Nullable String accept(String host, Target t, boolean subdomain) {
        String ascii = DomainNames.toAscii(host);
        if (ascii == null || ascii.equals(t.registrable()) || !wellFormed(ascii)
                || (ascii.contains("xn--") && !decodesTo(ascii, host))) {
            return null;
        }
        String reg = DomainNames.registrable(ascii);
        if (reg == null || isPublicSuffix(reg)) {
            return null;
        }
        // a subdomain variant must move the registrable part; every other variant is itself registrable
        return (subdomain ? !reg.equals(t.registrable()) : reg.equals(ascii)) ? ascii : null;
    }

    private static boolean wellFormed(String ascii) {
        if (ascii.length() > 253) {
            return false;
        }
        for (String label : ascii.split("\\.", -1)) {
            int n = label.length();
            if (n == 0 || n > 63 || label.charAt(0) == '-' || label.charAt(n - 1) == '-'
                    || (n >= 4 && label.charAt(2) == '-' && label.charAt(3) == '-' && !label.startsWith("xn--"))) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                char c = label.charAt(i);
                if (!(c == '-' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Punycode that strict UTS #46 accepts and that decodes to the glyphs generated, not to a mapping of them. */
    private static boolean decodesTo(String ascii, String unicode) {
        StringBuilder decoded = new StringBuilder();
        IDNA.Info info = new IDNA.Info();
        STRICT.nameToUnicode(ascii, decoded, info);
        return !info.hasErrors() && decoded.toString().equals(unicode);
    }

    /** True for a public suffix itself ({@code com.de}, {@code co.uk}), under the same list as {@link DomainNames#registrable}. */
    private static boolean isPublicSuffix(String name) {
        return DomainNames.publicSuffixLabel(name) == 0;
    }

    private static int occurrences(String s, String part) {
        int count = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }

    private static List<Character> chars(String s) {
        List<Character> out = new ArrayList<>(s.length());
        for (int i = 0; i < s.length(); i++) {
            out.add(s.charAt(i));
        }
        return out;
    }

    /** The bundled word and suffix lists, read once on first use. */
    private static final class Lists {
        static final List<String> WORDS = read("variant-words.txt");
        static final List<String> SUFFIXES = read("variant-suffixes.txt");

        private static List<String> read(String name) {
            String path = "/tocsin/reference/" + name;
            try (InputStream in = LookalikeVariants.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("reference file missing from the build: " + path);
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                Set<String> entries = new LinkedHashSet<>();
                for (String line; (line = r.readLine()) != null; ) {
                    String e = line.strip().toLowerCase(Locale.ROOT);
                    if (!e.isEmpty() && !e.startsWith("#")) {
                        entries.add(e.startsWith(".") ? e.substring(1) : e);
                    }
                }
                return List.copyOf(entries);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
    }
}
