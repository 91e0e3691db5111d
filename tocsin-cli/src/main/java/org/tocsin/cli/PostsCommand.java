package org.tocsin.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tocsin posts …}: social-media archives. */
@Command(name = "posts", mixinStandardHelpOptions = true,
        description = "Find coordinated behaviour in social-media archives (posts CSV or JSON Lines, X/Twitter API v2 JSON, Telegram exports).",
        subcommands = {PostsCoordinationCommand.class, BenchMovedCommand.class})
final class PostsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
