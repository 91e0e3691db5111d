package org.tocsin.site;

/**
 * Something a site carries that another site may carry too: an analytics or ad id, a verification token, a
 * theme and plugin set, a CMS, a server.
 *
 * @param kind  what it is: {@code google-analytics}, {@code adsense}, {@code google-site-verification}, {@code wordpress-theme}, …
 * @param value the id itself
 * @param tier  how much sharing it means
 * @param where the first page it was seen on
 */
public record SiteId(String kind, String value, Tier tier, String where) {
    /** What sharing an item says about two sites (GMF's Disinformation Laundromat tiers). */
    public enum Tier {
        /** the same account or token: one operator */
        STRONG,
        /** the same build: theme and plugins, page template */
        MEDIUM,
        /** common to many unrelated sites: CMS, server software */
        WEAK;

        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The key two sites share. */
    public String key() {
        return kind + ":" + value;
    }
}
