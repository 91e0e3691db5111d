package org.tocsin.flink;

import java.io.IOException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.impl.StreamFormatAdapter;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.apache.flink.core.fs.FSDataInputStream;
import org.tocsin.social.read.PostItem;
import org.tocsin.social.read.PostSource;
import org.tocsin.social.read.PostStreams;

/**
 * A posts file as a Flink stream format: the whole file is one split (the readers are sequential, and a CSV
 * record may span lines), opened through tocsin-core's {@link PostStreams} exactly as {@code PostArchives} opens
 * a file — gzip undone, format sniffed — so the job reads the same posts as the embedded runner. Every item is
 * delivered, problems included, as a {@link PostItem}; the job counts and logs the problems and goes on. An
 * input that breaks off (a read error, a truncated gzip) ends with one problem item, as in {@code PostArchives}.
 *
 * <p>A stream format never learns its file's path, so {@link #files()} wraps it in a bulk format that puts the
 * path in front of each item's source ({@code path#line}). On restore from a checkpoint Flink reopens the file and
 * skips the items already read (no offset is checkpointed: a buffered reader's stream position is no record
 * boundary).
 */
public final class PostsFormat extends SimpleStreamFormat<PostItem> {
    private static final long serialVersionUID = 1L;

    /** The format for {@code FileSource.forBulkFileFormat}: this one, with each item's source naming its file. */
    public static BulkFormat<PostItem, FileSourceSplit> files() {
        return new Named(new StreamFormatAdapter<>(new PostsFormat()));
    }

    @Override
    public Reader<PostItem> createReader(Configuration config, FSDataInputStream stream) throws IOException {
        return new PostsReader(PostStreams.open(stream, ""));
    }

    @Override
    public TypeInformation<PostItem> getProducedType() {
        return SocialTypes.POST_ITEM;
    }

    private static final class PostsReader implements Reader<PostItem> {
        private final PostSource source;
        private boolean ended;

        PostsReader(PostSource source) {
            this.source = source;
        }

        @Override
        public PostItem read() {
            if (ended) {
                return null;
            }
            try {
                PostItem item = source.next();
                ended = item == null;
                return item;
            } catch (IOException | RuntimeException e) {
                ended = true; // what was read stays read
                return PostItem.problem("", "input broke off: " + e.getMessage());
            }
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }

    /** Prefixes each item's source with the split's path. */
    private static final class Named implements BulkFormat<PostItem, FileSourceSplit> {
        private static final long serialVersionUID = 1L;
        private final BulkFormat<PostItem, FileSourceSplit> inner;

        Named(BulkFormat<PostItem, FileSourceSplit> inner) {
            this.inner = inner;
        }

        @Override
        public BulkFormat.Reader<PostItem> createReader(Configuration config, FileSourceSplit split) throws IOException {
            return named(inner.createReader(config, split), name(split));
        }

        @Override
        public BulkFormat.Reader<PostItem> restoreReader(Configuration config, FileSourceSplit split) throws IOException {
            return named(inner.restoreReader(config, split), name(split));
        }

        @Override
        public boolean isSplittable() {
            return false;
        }

        /** A local file as {@code PostArchives} names it (its path); any other by its URI. */
        private static String name(FileSourceSplit split) {
            java.net.URI uri = split.path().toUri();
            return "file".equals(uri.getScheme()) ? uri.getPath() : uri.toString();
        }

        @Override
        public TypeInformation<PostItem> getProducedType() {
            return SocialTypes.POST_ITEM;
        }

        private static BulkFormat.Reader<PostItem> named(BulkFormat.Reader<PostItem> reader, String path) {
            return new BulkFormat.Reader<>() {
                @Override
                public RecordIterator<PostItem> readBatch() throws IOException {
                    RecordIterator<PostItem> batch = reader.readBatch();
                    return batch == null ? null : new RecordIterator<>() {
                        @Override
                        public RecordAndPosition<PostItem> next() {
                            RecordAndPosition<PostItem> r = batch.next();
                            if (r == null) {
                                return null;
                            }
                            PostItem i = r.getRecord();
                            return new RecordAndPosition<>(i.withSourcePrefix(path), r.getOffset(),
                                    r.getRecordSkipCount());
                        }

                        @Override
                        public void releaseBatch() {
                            batch.releaseBatch();
                        }
                    };
                }

                @Override
                public void close() throws IOException {
                    reader.close();
                }
            };
        }
    }
}
