package org.tocsin.site.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The files an analyst's records path names: the file itself, or every file under a directory, in name order. */
final class RecordFiles {
    private RecordFiles() {
    }

    /**
     * @param maxBytes files larger than this are not records: each is reported in {@code problems} and left out
     */
    static List<Path> under(Path path, long maxBytes, List<String> problems) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.walk(path)) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        } else {
            files.add(path);
        }
        List<Path> out = new ArrayList<>();
        for (Path f : files) {
            if (Files.size(f) > maxBytes) {
                problems.add(f + ": larger than " + maxBytes + " bytes");
            } else {
                out.add(f);
            }
        }
        return out;
    }
}
