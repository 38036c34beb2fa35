package io.recsyslite.core.spi;

/** Receives progress of long work (ingest, training, tuning). Must be cheap and thread-safe. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (stage, done, total) -> { };

    /**
     * @param stage what is being done, e.g. "als: iteration"
     * @param done  units finished so far
     * @param total units in all, or -1 when unknown
     */
    void update(String stage, long done, long total);
}
