package org.tocsin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs the command as a user does and keeps what it printed: the JSON lines of stdout, all of it, and stderr. */
record CliRun(int exitCode, List<JsonNode> lines, String out, String err) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static CliRun of(String... args) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            System.out.flush();
            String text = o.toString(StandardCharsets.UTF_8);
            List<JsonNode> lines = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.startsWith("{") && line.endsWith("}")) { // JSON Lines; a pretty-printed document is read from out()
                    lines.add(JSON.readTree(line));
                }
            }
            return new CliRun(code, lines, text, e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
