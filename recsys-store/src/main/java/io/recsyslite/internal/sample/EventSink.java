package io.recsyslite.internal.sample;

import java.io.IOException;

/**
 * Receives generated events one at a time, as dense user and item ints. The generator calls it from
 * the thread that runs {@code generate}, so implementations need not be thread-safe.
 */
@FunctionalInterface
public interface EventSink {
    void accept(int user, int item, long ts, int qty) throws IOException;
}
