package io.recsyslite.core.error;

/** A model directory that is missing a file, fails its checksum, or has an unsupported format. */
public final class CorruptModelException extends RecsysException {
    public CorruptModelException(String message) {
        super(message);
    }

    public CorruptModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
