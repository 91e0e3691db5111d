package org.tocsin.cli;

import java.io.Console;

/**
 * Whether a person sits at a terminal. From JDK 22 on, {@code System.console()} is no longer null when input or
 * output is redirected, so the progress line and the password prompt would go to a pipe; {@code Console.isTerminal()}
 * (JDK 22 and later) settles it there. The build targets Java 17, hence the reflective call.
 */
final class Terminal {
    private Terminal() {
    }

    /** The console when a person is at it, else null. */
    @SuppressWarnings("SystemConsoleNull") // the null test is right up to JDK 21; isTerminal() decides from JDK 22
    static Console console() {
        Console c = System.console();
        if (c == null) {
            return null;
        }
        try {
            return Boolean.TRUE.equals(Console.class.getMethod("isTerminal").invoke(c)) ? c : null;
        } catch (ReflectiveOperationException e) {
            return c; // before JDK 22 a console exists only on a terminal
        }
    }
}
