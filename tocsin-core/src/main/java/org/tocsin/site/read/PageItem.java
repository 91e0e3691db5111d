package org.tocsin.site.read;

import org.jspecify.annotations.Nullable;

/**
 * What a reader delivers for each record it reads: a page, or a problem with the record (truncated, wrong
 * length, not decodable, too big) that it reports and goes on past.
 *
 * @param source where (archive path and record offset, or file path)
 */
public record PageItem(String source, @Nullable SitePage page, @Nullable String problem) {
    public static PageItem of(SitePage page) {
        return new PageItem(page.evidence().source(), page, null);
    }

    public static PageItem problem(String source, String problem) {
        return new PageItem(source, null, problem);
    }

    public boolean ok() {
        return page != null;
    }
}
