package io.recsyslite.spark;

import static org.apache.spark.sql.functions.col;

import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.spi.ModelData;
import io.recsyslite.core.spi.ParamSpace;
import io.recsyslite.core.spi.ParamSpec;
import io.recsyslite.core.spi.Params;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
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
 * <p>MLlib weights the regularisation of each user and item by its number of interactions
 * ("ALS-WR"), while the embedded ALS (like {@code implicit}) uses one constant. With
 * {@code reg_scaling=mean_count} (default) MLlib's {@code regParam} is {@code regularization}
 * divided by the mean number of interactions per user and item, so the average penalty, and the
 * quality, match the embedded model trained with the same {@code regularization};
 * {@code reg_scaling=none} passes {@code regularization} to MLlib unchanged.
 */
public final class SparkAls {
    public static final String NAME = "als";

    /** The embedded provider's names and defaults; model.json {@code params} holds these only. */
    static final ParamSpace SHARED = ParamSpace.of(
            ParamSpec.fixedInt("factors", 64),
            ParamSpec.fixedFloat("regularization", 0.1),
            ParamSpec.fixedFloat("alpha", 5.0),
            ParamSpec.fixedInt("iterations", 10));

    static final ParamSpace SPARK_ONLY = ParamSpace.of(
            ParamSpec.fixedCategorical("reg_scaling", "mean_count", "mean_count", "none"),
            ParamSpec.fixedInt("num_blocks", 10),
            ParamSpec.fixedInt("seed", 42));

    private static final Logger LOG = LoggerFactory.getLogger(SparkAls.class);

    private SparkAls() {
    }

    /** Checks and resolves command-line parameters, before any data is read. */
    public static SplitParams resolve(Map<String, String> given) {
        return SplitParams.resolve(SHARED, SPARK_ONLY, given);
    }

    public static SparkModel train(SparkInput input, SplitParams params, ConfidenceWeighting.Quantity weighting) {
        Params shared = params.shared();
        Params spark = params.sparkOnly();
        int dim = shared.getInt("factors", 1);
        double regularization = shared.getDouble("regularization", 0);
        Dataset<Row> confidences = input.confidences(weighting).cache();
        ModelData data = input.modelData(confidences);
        double regParam = spark.getString("reg_scaling").equals("none") ? regularization
                : regularization / meanInteractions(data.seen());
        ALS als = new ALS()
                .setImplicitPrefs(true)
                .setRank(dim)
                .setRegParam(regParam)
                .setAlpha(shared.getDouble("alpha", 0))
                .setMaxIter(shared.getInt("iterations", 1))
                .setNumUserBlocks(spark.getInt("num_blocks", 1))
                .setNumItemBlocks(spark.getInt("num_blocks", 1))
                .setSeed(spark.getInt("seed"))
                .setUserCol(SparkInput.U)
                .setItemCol(SparkInput.I)
                .setRatingCol(SparkInput.C);
        LOG.info("Spark ALS: {} users x {} items, {} pairs, {} (MLlib regParam {})", data.users().size(),
                data.items().size(), data.seen().nnz(), params, regParam);
        ALSModel fitted = als.fit(confidences);
        confidences.unpersist();
        Dataset<Row> userVectors = fitted.userFactors().select(col("id").as(SparkInput.U), col("features").as("v"));
        float[] users = DriverArrays.collectRows(userVectors, data.users().size(), dim);
        float[] items = DriverArrays.collectRows(fitted.itemFactors(), data.items().size(), dim);

        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("spark_version", input.spark().version());
        Map<String, Object> sparkParams = new LinkedHashMap<>(spark.asMap());
        sparkParams.put("mllib_reg_param", regParam);
        sparkParams.put("weighting", weighting.name().toLowerCase(Locale.ROOT));
        meta.put("spark_params", sparkParams);
        ExportedModel model = new ExportedModel(NAME, shared, data, meta, out -> {
            out.putMeta("dim", dim);
            out.putFloats("user_factors", users, data.users().size(), dim);
            out.putFloats("item_factors", items, data.items().size(), dim);
        });
        return new SparkModel(model, userVectors, items, dim, false, spark.getInt("seed"));
    }

    /** Mean number of interactions over the users and items that have any. */
    private static double meanInteractions(CsrMatrix seen) {
        boolean[] itemSeen = new boolean[seen.cols()];
        int items = 0;
        for (int p = 0; p < seen.nnz(); p++) {
            if (!itemSeen[seen.col(p)]) {
                itemSeen[seen.col(p)] = true;
                items++;
            }
        }
        return 2.0 * seen.nnz() / (seen.rows() + items);
    }
}
