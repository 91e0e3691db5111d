package org.tocsin.social.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every post of the inputs, in order: files, directories (recursively, in name order) and {@code -} for stdin,
 * each input's format read from its content (gzip undone first). An input that cannot be opened or is in no
 * known format is one problem item; the others go on.
 */
public final class PostArchives implements PostSource {
    private final Deque<String> pending;
    private PostSource current;

    private PostArchives(List<String> inputs) {
        this.pending = new ArrayDeque<>(inputs);
    }

    /** @param inputs paths, directories or {@code -} */
    public static PostArchives open(List<String> inputs) {
        return new PostArchives(inputs);
    }

    @Override
    public PostItem next() throws IOException {
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
            if (pending.isEmpty()) {
                return null;
            }
            String input = pending.poll();
            if (!input.equals("-") && Files.isDirectory(Path.of(input))) {
                List<String> files = new ArrayList<>();
                try (Stream<Path> s = Files.walk(Path.of(input))) {
                    s.filter(Files::isRegularFile).map(Path::toString).sorted().forEach(files::add);
                } catch (IOException e) {
                    return PostItem.problem(input, "cannot list: " + e.getMessage());
                }
                for (int i = files.size() - 1; i >= 0; i--) {
                    pending.push(files.get(i));
                }
                continue;
            }
            try {
                openInput(input);
            } catch (IOException e) {
                return PostItem.problem(input, "cannot read: " + e.getMessage());
            }
        }
    }

    private String currentName;

    /** Opens one input as {@link #current}; an input in no known format is a source of that one problem. */
    private void openInput(String input) throws IOException {
        InputStream raw = input.equals("-") ? new KeepOpenStdin() : Files.newInputStream(Path.of(input));
        currentName = input;
        current = PostStreams.open(raw, input);
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

    /** Standard input, which closing a reader must not close. */
    private static final class KeepOpenStdin extends java.io.FilterInputStream {
        KeepOpenStdin() {
            super(System.in);
        }

        @Override
        public void close() {
            // stdin belongs to the process
        }
    }
}
