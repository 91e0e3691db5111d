package org.tocsin.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A one-line progress report on stderr, redrawn at most every 200 ms, only on a terminal: piped output stays clean.
 * It writes to the process's stderr itself, past {@link Main}'s guard, because redrawing the line takes a carriage
 * return; the line is made of counts, never of input.
 */
final class TerminalProgress implements AutoCloseable {
    private final Supplier<String> line;
    private final boolean terminal = Terminal.console() != null;
    private final PrintStream err;
    private long last;
    private int width;

    TerminalProgress(Supplier<String> line) {
        this.line = line;
        this.err = terminal ? new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8) : null;
    }

    void tick() {
        if (!terminal) {
            return;
        }
        long now = System.nanoTime();
        if (last == 0 || now - last > 200_000_000L) {
            last = now;
            String l = line.get();
            width = Math.max(width, l.length());
            err.print("\r" + l + "   ");
            err.flush();
        }
    }

    @Override
    public void close() {
        if (terminal && width > 0) {
            err.print("\r" + " ".repeat(Math.min(160, width + 3)) + "\r");
            err.flush();
        }
    }
}
