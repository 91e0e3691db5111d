package org.tocsin.email;

import org.jspecify.annotations.Nullable;
import org.tocsin.domain.WebUrl;

/**
 * A link found in a message.
 *
 * @param url    where the link leads: the parsed href, or the destination inside a mail gateway's wrapper
 *               (Safe Links, URL Defense); {@code null} when the href is not a URL we can reason about
 * @param href   the target as written
 * @param text   the visible text of the anchor (empty for links found in plain text)
 * @param origin where it was found
 */
public record Link(@Nullable WebUrl url, String href, String text, Origin origin) {
    public enum Origin { HTML_BODY, TEXT_BODY, ATTACHMENT }
}
