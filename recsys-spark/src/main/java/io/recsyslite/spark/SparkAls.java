package io.recsyslite.spark;

import static org.apache.spark.sql.functions.col;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.spi.ModelData;
import io.recsyslite.core.spi.ParamSpace;
import io.recsyslite.core.spi.ParamSpec;
import io.recsyslite.core.spi.Params;
import org.apache.spark.ml.recommendation.ALS;
import org.apache.spark.ml.recommendation.ALSModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Implicit ALS with Spark MLlib, exported in the layout of the embedded {@code als} provider:
 * {@code dim} in model.json, {@code user_factors.npy} (users x dim) and {@code item_factors.npy}
 * (items x dim), beside the shared ids and seen matrix. Items of the catalogue without events get
 * zero vectors. Stateless.
 *
 * <p>{@code regularization} is passed to MLlib as {@code regParam} unchanged, although MLlib
 * weights the penalty of each user and item by its number of interactions ("ALS-WR",
 * {@code regParam * n_u * |x_u|^2}) and the embedded ALS, like {@code implicit}, does not
 * ({@code regularization * |x_u|^2}): measured on MovieLens 100k, the same number gives the same
 * ranking quality on both sides, while dividing it by the mean interaction count (equal average
 * penalty) under-regularises MLlib and costs about 6% NDCG@10 (see recsys-spark/README.md).
 */
public final class SparkAls implements SparkTrainer {
    public static final String NAME = "als";

    /** The embedded provider's names and defaults; model.json {@code params} holds these only. */
    private static final ParamSpace SHARED = ParamSpace.of(
            ParamSpec.fixedInt("factors", 64),
            ParamSpec.fixedFloat("regularization", 0.1),
            ParamSpec.fixedFloat("alpha", 5.0),
            ParamSpec.fixedInt("iterations", 10));

    private static final ParamSpace SPARK_ONLY = ParamSpace.of(
            ParamSpec.fixedInt("num_blocks", 10),
            ParamSpec.fixedInt("seed", 42));

    private static final Logger LOG = LoggerFactory.getLogger(SparkAls.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ParamSpace sharedParams() {
        return SHARED;
    }

    @Override
    public ParamSpace sparkParams() {
        return SPARK_ONLY;
    }

    @Override
    public SparkModel train(SparkInput input, SplitParams params, ConfidenceWeighting.Quantity weighting) {
        Params shared = params.shared();
        Params spark = params.sparkOnly();
        int dim = shared.getInt("factors", 1);
        Dataset<Row> confidences = input.confidences(weighting).cache();
        ModelData data = input.modelData(confidences);
        ALS als = new ALS()
                .setImplicitPrefs(true)
                .setRank(dim)
                .setRegParam(shared.getDouble("regularization", 0))
                .setAlpha(shared.getDouble("alpha", 0))
                .setMaxIter(shared.getInt("iterations", 1))
                .setNumUserBlocks(spark.getInt("num_blocks", 1))
                .setNumItemBlocks(spark.getInt("num_blocks", 1))
                .setSeed(spark.getInt("seed"))
                .setUserCol(SparkInput.U)
                .setItemCol(SparkInput.I)
                .setRatingCol(SparkInput.C);
        LOG.info("Spark ALS: {} users x {} items, {} pairs, {}", data.users().size(), data.items().size(),
                data.seen().nnz(), params);
        ALSModel fitted = als.fit(confidences);
        confidences.unpersist();
        Dataset<Row> userVectors = fitted.userFactors().select(col("id").as(SparkInput.U), col("features").as("v"));
        float[] users = DriverArrays.collectRows(userVectors, data.users().size(), dim);
        float[] items = DriverArrays.collectRows(fitted.itemFactors(), data.items().size(), dim);

        ExportedModel model = new ExportedModel(NAME, shared, data,
                SparkTrainer.provenance(input, spark, weighting), out -> {
            out.putMeta("dim", dim);
            out.putUserFloats("user_factors", users, data.users().size(), dim);
            out.putFloats("item_factors", items, data.items().size(), dim);
        });
        return new SparkModel(model, userVectors, items, dim, false, spark.getInt("seed"));
    }
}
