package org.tocsin.site;

import java.util.List;

/** Compares an article with the analyst's reference corpus: one sentence per source it copies or rewrites. */
@FunctionalInterface
public interface CopyCheck {
    /** Nothing to compare with: no reference corpus was given. */
    CopyCheck NONE = article -> List.of();

    List<String> copiedFrom(PageView article);
}
