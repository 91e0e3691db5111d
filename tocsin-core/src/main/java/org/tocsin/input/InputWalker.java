package org.tocsin.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Turns what a user names (files, directories, {@code -} for standard input) into the inputs to read, for every
 * command and reader that takes paths. The rules, written once (docs/cli.md):
 *
 * <ul>
 *   <li>A directory is read recursively, in name order directory by directory; names starting with {@code .} and a
 *       Maildir's {@code tmp/} (messages still being delivered) are skipped inside it.</li>
 *   <li>Symbolic links are followed, named or found: a link to a directory is read as that directory. Each directory
 *       and each file is read once per run, however many ways lead to it (two links, a directory named twice), and a
 *       link back to a directory above it is reported as a loop and not followed.</li>
 *   <li>What cannot be read — a directory that cannot be listed, a link to nothing, a missing path — is one problem
 *       naming the path and the reason; the walk goes on around it.</li>
 * </ul>
 *
 * Inputs are handed on as they are found, so memory grows with the depth and width of the tree, not its size (and
 * with the identities of what was read, to read each once).
 */
public final class InputWalker {
    /** Where the walk hands what it finds. */
    public interface Visitor {
        void input(Input input);

        /** @param where the path (as named or found); {@code reason} says what is wrong, in a few words */
        void problem(String where, String reason);

        /** A visitor of two functions: one for the inputs, one for the problems. */
        static Visitor of(Consumer<Input> inputs, BiConsumer<String, String> problems) {
            return new Visitor() {
                @Override
                public void input(Input input) {
                    inputs.accept(input);
                }

                @Override
                public void problem(String where, String reason) {
                    problems.accept(where, reason);
                }
            };
        }
    }

    private final InputStream stdin;

    /** A walker whose {@code -} is the process's standard input. */
    public InputWalker() {
        this(System.in);
    }

    /** @param stdin what {@code -} reads */
    public InputWalker(InputStream stdin) {
        this.stdin = stdin;
    }

    /** Walks every argument in order; each directory, file and problem is handed to {@code visitor} as it is met. */
    public void walk(List<String> args, Visitor visitor) {
        new Walk(visitor).all(args);
    }

    /** Every input of the arguments, in order, for callers that want the list; {@code problems} gets (where, reason). */
    public List<Input> inputs(List<String> args, BiConsumer<String, String> problems) {
        List<Input> out = new ArrayList<>();
        walk(args, Visitor.of(out::add, problems));
        return out;
    }

    /**
     * The inputs under one path an option names (a corpus, a records directory): what is under it that cannot be
     * read goes to {@code problems}; the path itself not readable is an exception, since the option cannot be honoured.
     *
     * @throws IOException naming the path and why it cannot be read
     */
    public List<Input> under(Path path, BiConsumer<String, String> problems) throws IOException {
        String[] unreadable = {null};
        List<Input> inputs = inputs(List.of(path.toString()), (where, reason) -> {
            if (where.equals(path.toString())) {
                unreadable[0] = reason;
            } else {
                problems.accept(where, reason);
            }
        });
        if (unreadable[0] != null) {
            throw new IOException(path + ": " + unreadable[0]);
        }
        return inputs;
    }

    /** A file system error in a few words: "permission denied", "no such file or directory", … */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemLoopException) {
            return "a symbolic link back to a directory above it: a loop, not followed";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            String r = f.getReason().toLowerCase(java.util.Locale.ROOT);
            return r.startsWith("too many levels of symbolic links") ? "a loop of symbolic links" : r; // ELOOP
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** One run over the arguments: what was read, so nothing is read twice. */
    private final class Walk {
        private final Visitor visitor;
        private final Set<Object> files = new HashSet<>();
        private final Set<Object> directories = new HashSet<>();
        private final Deque<Object> ancestors = new ArrayDeque<>();

        Walk(Visitor visitor) {
            this.visitor = visitor;
        }

        void all(List<String> args) {
            for (String arg : args) {
                if (arg.equals("-")) {
                    visitor.input(Input.stream("-", stdin));
                    continue;
                }
                Path path;
                try {
                    path = Path.of(arg);
                } catch (InvalidPathException e) {
                    visitor.problem(arg, "not a usable path: " + e.getReason());
                    continue;
                }
                BasicFileAttributes attrs = attributes(path);
                if (attrs == null) {
                    continue;
                }
                if (attrs.isDirectory()) {
                    directory(path, attrs);
                } else if (files.add(key(path, attrs))) {
                    visitor.input(Input.file(path, true)); // named: read whatever it is (a FIFO, /dev/stdin, …)
                }
            }
        }

        /** The attributes of what the path leads to (links followed), or null after reporting why there are none. */
        private @Nullable BasicFileAttributes attributes(Path path) {
            try {
                return Files.readAttributes(path, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                visitor.problem(path.toString(), Files.isSymbolicLink(path) ? "a symbolic link to nothing" : reason(e));
            } catch (IOException e) {
                visitor.problem(path.toString(), reason(e));
            }
            return null;
        }

        private void directory(Path dir, BasicFileAttributes attrs) {
            Object key = key(dir, attrs);
            if (ancestors.contains(key)) {
                visitor.problem(dir.toString(), reason(new FileSystemLoopException(dir.toString())));
                return;
            }
            if (!directories.add(key)) {
                return; // already read by another way: once is enough
            }
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> list = Files.newDirectoryStream(dir)) {
                for (Path child : list) {
                    children.add(child);
                }
            } catch (IOException e) {
                visitor.problem(dir.toString(), "cannot list directory: " + reason(e));
                return;
            } catch (DirectoryIteratorException e) {
                visitor.problem(dir.toString(), "listing broke off: " + reason(Objects.requireNonNull(e.getCause())));
            }
            children.sort(Comparator.comparing(p -> p.getFileName().toString()));
            ancestors.push(key);
            try {
                for (Path child : children) {
                    child(child);
                }
            } finally {
                ancestors.pop();
            }
        }

        private void child(Path child) {
            String name = child.getFileName().toString();
            if (name.startsWith(".")) {
                return;
            }
            BasicFileAttributes attrs = attributes(child);
            if (attrs == null) {
                return;
            }
            if (attrs.isDirectory()) {
                if (!(name.equals("tmp") && Files.isDirectory(child.resolveSibling("cur")))) { // a Maildir's tmp/
                    directory(child, attrs);
                }
            } else if (attrs.isRegularFile() && files.add(key(child, attrs))) {
                visitor.input(Input.file(child, false));
            }
            // sockets, FIFOs and devices found in a tree are not inputs
        }

        /** What identifies a file whatever the path to it: device and inode where the file system has them. */
        private Object key(Path path, BasicFileAttributes attrs) {
            if (attrs.fileKey() != null) {
                return attrs.fileKey();
            }
            try {
                return path.toRealPath();
            } catch (IOException e) {
                return path.toAbsolutePath().normalize();
            }
        }
    }
}
