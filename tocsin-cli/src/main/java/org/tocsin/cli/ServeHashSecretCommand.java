package org.tocsin.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.tocsin.server.Secrets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tocsin serve hash-secret}: the hashes the server's config keeps instead of secrets. */
@Command(name = "hash-secret", mixinStandardHelpOptions = true,
        description = {"Print the hash of an account secret for the TAXII config: a password as salted PBKDF2 (for"
                + " password_hash) or, with --token, a bearer token as SHA-256 (for token_hashes). The secret is read from"
                + " the terminal without echo, or from the first line of standard input.",
                "With --new-token: make a random token and print it (line 1; hand it over, it is kept nowhere) and its hash"
                        + " (line 2)."})
final class ServeHashSecretCommand implements Callable<Integer> {
    @Option(names = "--token", description = "The secret is a bearer token: print its SHA-256.")
    boolean token;

    @Option(names = "--new-token", description = "Make a new random token; print it and its SHA-256.")
    boolean newToken;

    @Override
    public Integer call() throws IOException {
        if (newToken) {
            String t = Secrets.newToken();
            System.out.println(t);
            System.out.println(Secrets.hashToken(t));
            return ExitCodes.OK;
        }
        char[] secret = read();
        if (secret.length == 0) {
            throw new UsageProblem("no secret given (type it at the prompt, or give it as the first line of standard input)");
        }
        System.out.println(token ? Secrets.hashToken(new String(secret)) : Secrets.hashPassword(secret));
        return ExitCodes.OK;
    }

    private char[] read() throws IOException {
        Console console = Terminal.console();
        if (console != null) {
            char[] typed = console.readPassword(token ? "Token: " : "Password: ");
            return typed == null ? new char[0] : typed;
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        return line == null ? new char[0] : line.toCharArray();
    }
}
