package io.recsyslite.core.spi;

import io.recsyslite.core.artifact.ArtifactReader;
import io.recsyslite.core.data.TrainingData;
import java.io.IOException;

/**
 * An algorithm, discovered with {@link java.util.ServiceLoader}: register the implementation in
 * {@code META-INF/services/io.recsyslite.core.spi.RecommenderProvider}. Needs a public no-arg
 * constructor and must be stateless.
 */
public interface RecommenderProvider {
    /** Unique lower-case name, e.g. "als"; used on the command line and in model.json. */
    String name();

    /** One line for help texts. */
    String description();

    ParamSpace paramSpace();

    Recommender fit(TrainingData data, Params params, TrainingContext context);

    /** Rebuilds a model saved by {@link Recommender#writeTo}; the reader has verified checksums. */
    Recommender load(ArtifactReader in) throws IOException;
}
