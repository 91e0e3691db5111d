package org.tocsin.text;

import java.util.List;

/**
 * A reference article that a suspect text copies or rewrites.
 *
 * @param similarity     Jaccard similarity of the two texts' content-word pairs (1 for a verbatim copy;
 *                       about 0.3 for a rewrite that changed 30 % of the words; under 0.05 for unrelated
 *                       articles on the same topic)
 * @param containment    share of the suspect's content-word pairs found in the reference: high when the
 *                       suspect copies part of a longer article, whatever it adds around it
 * @param sharedPassages the longest runs of six or more words the two texts share, as they stand in the
 *                       suspect text, longest first, at most five; empty when the index keeps no reference text
 */
public record CopyMatch(String referenceId, String url, String title, double similarity, double containment,
                        List<String> sharedPassages) {
    public CopyMatch {
        sharedPassages = List.copyOf(sharedPassages);
    }
}
