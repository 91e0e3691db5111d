package org.tocsin.social.read;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Posts read one at a time from one input, so memory does not grow with the archive. A damaged item is a
 * {@link PostItem#problem}; an I/O failure of the input itself is thrown, and the caller reports it and moves on.
 */
public interface PostSource extends AutoCloseable {
    /** The next item, or null at the end. */
    @Nullable PostItem next() throws IOException;

    @Override
    void close() throws IOException;
}
