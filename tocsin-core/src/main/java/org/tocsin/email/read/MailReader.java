package org.tocsin.email.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.tocsin.email.MailMessage;

/**
 * Turns command-line inputs into messages: {@code .eml} files, mbox files, Maildir and any other
 * directory (walked recursively, in name order), Outlook {@code .msg} files, and {@code -} for standard
 * input. The format of each file is sniffed from its first bytes, not trusted from its name. Every item
 * is handed on as soon as it is parsed, so memory does not grow with the input, and an unreadable item
 * becomes a {@link MailItem} carrying its error while the rest go on.
 */
public final class MailReader {
    private static final int SNIFF = 8;
    private final MimeMailParser mime = new MimeMailParser();
    private final OutlookMsgParser outlook = new OutlookMsgParser(mime);
    private final InputStream stdin;

    public MailReader() {
        this(System.in);
    }

    public MailReader(InputStream stdin) {
        this.stdin = stdin;
    }

    /** Reads every input in order, handing each item to {@code sink}. */
    public void read(List<String> inputs, Consumer<MailItem> sink) {
        for (String input : inputs) {
            if (input.equals("-")) {
                readStream(stdin, "-", sink);
                continue;
            }
            Path p = Path.of(input);
            if (Files.isDirectory(p)) {
                for (Path f : filesUnder(p, sink)) {
                    readFile(f, sink);
                }
            } else if (Files.isRegularFile(p)) {
                readFile(p, sink);
            } else {
                sink.accept(MailItem.failed(input, Files.exists(p) ? "not a regular file" : "no such file or directory"));
            }
        }
    }

    /** Reads one stream (an .eml, .msg or mbox, sniffed as for files), handing each item to {@code sink}. */
    public void read(InputStream in, String source, Consumer<MailItem> sink) {
        readStream(in, source, sink);
    }

    /**
     * Every regular file under {@code dir}, in name order, without hidden files or Maildir {@code tmp/}
     * (messages still being delivered). A directory or file that cannot be opened becomes an error item;
     * the walk goes on around it.
     */
    private List<Path> filesUnder(Path dir, Consumer<MailItem> sink) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    String name = d.getFileName() == null ? "" : d.getFileName().toString();
                    if (!d.equals(dir) && (name.startsWith(".")
                            || (name.equals("tmp") && Files.isDirectory(d.resolveSibling("cur"))))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !f.getFileName().toString().startsWith(".")) {
                        files.add(f);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path f, IOException e) {
                    sink.accept(MailItem.failed(f.toString(), "cannot read: " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            sink.accept(MailItem.failed(dir.toString(), "cannot list directory: " + e.getMessage()));
        }
        files.sort(null);
        return files;
    }

    private void readFile(Path f, Consumer<MailItem> sink) {
        try (InputStream in = Files.newInputStream(f)) {
            readStream(in, f.toString(), sink);
        } catch (IOException e) {
            sink.accept(MailItem.failed(f.toString(), "cannot read: " + e.getMessage()));
        }
    }

    private void readStream(InputStream raw, String source, Consumer<MailItem> sink) {
        try {
            BufferedInputStream in = new BufferedInputStream(raw, 16 * 1024);
            in.mark(SNIFF);
            byte[] head = in.readNBytes(SNIFF);
            in.reset();
            if (head.length == 0) {
                sink.accept(MailItem.failed(source, "empty file"));
            } else if (AttachmentInspector.magic(head).equals("ole")) {
                sink.accept(one(() -> outlook.parse(in, source, 0), source));
            } else if (MboxSplitter.looksLikeMbox(head)) {
                MboxSplitter mbox = new MboxSplitter(in);
                int n = 0;
                for (InputStream m; (m = mbox.next()) != null; ) {
                    n++;
                    InputStream message = m;
                    String itemSource = source + "#" + n;
                    sink.accept(one(() -> mime.parse(message, itemSource), itemSource));
                }
            } else {
                sink.accept(one(() -> mime.parse(in, source), source));
            }
        } catch (IOException e) {
            sink.accept(MailItem.failed(source, "cannot read: " + e.getMessage()));
        }
    }

    private interface Parse {
        MailMessage run() throws IOException;
    }

    private static MailItem one(Parse parse, String source) {
        try {
            MailMessage m = parse.run();
            if (m.headers().isEmpty()) {
                return MailItem.failed(source, "not an e-mail message: no header fields");
            }
            return MailItem.of(m);
        } catch (IOException e) {
            return MailItem.failed(source, e.getMessage());
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return MailItem.failed(source, "unreadable: " + e);
        }
    }
}
