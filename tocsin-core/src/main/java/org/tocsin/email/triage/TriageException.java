package org.tocsin.email.triage;

/** A message that could be read but not triaged; the run reports it for that item and goes on. */
public final class TriageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TriageException(String message, Throwable cause) {
        super(message, cause);
    }
}
