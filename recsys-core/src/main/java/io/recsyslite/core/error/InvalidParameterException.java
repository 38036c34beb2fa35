package io.recsyslite.core.error;

/** A hyperparameter or request argument outside its allowed range or of the wrong type. */
public final class InvalidParameterException extends RecsysException {
    public InvalidParameterException(String message) {
        super(message);
    }
}
