package org.tocsin.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock every process holds while it checks, creates, migrates or repairs an H2 store file, so that two commands
 * started at once never build or move the same store together. An operating-system lock on a small file beside the
 * store ({@code NAME.setup.lock}, kept): the system releases it when its process dies, kill -9 included, so a crash
 * never leaves it held. Threads of one process take turns on a lock of their own first, since a JVM may hold a file's
 * lock only once.
 */
final class SetupLock implements AutoCloseable {
    static final String SUFFIX = ".setup.lock";
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_THIS_PROCESS = new ConcurrentHashMap<>();
    private final ReentrantLock thread;
    private final FileChannel channel;
    private final FileLock lock;

    private SetupLock(ReentrantLock thread, FileChannel channel, FileLock lock) {
        this.thread = thread;
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for the lock of the store at {@code location}. */
    static SetupLock acquire(StoreLocation location) throws IOException {
        Path file = file(location);
        ReentrantLock thread = IN_THIS_PROCESS.computeIfAbsent(file, f -> new ReentrantLock());
        thread.lock();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            return new SetupLock(thread, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            thread.unlock();
            throw e;
        }
    }

    /** The lock file of a store. */
    static Path file(StoreLocation location) {
        return location.sibling(location.h2File().getFileName() + SUFFIX);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            thread.unlock();
        }
    }
}
