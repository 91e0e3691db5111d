package org.tocsin.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One input to read: a file (named on the command line, or found in a directory named there) or a stream such as
 * standard input. Readers open it, sniff it ({@link ContentSniffer}) and name what they read after {@link #name()}.
 */
public final class Input {
    private final String name;
    private final @Nullable Path path;
    private final @Nullable InputStream stream;
    private final boolean named;

    private Input(String name, @Nullable Path path, @Nullable InputStream stream, boolean named) {
        this.name = Objects.requireNonNull(name);
        this.path = path;
        this.stream = stream;
        this.named = named;
    }

    /** @param named whether the user named it, rather than it being found in a directory they named */
    public static Input file(Path path, boolean named) {
        return new Input(path.toString(), path, null, named);
    }

    /** A stream the caller owns: reading it through {@link #open()} never closes it. {@code -} names standard input. */
    public static Input stream(String name, InputStream in) {
        return new Input(name, null, Objects.requireNonNull(in), true);
    }

    /** The path as given or found ({@code dir/sub/file}), or the stream's name ({@code -}). */
    public String name() {
        return name;
    }

    /** The file, or null for a stream. */
    public @Nullable Path path() {
        return path;
    }

    public boolean isFile() {
        return path != null;
    }

    /** Whether the user named it; a file found in a directory is not, and readers may pass over it quietly. */
    public boolean named() {
        return named;
    }

    /** A new stream of the file, or the stream itself (closing it leaves the caller's stream open). */
    public InputStream open() throws IOException {
        if (path != null) {
            return Files.newInputStream(path);
        }
        return new FilterInputStream(stream) {
            @Override
            public void close() {
                // the caller's stream (standard input belongs to the process)
            }
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
