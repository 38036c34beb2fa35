package io.recsyslite.rest;

/** A request body over the API's limits ({@link EventsRequest}); servers answer it with 413. */
public final class BodyTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BodyTooLargeException(String message) {
        super(message);
    }
}
