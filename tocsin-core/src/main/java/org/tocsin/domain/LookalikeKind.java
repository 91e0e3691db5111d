package org.tocsin.domain;

import java.util.Locale;

/**
 * How a domain imitates a protected one, with how convincing that manipulation is on its own (0..1): a
 * match scores its strongest kind, plus a little for each further kind ({@link LookalikeIndex}).
 */
public enum LookalikeKind {
    TLD_SWAP(0.9, "The protected label under another suffix, second-level or private ones included: washingtonpost.pm, bild.eu.com, bbc.org.uk."),
    HOMOGLYPH(0.95, "Look-alike characters, ASCII or Unicode (IDN), fold to the protected label: g00gle, rnicrosoft, spiеgel with a Cyrillic e."),
    TYPO(0.85, "Within edit distance 1 (labels of 5–8 letters) or 2 (9 or more) of the protected label: insertion, omission, replacement, transposition, doubled letter (t-onlinr, washingtonpots); short labels only by a doubled letter (bildd)."),
    BITSQUAT(0.85, "One character one bit away from the original, as memory errors produce: foxnevs ('w' 0x77 to 'v' 0x76)."),
    VOWEL_SWAP(0.85, "One vowel swapped for another: spiogel, washingtanpost."),
    HYPHENATION(0.85, "A hyphen added or removed: fox-news for foxnews, tonline for t-online."),
    COMBOSQUAT(0.75, "The brand combined with other words or with its own suffix: washingtonpost-news, login-spiegel, spiegelde; short brands only as a whole hyphenated word (bild-news)."),
    SUBDOMAIN(0.8, "The protected domain or brand placed in the subdomains of another domain: spiegel.de.example.site, washingtonpost.secure-login.info.");

    private final double baseScore;
    private final String meaning;

    LookalikeKind(double baseScore, String meaning) {
        this.baseScore = baseScore;
        this.meaning = meaning;
    }

    /** How convincing this manipulation is alone; a typo of two edits scores less (see {@link LookalikeIndex}). */
    public double baseScore() {
        return baseScore;
    }

    public String meaning() {
        return meaning;
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
