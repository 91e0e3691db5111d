package org.tocsin.site.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tocsin.input.Input;
import org.tocsin.input.InputWalker;

/** The files an analyst's records path names: the file itself, or every file under a directory ({@link InputWalker}). */
final class RecordFiles {
    private RecordFiles() {
    }

    /**
     * @param maxBytes files larger than this are not records: each is reported in {@code problems} and left out
     * @throws IOException when the path itself cannot be read (a file or directory under it is a problem instead)
     */
    static List<Path> under(Path path, long maxBytes, List<String> problems) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Input input : new InputWalker().under(path, (where, reason) -> problems.add(where + ": " + reason))) {
            Path f = input.path();
            if (f == null) {
                problems.add(input.name() + ": records are read from files");
            } else if (Files.size(f) > maxBytes) {
                problems.add(f + ": larger than " + maxBytes + " bytes");
            } else {
                out.add(f);
            }
        }
        return out;
    }
}
