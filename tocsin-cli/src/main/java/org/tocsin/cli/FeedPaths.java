package org.tocsin.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands feed arguments: files, {@code -} for stdin, and directories (their files, recursively, in name order). */
final class FeedPaths {
    private FeedPaths() {
    }

    static List<String> expand(List<String> args) {
        List<String> out = new ArrayList<>();
        for (String a : args) {
            Path p;
            try {
                p = a.equals("-") ? null : Path.of(a);
            } catch (java.nio.file.InvalidPathException e) {
                p = null; // the reader reports it as unreadable
            }
            if (p != null && Files.isDirectory(p)) {
                try (Stream<Path> files = Files.walk(p)) {
                    files.filter(Files::isRegularFile).map(Path::toString).sorted().forEach(out::add);
                } catch (IOException | java.io.UncheckedIOException e) {
                    out.add(a); // reported as unreadable by the reader
                }
            } else {
                out.add(a);
            }
        }
        return out;
    }
}
