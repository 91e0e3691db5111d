package org.tocsin.cli;

/** A problem with how the command was called (exit code 2), as opposed to with its input. */
public final class UsageProblem extends RuntimeException {
    public UsageProblem(String message) {
        super(message);
    }
}
