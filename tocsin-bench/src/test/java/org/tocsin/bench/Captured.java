package org.tocsin.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.ToIntFunction;

/** A command run in this JVM as a user runs it, with what it printed on stdout and stderr. */
record Captured(int exitCode, String out, String err) {
    /** Runs {@code main.applyAsInt(args)} (tocsin-bench's or tocsin's own runner) with stdout and stderr captured. */
    static Captured of(ToIntFunction<String[]> main, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = main.applyAsInt(args);
            return new Captured(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    static Captured bench(String... args) {
        return of(BenchMain::run, args);
    }
}
