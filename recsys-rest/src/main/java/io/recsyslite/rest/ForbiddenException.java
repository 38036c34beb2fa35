package io.recsyslite.rest;

/** A request without a valid API key for a protected endpoint, or from a disallowed origin: 403. */
public final class ForbiddenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(message);
    }
}
