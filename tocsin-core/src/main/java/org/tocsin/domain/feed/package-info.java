/**
 * Streaming readers for feeds of domain names: newly-registered-domain lists and zone-file extracts,
 * certstream JSON lines, and CT logs' RFC 6962 {@code get-entries} responses, plain or gzip. Each name
 * or each malformed item becomes a {@link org.tocsin.domain.feed.FeedItem} as soon as it is read, so
 * memory does not grow with the feed; matching the names is the caller's business.
 */
@NullMarked
package org.tocsin.domain.feed;

import org.jspecify.annotations.NullMarked;
