package org.tocsin.domain;

import java.util.Locale;

/** How a domain imitates a protected one. */
public enum LookalikeKind {
    /** The same label under another suffix: washingtonpost.pm, bild.eu.com. */
    TLD_SWAP,
    /** Confusable characters, ASCII or Unicode: g00gle, rnicrosoft, pаypal (Cyrillic a). */
    HOMOGLYPH,
    /** Within a small edit distance (insert, delete, substitute, transpose, double a letter): t-onlinr, bildd. */
    TYPO,
    /** One character differing from the original in a single bit: cnn -> cfn ('n' 0x6e, 'f' 0x66). */
    BITSQUAT,
    /** One vowel swapped for another: spiegel -> spiagel. */
    VOWEL_SWAP,
    /** A hyphen added or removed: fox-news vs foxnews. */
    HYPHENATION,
    /** The brand combined with other words: washingtonpost-news, login-spiegel. */
    COMBOSQUAT,
    /** The protected domain or brand placed in a subdomain of another domain: spiegel.de.example.site. */
    SUBDOMAIN;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
