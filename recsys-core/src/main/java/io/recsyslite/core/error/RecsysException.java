package io.recsyslite.core.error;

/**
 * Base of every error a user of the library can cause (bad file, unknown id, corrupt model, bad
 * parameter). The message says what went wrong and, where possible, what to do about it; callers
 * such as the CLI print it without a stack trace.
 */
public class RecsysException extends RuntimeException {
    public RecsysException(String message) {
        super(message);
    }

    public RecsysException(String message, Throwable cause) {
        super(message, cause);
    }
}
