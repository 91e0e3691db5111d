package org.tocsin.social.read;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.tocsin.input.ContentKind;
import org.tocsin.input.ContentSniffer;
import org.tocsin.input.Sniffed;

/**
 * One input stream as posts: gzip undone when the stream starts with its magic bytes, then the format read by
 * {@link ContentSniffer}, as for every reader. {@link PostArchives} opens each file, directory entry or stdin through this; the
 * Flink job opens each file of a {@code FileSource} through it, so both runners read the same posts.
 *
 * <p>A stream that breaks off (a truncated gzip member, a read error) ends there: every post decoded before the
 * break is delivered — the readers decode in large buffers, so the failure is held back until they have used
 * what arrived — and then one problem names the break.
 */
public final class PostStreams {
    private PostStreams() {
    }

    /**
     * The posts of {@code raw}; when it is in no known format, a source whose only item is that problem. The
     * source owns the stream and closes it.
     *
     * @param name what the items' {@code source} starts with (the path)
     * @throws IOException when the stream cannot be read far enough to tell its format
     */
    public static PostSource open(InputStream raw, String name) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        InputStream body = in;
        try {
            Sniffed sniffed = ContentSniffer.sniff(in);
            BreakGuard guard = new BreakGuard(sniffed.gzip() ? new GZIPInputStream(in, 1 << 16) : in);
            body = new BufferedInputStream(guard, 1 << 16);
            PostSource source = switch (sniffed.kind()) {
                case POSTS_CSV -> new CanonicalCsvSource(utf8(body), name);
                case POSTS_JSONL -> new CanonicalJsonlSource(utf8(body), name);
                case TWITTER_V2 -> new TwitterV2Source(body, name);
                case TELEGRAM -> new TelegramSource(body, name);
                default -> null;
            };
            if (source == null) {
                body.close();
                return new OneProblem(PostItem.problem(name, "not a posts archive (canonical CSV or JSON Lines, X/Twitter API v2"
                        + " JSON, Telegram export)" + (sniffed.family() == ContentKind.Family.NONE ? "" : ": " + sniffed.describe())));
            }
            return new Guarded(source, guard, name);
        } catch (IOException | RuntimeException e) {
            body.close();
            throw e;
        }
    }

    /** UTF-8 with malformed bytes replaced: a mis-encoded post keeps its place and its other fields. */
    static Reader utf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /** Turns a read failure into the end of the input and remembers it. */
    private static final class BreakGuard extends FilterInputStream {
        @Nullable IOException failure;

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

    /** A format's source over a guarded stream: after a break, one problem naming it, then the end. */
    private static final class Guarded implements PostSource {
        private final PostSource inner;
        private final BreakGuard guard;
        private final String name;
        private boolean ended;

        Guarded(PostSource inner, BreakGuard guard, String name) {
            this.inner = inner;
            this.guard = guard;
            this.name = name;
        }

        @Override
        public @Nullable PostItem next() throws IOException {
            if (ended) {
                return null;
            }
            PostItem item = inner.next();
            if (guard.failure == null || (item != null && item.ok())) {
                return item;
            }
            // the reader's complaint about a record cut short is the break's consequence: one problem, naming the cause
            ended = true;
            return PostItem.problem(name, "input broke off: " + guard.failure.getMessage()
                    + (item == null ? "" : " (" + item.error() + " at " + item.source() + ")"));
        }

        @Override
        public void close() throws IOException {
            inner.close();
        }
    }

    /** An input in no known format: its one problem, then the end. */
    private static final class OneProblem implements PostSource {
        private @Nullable PostItem problem;

        OneProblem(PostItem problem) {
            this.problem = problem;
        }

        @Override
        public @Nullable PostItem next() {
            PostItem out = problem;
            problem = null;
            return out;
        }

        @Override
        public void close() {
            problem = null;
        }
    }
}
