package org.tocsin.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tocsin.text.CopyMatch;
import org.tocsin.text.NearDuplicates;

/**
 * Copy and rewrite detection against the analyst's reference corpus of real articles (CopyCop published AI
 * rewrites of real outlets' stories): each match names the source article, how much of it the page shares, and
 * passages both have word for word.
 */
public final class ReferenceCopies implements CopyCheck {
    /** Sources named per article at most: the best matches are the story; the rest are noise. */
    private static final int MAX_SOURCES = 3;
    private final NearDuplicates index;

    public ReferenceCopies(NearDuplicates index) {
        this.index = index;
    }

    @Override
    public List<String> copiedFrom(PageView article) {
        List<String> out = new ArrayList<>();
        for (CopyMatch m : index.find(article.text())) {
            if (out.size() == MAX_SOURCES) {
                break;
            }
            String source = (m.title() == null || m.title().isBlank() ? m.referenceId() : "\"" + m.title() + "\"")
                    + (m.url() == null || m.url().isBlank() ? "" : " (" + m.url() + ")");
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "copies or rewrites %s: similarity %.2f, %.0f%% of its word pairs"
                    + " are the source's", source, m.similarity(), 100 * m.containment()));
            if (!m.sharedPassages().isEmpty()) {
                b.append("; word for word: \"").append(String.join("\" … \"", m.sharedPassages().subList(0, Math.min(2, m.sharedPassages().size()))))
                        .append('"');
            }
            out.add(b.toString());
        }
        return out;
    }
}
