package org.tocsin.cli;

import java.util.function.Supplier;

/** A one-line progress report on stderr, redrawn at most every 200 ms, only on a terminal: piped output stays clean. */
final class TerminalProgress implements AutoCloseable {
    private final Supplier<String> line;
    private final boolean terminal = System.console() != null;
    private long last;
    private int width;

    TerminalProgress(Supplier<String> line) {
        this.line = line;
    }

    void tick() {
        long now = System.nanoTime();
        if (terminal && now - last > 200_000_000L) {
            last = now;
            String l = line.get();
            width = Math.max(width, l.length());
            System.err.print("\r" + l + "   ");
        }
    }

    @Override
    public void close() {
        if (terminal && width > 0) {
            System.err.print("\r" + " ".repeat(Math.min(160, width + 3)) + "\r");
        }
    }
}
