package org.tocsin.cli;

/** The exit codes every command uses (docs/cli.md). */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;
    public static final int INPUT = 3;

    private ExitCodes() {
    }
}
