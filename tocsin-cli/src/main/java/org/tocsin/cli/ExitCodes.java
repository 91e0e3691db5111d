package org.tocsin.cli;

/** The exit codes every command uses (docs/cli.md). */
final class ExitCodes {
    static final int OK = 0;
    static final int FINDINGS = 1;
    static final int USAGE = 2;
    static final int INPUT = 3;

    private ExitCodes() {
    }
}
