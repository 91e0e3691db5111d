package org.tocsin.input;

/** What an input holds, as {@link ContentSniffer} reads it from its first bytes. */
public enum ContentKind {
    /** nothing, or nothing but white space */
    EMPTY(Family.NONE, "empty"),
    /** an RFC 5322 message (.eml) */
    MAIL_MESSAGE(Family.MAIL, "an e-mail message"),
    /** messages behind {@code From } separator lines */
    MBOX(Family.MAIL, "an mbox mailbox"),
    /** an OLE2 compound file, as Outlook writes .msg files; whether it holds a message, only reading it tells */
    OUTLOOK_MSG(Family.MAIL, "an Outlook .msg file"),
    /** newly registered domains, zone-file extracts, CSV: a host name first on each line */
    DOMAIN_LIST(Family.DOMAIN_FEED, "a list of domain names"),
    /** certstream messages, one JSON object a line */
    CERTSTREAM(Family.DOMAIN_FEED, "certstream JSON lines"),
    /** a certificate-transparency log's get-entries response (RFC 6962), or an array of its entries */
    CT_ENTRIES(Family.DOMAIN_FEED, "a certificate-transparency get-entries response"),
    /** a WARC file, plain or gzip per record */
    WARC(Family.SITE_ARCHIVE, "a WARC web archive"),
    /** a zip file, as a WACZ package is; whether it holds WARCs, only reading it tells */
    WACZ(Family.SITE_ARCHIVE, "a zip file (a WACZ web archive?)"),
    /** an HTML page saved from a browser */
    HTML_PAGE(Family.SITE_ARCHIVE, "a saved HTML page"),
    /** the canonical posts CSV, header first */
    POSTS_CSV(Family.POSTS, "posts as canonical CSV"),
    /** the canonical posts schema as JSON Lines */
    POSTS_JSONL(Family.POSTS, "posts as canonical JSON Lines"),
    /** X/Twitter API v2 responses, one per file or per line, or a bare array of tweets */
    TWITTER_V2(Family.POSTS, "X/Twitter API v2 JSON"),
    /** Telegram Desktop's JSON export */
    TELEGRAM(Family.POSTS, "a Telegram Desktop export"),
    /** none of the above */
    UNKNOWN(Family.NONE, "none of the formats Tocsin reads");

    /** The analyses: each reads the kinds of one family. */
    public enum Family {
        MAIL("mail"), DOMAIN_FEED("a domain feed"), SITE_ARCHIVE("a web archive"), POSTS("a posts archive"), NONE("nothing Tocsin reads");

        private final String description;

        Family(String description) {
            this.description = description;
        }

        /** For messages: "mail", "a domain feed", … */
        public String description() {
            return description;
        }
    }

    private final Family family;
    private final String description;

    ContentKind(Family family, String description) {
        this.family = family;
        this.description = description;
    }

    public Family family() {
        return family;
    }

    /** For messages: "an mbox mailbox", "certstream JSON lines", … */
    public String description() {
        return description;
    }
}
