package io.recsyslite.core.sample;

import java.io.IOException;

/** Receives generated events one at a time, as dense user and item ints. */
@FunctionalInterface
public interface EventSink {
    void accept(int user, int item, long ts, int qty) throws IOException;
}
