package org.tocsin.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.tocsin.profile.Profile;
import org.tocsin.profile.ProfileLoader;
import org.tocsin.text.TerminalText;
import picocli.CommandLine.Option;

/** {@code --profile FILE} and how it is loaded, the same for every command (a picocli mixin). */
final class ProfileOption {
    @Option(names = "--profile", paramLabel = "FILE",
            description = "Protected profile (YAML): the organisations, people, domains and contacts defended (docs/cli.md).")
    Path path;

    /** The profile, or the empty one when no {@code --profile} was given; a file that does not load is a usage error. */
    Profile load() {
        return path == null ? Profile.empty() : read();
    }

    /**
     * The profile, for commands that have nothing to do without one.
     *
     * @param why what the command needs it for, for the message when it is missing
     */
    Profile require(String why) {
        if (path == null) {
            throw new UsageProblem("--profile FILE is required: " + why);
        }
        return read();
    }

    /** For messages: "profile FILE", or "the empty profile". */
    String describe() {
        return path == null ? "the empty profile" : "profile " + TerminalText.escape(path.toString());
    }

    private Profile read() {
        try {
            return ProfileLoader.load(path);
        } catch (NoSuchFileException e) {
            throw new UsageProblem("profile not found: " + path);
        } catch (IOException e) {
            throw new UsageProblem("cannot read profile " + path + ": " + e.getMessage());
        }
    }
}
