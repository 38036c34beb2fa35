package io.recsyslite.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.spi.ModelData;
import io.recsyslite.core.spi.ParamSpace;
import io.recsyslite.core.spi.ParamSpec;
import io.recsyslite.core.spi.Params;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.feature.Word2Vec;
import org.apache.spark.ml.feature.Word2VecModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Item2vec with Spark MLlib's Word2Vec over each user's time-ordered items (ties in time keep the
 * input order), exported in the layout of the embedded {@code item2vec} provider:
 * {@code vector_size} in model.json, {@code item_vectors.npy} (items x dim; zero for items below
 * {@code min_count} or without events) and {@code user_vectors.npy} (users x dim: the
 * recency-weighted mean of the user's last {@code recent_items} items, the newest weighing 1, the
 * one before {@code recency_decay}, ...), beside the shared ids and seen matrix. Stateless.
 *
 * <p>MLlib's Word2Vec is skip-gram with hierarchical softmax and no subsampling, so the embedded
 * parameters {@code negative} and {@code subsampling} have no Spark counterpart and are not
 * recorded; {@code vector_size, window, epochs, min_count, learning_rate} map to
 * {@code vectorSize, windowSize, maxIter, minCount, stepSize}.
 */
public final class SparkItem2Vec implements SparkTrainer {
    public static final String NAME = "item2vec";

    /** The embedded provider's names and defaults that Spark honours; model.json {@code params} holds these only. */
    private static final ParamSpace SHARED = ParamSpace.of(
            ParamSpec.fixedInt("vector_size", 64),
            ParamSpec.fixedInt("window", 5),
            ParamSpec.fixedInt("epochs", 10),
            ParamSpec.fixedInt("min_count", 1),
            ParamSpec.fixedFloat("learning_rate", 0.025),
            ParamSpec.fixedFloat("recency_decay", 0.8),
            ParamSpec.fixedInt("recent_items", 10),
            // Spark's top-k query: the recent items, cosine without the rare-item shrinkage
            ParamSpec.fixedFloat("rare_shrinkage", 0),
            ParamSpec.fixedCategorical("history", "recent", "recent"));

    /** More than one partition trains faster but averages the partitions' vectors, which costs quality. */
    private static final ParamSpace SPARK_ONLY = ParamSpace.of(
            ParamSpec.fixedInt("num_partitions", 1),
            ParamSpec.fixedInt("max_sentence_length", 1000),
            ParamSpec.fixedInt("seed", 42));

    private static final Logger LOG = LoggerFactory.getLogger(SparkItem2Vec.class);
    private static final StructType USER_VECTORS = new StructType(new StructField[] {
        DataTypes.createStructField(SparkInput.U, DataTypes.IntegerType, false),
        DataTypes.createStructField("v", DataTypes.createArrayType(DataTypes.FloatType, false), false)});

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
        int dim = shared.getInt("vector_size", 1);
        ModelData data = input.modelData(input.confidences(weighting));
        // Sentences are item ints as strings, oldest first, as the embedded trainer builds them.
        Dataset<Row> sequences = input.events()
                .groupBy(SparkInput.U)
                .agg(sort_array(collect_list(struct(col("ts"), col(SparkInput.SEQ), col(SparkInput.I)))).as("s"))
                .select(col(SparkInput.U), expr("transform(s, e -> e." + SparkInput.I + ")").as("items"),
                        expr("transform(s, e -> cast(e." + SparkInput.I + " as string))").as("words"))
                .cache();
        Word2Vec word2vec = new Word2Vec()
                .setInputCol("words")
                .setVectorSize(dim)
                .setWindowSize(shared.getInt("window", 1))
                .setMaxIter(shared.getInt("epochs", 1))
                .setMinCount(shared.getInt("min_count", 0))
                .setStepSize(shared.getDouble("learning_rate", Double.MIN_VALUE))
                .setNumPartitions(spark.getInt("num_partitions", 1))
                .setMaxSentenceLength(spark.getInt("max_sentence_length", 1))
                .setSeed(spark.getInt("seed"));
        LOG.info("Spark item2vec: {} users x {} items, {}", data.users().size(), data.items().size(), params);
        Word2VecModel fitted = word2vec.fit(sequences);
        float[] items = itemVectors(fitted, data.items().size(), dim);

        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(input.spark().sparkContext());
        Broadcast<float[]> itemsOnCluster = jsc.broadcast(items);
        JavaRDD<Row> queries = sequences.select(SparkInput.U, "items").javaRDD()
                .map(new RecencyQuery(itemsOnCluster, dim, shared.getInt("recent_items", 1),
                        shared.getDouble("recency_decay", 0)));
        Dataset<Row> userVectors = input.spark().createDataFrame(queries, USER_VECTORS).cache();
        float[] users = DriverArrays.collectRows(userVectors, data.users().size(), dim);
        sequences.unpersist();

        ExportedModel model = new ExportedModel(NAME, shared, data,
                SparkTrainer.provenance(input, spark, weighting), out -> {
            out.putMeta("vector_size", dim);
            out.putFloats("item_vectors", items, data.items().size(), dim);
            out.putUserFloats("user_vectors", users, data.users().size(), dim);
        });
        return new SparkModel(model, userVectors, items, dim, true, spark.getInt("seed"));
    }

    private static float[] itemVectors(Word2VecModel fitted, int numItems, int dim) {
        float[] out = new float[numItems * dim];
        Iterator<Row> it = fitted.getVectors().toLocalIterator();
        while (it.hasNext()) {
            Row r = it.next();
            int item = Integer.parseInt(r.getString(0));
            double[] v = ((Vector) r.get(1)).toArray();
            for (int d = 0; d < dim; d++) {
                out[item * dim + d] = (float) v[d];
            }
        }
        return out;
    }

    /**
     * A user's query vector from the (u, items oldest first) row: the mean of the last
     * {@code lastN} item vectors weighted 1, decay, decay^2, ... from the newest, divided by the
     * total weight, exactly as the embedded item2vec computes it.
     */
    private static final class RecencyQuery implements Function<Row, Row> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<float[]> items;
        private final int dim;
        private final int lastN;
        private final double decay;

        RecencyQuery(Broadcast<float[]> items, int dim, int lastN, double decay) {
            this.items = items;
            this.dim = dim;
            this.lastN = lastN;
            this.decay = decay;
        }

        @Override
        public Row call(Row row) {
            float[] matrix = items.value();
            List<Object> sequence = row.getList(1);
            float[] sum = new float[dim];
            double weight = 1.0;
            double total = 0.0;
            for (int k = sequence.size() - 1; k >= Math.max(0, sequence.size() - lastN); k--) {
                int offset = (Integer) sequence.get(k) * dim;
                for (int d = 0; d < dim; d++) {
                    sum[d] += (float) (weight * matrix[offset + d]);
                }
                total += weight;
                weight *= decay;
            }
            if (total > 0) {
                for (int d = 0; d < dim; d++) {
                    sum[d] /= (float) total;
                }
            }
            return RowFactory.create(row.getInt(0), sum);
        }
    }
}
