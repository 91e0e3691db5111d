package org.tocsin.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one walker every reader and command uses: order, hidden files, links, loops and what cannot be read. */
class InputWalkerTest {
    @TempDir
    Path dir;

    /** What a walk handed on, in order: inputs as "name" (named ones as "name*"), problems as "! where: reason". */
    private List<String> walk(String... args) {
        List<String> out = new ArrayList<>();
        new InputWalker(new ByteArrayInputStream(new byte[0])).walk(List.of(args), new InputWalker.Visitor() {
            @Override
            public void input(Input input) {
                out.add(rel(input.name()) + (input.named() ? "*" : ""));
            }

            @Override
            public void problem(String where, String reason) {
                out.add("! " + rel(where) + ": " + reason);
            }
        });
        return out;
    }

    private String rel(String name) {
        return name.startsWith(dir.toString()) ? dir.relativize(Path.of(name)).toString() : name;
    }

    private Path file(String name) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, name, StandardCharsets.UTF_8);
    }

    @Test
    void directoriesAreReadInNameOrderDirectoryByDirectoryWithoutHiddenFilesOrAMaildirsTmp() throws IOException {
        file("t/b.eml");
        file("t/a.eml");
        file("t/sub/c.eml");
        file("t/sub-d.eml");
        file("t/.hidden.eml");
        file("t/.git/config");
        file("t/Maildir/cur/1");
        file("t/Maildir/tmp/2");
        file("t/plain/tmp/3");

        assertThat(walk(dir.resolve("t").toString(), dir.resolve("t/.hidden.eml").toString(), "-")).containsExactly(
                "t/Maildir/cur/1", "t/a.eml", "t/b.eml", "t/plain/tmp/3", "t/sub/c.eml", "t/sub-d.eml", "t/.hidden.eml*", "-*");
    }

    /** Fault 6 of issue 13: a link the user names is followed, and so are links inside a tree (docs/cli.md). */
    @Test
    void linksAreFollowedNamedOrFound() throws IOException {
        file("real/one.eml");
        file("elsewhere/two.eml");
        Files.createSymbolicLink(dir.resolve("named"), dir.resolve("real"));
        Files.createDirectories(dir.resolve("tree"));
        Files.createSymbolicLink(dir.resolve("tree/linked-dir"), dir.resolve("elsewhere"));
        Files.createSymbolicLink(dir.resolve("tree/linked-file.eml"), dir.resolve("real/one.eml"));

        assertThat(walk(dir.resolve("named").toString())).containsExactly("named/one.eml");
        assertThat(walk(dir.resolve("tree").toString())).containsExactly("tree/linked-dir/two.eml", "tree/linked-file.eml");
    }

    @Test
    void aLoopEndsAndNothingIsReadTwice() throws IOException {
        file("tree/a/x.eml");
        file("tree/b.eml");
        Files.createSymbolicLink(dir.resolve("tree/a/up"), dir.resolve("tree"));
        Files.createSymbolicLink(dir.resolve("tree/again"), dir.resolve("tree/a"));
        Files.createSymbolicLink(dir.resolve("tree/b-too.eml"), dir.resolve("tree/b.eml"));

        assertThat(walk(dir.resolve("tree").toString(), dir.resolve("tree/b.eml").toString(), dir.resolve("tree/a").toString()))
                .containsExactly("! tree/a/up: a symbolic link back to a directory above it: a loop, not followed",
                        "tree/a/x.eml", "tree/b-too.eml"); // b.eml read once, under the first name met; tree/a once

    }

    /**
     * One item that cannot be read is one problem, and the walk goes on. Root reads any directory whatever its mode,
     * but no one can resolve a link that points at itself through another (ELOOP), nor a link to nothing.
     */
    @Test
    void whatCannotBeReadIsOneProblemEachAndTheWalkGoesOn() throws IOException {
        file("tree/a.eml");
        file("tree/z.eml");
        Files.createSymbolicLink(dir.resolve("tree/loop1"), dir.resolve("tree/loop2"));
        Files.createSymbolicLink(dir.resolve("tree/loop2"), dir.resolve("tree/loop1"));
        Files.createSymbolicLink(dir.resolve("tree/nothing.eml"), dir.resolve("gone.eml"));

        assertThat(walk(dir.resolve("tree").toString(), dir.resolve("missing.eml").toString())).containsExactly(
                "tree/a.eml",
                "! tree/loop1: a loop of symbolic links",
                "! tree/loop2: a loop of symbolic links",
                "! tree/nothing.eml: a symbolic link to nothing",
                "tree/z.eml",
                "! missing.eml: no such file or directory");
    }

    /** Fault 3 of issue 13, as another user than root sees it (InputPathsTest in tocsin-cli covers root, through setpriv). */
    @Test
    void anUnreadableDirectoryIsOneProblem() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads a mode-000 directory; covered by tocsin-cli InputPathsTest");
        file("tree/a.eml");
        file("tree/locked/b.eml");
        file("tree/z.eml");
        Files.setPosixFilePermissions(dir.resolve("tree/locked"), PosixFilePermissions.fromString("---------"));
        try {
            assertThat(walk(dir.resolve("tree").toString())).containsExactly(
                    "tree/a.eml", "! tree/locked: cannot list directory: permission denied", "tree/z.eml");
        } finally {
            Files.setPosixFilePermissions(dir.resolve("tree/locked"), PosixFilePermissions.fromString("rwx------"));
        }
    }
}
