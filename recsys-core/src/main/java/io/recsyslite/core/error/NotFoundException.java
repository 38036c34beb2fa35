package io.recsyslite.core.error;

/** A user or item id that the model or the store does not know. */
public final class NotFoundException extends RecsysException {
    public NotFoundException(String message) {
        super(message);
    }
}
