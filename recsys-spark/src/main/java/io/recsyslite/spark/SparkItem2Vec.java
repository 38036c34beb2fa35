package io.recsyslite.spark;

/** Placeholder; written once the embedded item2vec layout is known. */
public final class SparkItem2Vec {
    public static final String NAME = "item2vec";

    private SparkItem2Vec() {
    }

    public static SparkModel train(SparkInput input, JobOptions options) {
        throw new UnsupportedOperationException("item2vec not yet");
    }
}
