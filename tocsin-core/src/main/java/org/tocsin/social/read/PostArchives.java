package org.tocsin.social.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Every post of the inputs, in order: files, directories (recursively, in name order) and {@code -} for stdin,
 * each input's format read from its content (gzip undone first). An input that cannot be opened or is in no
 * known format is one problem item; the others go on.
 */
public final class PostArchives implements PostSource {
    private static final int SNIFF = 8192;

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
                if (item != null && !item.ok() && guard != null && guard.failure != null) {
                    // the reader's complaint (a record cut short) is the break's consequence: one problem, naming the cause
                    String why = guard.failure.getMessage();
                    guard = null;
                    closeCurrent();
                    return PostItem.problem(currentName, "input broke off: " + why + " (" + item.error() + " at " + item.source() + ")");
                }
                if (item != null) {
                    return item;
                }
                closeCurrent();
                if (guard != null && guard.failure != null) {
                    String why = guard.failure.getMessage();
                    guard = null;
                    return PostItem.problem(currentName, "input broke off: " + why);
                }
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
                PostItem problem = openInput(input);
                if (problem != null) {
                    return problem;
                }
            } catch (IOException e) {
                return PostItem.problem(input, "cannot read: " + e.getMessage());
            }
        }
    }

    private String currentName;
    private BreakGuard guard;

    /** Opens one input as {@link #current}; a problem item when it is in no known format. */
    private PostItem openInput(String input) throws IOException {
        InputStream raw = input.equals("-") ? new KeepOpenStdin() : Files.newInputStream(Path.of(input));
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        in.mark(4);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        InputStream body = in;
        if (b0 == 0x1f && b1 == 0x8b) {
            guard = new BreakGuard(new GZIPInputStream(in, 1 << 16));
            body = new BufferedInputStream(guard, 1 << 16);
        } else {
            guard = new BreakGuard(in);
            body = new BufferedInputStream(guard, 1 << 16);
        }
        body.mark(SNIFF);
        byte[] head = body.readNBytes(SNIFF);
        body.reset();
        PostFormat format = PostFormat.sniff(head, head.length);
        currentName = input;
        current = switch (format) {
            case CANONICAL_CSV -> new CanonicalCsvSource(utf8(body), input);
            case CANONICAL_JSONL -> new CanonicalJsonlSource(utf8(body), input);
            case TWITTER_V2 -> new TwitterV2Source(body, input);
            case TELEGRAM -> new TelegramSource(body, input);
            case UNKNOWN -> null;
        };
        if (current == null) {
            body.close();
            return PostItem.problem(input, "not a posts archive (canonical CSV or JSON Lines, X/Twitter API v2 JSON, Telegram export)");
        }
        return null;
    }

    /** UTF-8 with malformed bytes replaced: a mis-encoded post keeps its place and its other fields. */
    static Reader utf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
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

    /**
     * Turns a read failure (a truncated gzip member, a disk error) into the end of the input and remembers it: the
     * readers above decode in large buffers, and every post decoded before the break is still delivered.
     */
    private static final class BreakGuard extends java.io.FilterInputStream {
        IOException failure;

        BreakGuard(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            if (failure != null) {
                return -1;
            }
            try {
                return super.read();
            } catch (IOException e) {
                failure = e;
                return -1;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (failure != null) {
                return -1;
            }
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                failure = e;
                return -1;
            }
        }
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
