package org.tocsin.social.read;

import org.jspecify.annotations.Nullable;
import org.tocsin.social.Post;

/**
 * One item read from a posts archive: a post, or the reason the item at {@code source} could not be read.
 *
 * @param source where it came from: {@code path#line} for line-based formats, {@code path#n} for the n-th item
 * @param merged true for a problem that is a merged row: a CSV record whose unclosed quote ran on into the rows
 *               after it (they are read again as rows of their own; this record is lost and counted apart)
 */
public record PostItem(String source, @Nullable Post post, @Nullable String error, boolean merged) {
    public static PostItem of(String source, Post post) {
        return new PostItem(source, post, null, false);
    }

    public static PostItem problem(String source, @Nullable String error) {
        return new PostItem(source, null, error, false);
    }

    /** A CSV record that an unclosed quote ran on into the next row (see {@link CsvRecords.MergedRows}). */
    public static PostItem mergedRow(String source, String error) {
        return new PostItem(source, null, error, true);
    }

    public boolean ok() {
        return post != null;
    }

    /** The same item, its source prefixed (the Flink job names the file in front of {@code #line}). */
    public PostItem withSourcePrefix(String prefix) {
        return new PostItem(prefix + source, post, error, merged);
    }
}
