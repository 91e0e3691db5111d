package org.tocsin.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code tocsin} command as a real process (a JVM of its own, as a user runs it), for what an in-process run
 * cannot show: several processes on one store, signals, what reaches stderr. Output goes to files so that a child
 * never blocks on a full pipe.
 *
 * @param dir where the child's stdout and stderr files are written
 * @param env variables set for the child (XDG_DATA_HOME for the default store)
 */
record CliProcess(Path dir, Map<String, String> env) {
    /** A finished run. */
    record Result(int exitCode, String out, String err) {
    }

    /** Starts {@code tocsin ARGS...}; its output goes to {@code dir/NAME.out} and {@code dir/NAME.err}. */
    Process start(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Runs {@code tocsin ARGS...} to its end (five minutes at most). */
    Result run(String name, String... args) throws IOException, InterruptedException {
        Process p = start(name, args);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("tocsin " + String.join(" ", args) + " did not end in five minutes");
        }
        return new Result(p.exitValue(), out(name), err(name));
    }

    String out(String name) throws IOException {
        return Files.readString(dir.resolve(name + ".out"), StandardCharsets.UTF_8);
    }

    String err(String name) throws IOException {
        return Files.readString(dir.resolve(name + ".err"), StandardCharsets.UTF_8);
    }

    /** Waits until the child's stderr has a line containing {@code text}; returns that line. */
    String awaitErr(String name, Process p, String text) throws IOException, InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < giveUp) {
            for (String line : err(name).split("\n")) {
                if (line.contains(text)) {
                    return line;
                }
            }
            if (!p.isAlive()) {
                throw new IllegalStateException(name + " exited " + p.exitValue() + " before saying \"" + text + "\": " + err(name));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " never said \"" + text + "\": " + err(name));
    }
}
