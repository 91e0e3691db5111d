package org.tocsin.site;

import org.jspecify.annotations.Nullable;

/**
 * One transparency or credibility criterion, judged from the archived pages (NewsGuard-style, point by point).
 *
 * @param met      true, false, or null when the archive cannot tell
 * @param evidence what was found, or what was looked for and not found
 */
public record Criterion(String name, @Nullable Boolean met, String evidence) {
}
