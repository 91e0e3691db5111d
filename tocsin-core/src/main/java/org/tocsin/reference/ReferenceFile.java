package org.tocsin.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads a bundled tab-separated reference file: {@code #} comments, blank lines ignored. */
final class ReferenceFile {
    private ReferenceFile() {
    }

    static List<String[]> rows(String name) {
        String path = "/tocsin/reference/" + name;
        try (InputStream in = ReferenceFile.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("reference file missing from the build: " + path);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                for (int i = 0; i < cols.length; i++) {
                    cols[i] = cols[i].strip();
                }
                rows.add(cols);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    static String column(String[] row, int i) {
        return i < row.length ? row[i] : "";
    }
}
