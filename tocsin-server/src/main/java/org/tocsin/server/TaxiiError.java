package org.tocsin.server;

/** A request the server refuses, answered as a TAXII error message (title, description, http_status). */
class TaxiiError extends RuntimeException {
    private final int status;
    private final String title;

    TaxiiError(int status, String title, String description) {
        super(description);
        this.status = status;
        this.title = title;
    }

    int status() {
        return status;
    }

    String title() {
        return title;
    }

    static TaxiiError badRequest(String description) {
        return new TaxiiError(400, "Bad request", description);
    }

    static TaxiiError unauthorized(String description) {
        return new TaxiiError(401, "Authentication required", description);
    }

    static TaxiiError forbidden(String description) {
        return new TaxiiError(403, "Forbidden", description);
    }

    static TaxiiError notFound(String description) {
        return new TaxiiError(404, "Not found", description);
    }
}
