package io.recsyslite.internal.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * How a component reaches the store: it opens the file for one piece of work and lets it go, so
 * that other processes (a server, a trainer, the worker) can use it in between. A server passes
 * its own access, which also keeps its threads from opening the file twice at once.
 */
@FunctionalInterface
public interface StoreAccess {
    /** Work done with the store open. */
    @FunctionalInterface
    interface Work<T> {
        T run(RecsysStore store) throws IOException;
    }

    <T> T withStore(Work<T> work) throws IOException;

    /** Runs every piece of work on {@code open}, a store the caller keeps open (and closes). */
    static StoreAccess over(RecsysStore open) {
        return new StoreAccess() {
            @Override
            public <T> T withStore(Work<T> work) throws IOException {
                return work.run(open);
            }
        };
    }

    /** Opens {@code db} for each piece of work (waiting while another process holds it) and closes it after. */
    static StoreAccess of(Path db) {
        return new StoreAccess() {
            @Override
            public <T> T withStore(Work<T> work) throws IOException {
                try (RecsysStore store = RecsysStore.open(db)) {
                    return work.run(store);
                }
            }
        };
    }
}
