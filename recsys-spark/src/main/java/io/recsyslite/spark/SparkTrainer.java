package io.recsyslite.spark;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.spi.ParamSpace;
import io.recsyslite.core.spi.Params;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One algorithm of the Spark job. Implementations are stateless; each writes the artifact layout
 * of the embedded provider of the same name.
 */
public interface SparkTrainer {
    /** The embedded provider that loads the artifact, e.g. "als". */
    String name();

    /** The embedded provider's parameter names and defaults that Spark honours (model.json {@code params}). */
    ParamSpace sharedParams();

    /** Settings of the Spark job only (model.json {@code model.spark_params}). */
    ParamSpace sparkParams();

    SparkModel train(SparkInput input, SplitParams params, ConfidenceWeighting.Quantity weighting);

    /** Checks and resolves command-line parameters, before any data is read. */
    default SplitParams resolve(Map<String, String> given) {
        return SplitParams.resolve(sharedParams(), sparkParams(), given);
    }

    /** The trainer for {@code als} or {@code item2vec}. */
    static SparkTrainer named(String algorithm) {
        return algorithm.equals(SparkAls.NAME) ? new SparkAls() : new SparkItem2Vec();
    }

    /** The {@code model} entries every Spark-trained artifact gets: Spark version and Spark-only settings. */
    static Map<String, Object> provenance(SparkInput input, Params sparkOnly, ConfidenceWeighting.Quantity weighting) {
        Map<String, Object> sparkParams = new LinkedHashMap<>(sparkOnly.asMap());
        sparkParams.put("weighting", weighting.name().toLowerCase(Locale.ROOT));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("spark_version", input.spark().version());
        meta.put("spark_params", sparkParams);
        return meta;
    }
}
