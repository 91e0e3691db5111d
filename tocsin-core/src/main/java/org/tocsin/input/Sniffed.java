package org.tocsin.input;

import org.jspecify.annotations.Nullable;

/**
 * What {@link ContentSniffer} made of an input.
 *
 * @param kind    what the input holds (inside the gzip, when {@code gzip}), judged on what could be read of it
 * @param gzip    whether the input is gzip-compressed (a .warc.gz, a .txt.gz feed, a .csv.gz of posts)
 * @param damaged whether the gzip data broke off or is corrupt within the bytes looked at; {@code kind} is then
 *                judged on what was inflated before the damage
 * @param detail  for {@link ContentKind#UNKNOWN}, what it looked like instead ("binary data", "JSON of another
 *                shape", …); otherwise null
 */
public record Sniffed(ContentKind kind, boolean gzip, boolean damaged, @Nullable String detail) {

    static Sniffed of(ContentKind kind, boolean gzip) {
        return new Sniffed(kind, gzip, false, null);
    }

    static Sniffed unknown(boolean gzip, String detail) {
        return new Sniffed(ContentKind.UNKNOWN, gzip, false, detail);
    }

    Sniffed withDamage() {
        return new Sniffed(kind, gzip, true, detail);
    }

    public ContentKind.Family family() {
        return kind.family();
    }

    /** For messages: "a WARC web archive, gzip-compressed", "none of the formats Tocsin reads (binary data)". */
    public String describe() {
        String what = kind.description() + (gzip ? ", gzip-compressed" : "") + (detail == null ? "" : " (" + detail + ")");
        return damaged ? what + "; its gzip data is damaged" : what;
    }

    /** The message a reader of {@code expected} gives an input of another kind: "not mail: a list of domain names". */
    public String notA(ContentKind.Family expected) {
        return "not " + expected.description() + ": " + describe();
    }
}
