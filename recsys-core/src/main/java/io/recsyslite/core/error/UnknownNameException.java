package io.recsyslite.core.error;

import java.util.Collection;

/** An algorithm, index type or parameter name that does not exist; the message lists those that do. */
public final class UnknownNameException extends RecsysException {
    public UnknownNameException(String kind, String name, Collection<String> known) {
        super("Unknown " + kind + " '" + name + "'; available: " + String.join(", ", known));
    }
}
