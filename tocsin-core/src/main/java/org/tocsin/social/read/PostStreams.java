package org.tocsin.social.read;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * One input stream as posts: gzip undone when the stream starts with its magic bytes, then the format read from
 * the first few kilobytes. {@link PostArchives} opens each file, directory entry or stdin through this; the
 * Flink job opens each file of a {@code FileSource} through it, so both runners read the same posts.
 */
public final class PostStreams {
    private static final int SNIFF = 8192;

    private PostStreams() {
    }

    /**
     * The posts of {@code raw}; when it is in no format read yet, a source whose only item is that problem. The
     * source owns the stream and closes it.
     *
     * @param name what the items' {@code source} starts with (the path)
     * @throws IOException when the stream cannot be read far enough to tell its format
     */
    public static PostSource open(InputStream raw, String name) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
        InputStream body = in;
        try {
            in.mark(4);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                body = new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
            }
            body.mark(SNIFF);
            byte[] head = body.readNBytes(SNIFF);
            body.reset();
            PostFormat format = PostFormat.sniff(head, head.length);
            switch (format) {
                case CANONICAL_CSV:
                    return new CanonicalCsvSource(utf8(body), name);
                case CANONICAL_JSONL:
                    return new CanonicalJsonlSource(utf8(body), name);
                default:
                    body.close();
                    return new OneProblem(PostItem.problem(name, format == PostFormat.UNKNOWN
                            ? "not a posts archive (canonical CSV or JSON Lines, X/Twitter API v2 JSON, Telegram export)"
                            : "format " + format + " is not read yet"));
            }
        } catch (IOException | RuntimeException e) {
            body.close();
            throw e;
        }
    }

    /** UTF-8 with malformed bytes replaced: a mis-encoded post keeps its place and its other fields. */
    private static Reader utf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }

    /** An input in no known format: its one problem, then the end. */
    private static final class OneProblem implements PostSource {
        private PostItem problem;

        OneProblem(PostItem problem) {
            this.problem = problem;
        }

        @Override
        public PostItem next() {
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
