package io.recsyslite.core.internal.tuning;

import java.util.List;

/**
 * Where a study keeps its finished trials, so a study that was killed can resume without losing
 * any. Implementations are used by one study at a time.
 */
public interface TrialStorage extends AutoCloseable {
    /** The study's finished trials, by number. */
    List<Trial> load(String study);

    /** Stores one finished trial; durable when this returns. */
    void save(String study, Trial trial);

    @Override
    default void close() {
    }
}
