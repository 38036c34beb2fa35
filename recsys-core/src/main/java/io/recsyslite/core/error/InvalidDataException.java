package io.recsyslite.core.error;

/** Input data that breaks the data contract; the message names the file, row and column. */
public final class InvalidDataException extends RecsysException {
    public InvalidDataException(String message) {
        super(message);
    }

    public InvalidDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
