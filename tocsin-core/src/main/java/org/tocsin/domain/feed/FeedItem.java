package org.tocsin.domain.feed;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One item read from a domain feed: a name to check, or what was wrong with one place in the feed.
 * Exactly one of {@code name} and {@code problem} is set. {@code source} says where the item came from:
 * {@code path:LINE} (1-based) for line-based feeds, {@code path#N} for the N-th entry (0-based) of a CT
 * {@code get-entries} file, or the bare path for a problem with the whole file; {@code -} is standard input.
 */
public record FeedItem(String source, @Nullable String name, @Nullable String problem) {

    public FeedItem {
        Objects.requireNonNull(source, "source");
        if ((name == null) == (problem == null)) {
            throw new IllegalArgumentException("exactly one of name and problem must be set");
        }
    }

    public static FeedItem name(String source, String name) {
        return new FeedItem(source, Objects.requireNonNull(name, "name"), null);
    }

    public static FeedItem problem(String source, String problem) {
        return new FeedItem(source, null, Objects.requireNonNull(problem, "problem"));
    }

    public boolean isProblem() {
        return problem != null;
    }

    /** {@code source: name} or {@code source: problem}, as a person reads it in a report. */
    @Override
    public String toString() {
        return source + ": " + (problem != null ? problem : name);
    }
}
