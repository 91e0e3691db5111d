package org.tocsin.domain.feed;

import java.io.FilterInputStream;
import java.io.InputStream;

/** The caller owns a stream passed in; closing the decompressor must not close it. */
final class KeepOpen extends FilterInputStream {
    KeepOpen(InputStream in) {
        super(in);
    }

    @Override
    public void close() {
        // deliberately open
    }
}
