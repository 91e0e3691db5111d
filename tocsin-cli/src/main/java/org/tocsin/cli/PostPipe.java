package org.tocsin.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.tocsin.social.read.PostItem;
import org.tocsin.social.read.PostSource;

/**
 * Reads posts on a thread of their own, in batches through a small bounded queue: parsing and analysis then use
 * a core each, and the queue (64 batches of 1,024) bounds what is in flight.
 */
final class PostPipe implements AutoCloseable {
    private static final int BATCH = 1024;
    private static final List<PostItem> END = List.of();

    private final BlockingQueue<List<PostItem>> queue = new ArrayBlockingQueue<>(64);
    private final Thread reader;
    private volatile IOException failure;
    private List<PostItem> current = List.of();
    private int next;

    PostPipe(PostSource source) {
        reader = new Thread(() -> pump(source), "posts-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void pump(PostSource source) {
        try (source) {
            List<PostItem> batch = new ArrayList<>(BATCH);
            PostItem item;
            while ((item = source.next()) != null) {
                batch.add(item);
                if (batch.size() == BATCH) {
                    queue.put(batch);
                    batch = new ArrayList<>(BATCH);
                }
            }
            if (!batch.isEmpty()) {
                queue.put(batch);
            }
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next item, or null at the end; an I/O failure of the reader is thrown here. */
    PostItem next() throws IOException, InterruptedException {
        while (next == current.size()) {
            current = queue.take();
            next = 0;
            if (current == END) {
                if (failure != null) {
                    throw failure;
                }
                return null;
            }
        }
        return current.get(next++);
    }

    @Override
    public void close() {
        reader.interrupt();
    }
}
