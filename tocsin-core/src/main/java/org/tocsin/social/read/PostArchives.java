package org.tocsin.social.read;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.tocsin.input.Input;
import org.tocsin.input.InputWalker;

/**
 * Every post of the inputs, in order: files, directories and {@code -} for stdin, as {@link InputWalker} finds them
 * (recursively, in name order, links followed once), each input's format read from its content (gzip undone first).
 * An input that cannot be opened or is in no known format is one problem item; the others go on.
 */
public final class PostArchives implements PostSource {
    /** What is left to read: {@link Input}s, and the walk's problems where they were met. */
    private final Deque<Object> pending = new ArrayDeque<>();
    private @Nullable PostSource current;
    private @Nullable String currentName;

    private PostArchives(List<String> inputs) {
        new InputWalker().walk(inputs, InputWalker.Visitor.of(pending::add,
                (where, reason) -> pending.add(PostItem.problem(where, "cannot read: " + reason))));
    }

    /** @param inputs paths, directories or {@code -} */
    public static PostArchives open(List<String> inputs) {
        return new PostArchives(inputs);
    }

    @Override
    public @Nullable PostItem next() throws IOException {
        while (true) {
            if (current != null) {
                PostItem item;
                try {
                    item = current.next();
                } catch (IOException | RuntimeException e) {
                    // the input broke off (truncated gzip, a read error): what was read stays read
                    closeCurrent();
                    return PostItem.problem(String.valueOf(currentName), "input broke off: " + e.getMessage());
                }
                if (item != null) {
                    return item;
                }
                closeCurrent();
            }
            Object next = pending.poll();
            if (next == null) {
                return null;
            }
            if (next instanceof PostItem problem) {
                return problem;
            }
            Input input = (Input) next;
            try {
                currentName = input.name();
                current = PostStreams.open(input.open(), input.name());
            } catch (IOException e) {
                return PostItem.problem(input.name(), "cannot read: " + InputWalker.reason(e));
            }
        }
    }

    private void closeCurrent() throws IOException {
        if (current != null) {
            try {
                current.close();
            } finally {
                current = null;
            }
        }
    }

    @Override
    public void close() throws IOException {
        closeCurrent();
        pending.clear();
    }
}
