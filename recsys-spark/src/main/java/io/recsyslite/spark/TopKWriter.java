package io.recsyslite.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;

import io.recsyslite.core.rank.ItemFilter;
import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.core.rank.TopK;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Precomputes every user's top k on the cluster and writes it as Parquet
 * ({@code user_id, item_id, score, rank}, rank 1 = best). Scores are those of the embedded model
 * (inner product, or cosine), the user's training items are excluded, ties go to the lower item
 * int, as in the embedded {@code recommend}. Item vectors are broadcast; users stay distributed.
 */
public final class TopKWriter {
    public static final StructType SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("user_id", DataTypes.StringType, false),
        DataTypes.createStructField("item_id", DataTypes.StringType, false),
        DataTypes.createStructField("score", DataTypes.FloatType, false),
        DataTypes.createStructField("rank", DataTypes.IntegerType, false)});

    private TopKWriter() {
    }

    /** Scores, selects and writes; an existing output at {@code path} is replaced. */
    public static void write(SparkInput input, SparkModel model, int k, String path) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(input.spark().sparkContext());
        float[] itemVectors = model.itemVectors();
        Broadcast<float[]> items = jsc.broadcast(model.cosine() ? normalized(itemVectors, model.dim()) : itemVectors);
        Broadcast<String[]> itemIds = jsc.broadcast(model.model().items().ids().toArray(String[]::new));
        Dataset<Row> seen = input.events().groupBy(SparkInput.U, "user_id").agg(collect_set(col(SparkInput.I)).as("seen"));
        Dataset<Row> queries = model.userVectors().join(seen, SparkInput.U).select("user_id", "v", "seen");
        JavaRDD<Row> rows = queries.javaRDD()
                .mapPartitions(new Scorer(items, itemIds, model.dim(), model.cosine(), k));
        input.spark().createDataFrame(rows, SCHEMA).write().mode(SaveMode.Overwrite).parquet(path);
        items.destroy();
        itemIds.destroy();
    }

    private static float[] normalized(float[] vectors, int dim) {
        float[] out = vectors.clone();
        for (int row = 0; row < out.length / dim; row++) {
            double norm = 0;
            for (int d = 0; d < dim; d++) {
                norm += (double) out[row * dim + d] * out[row * dim + d];
            }
            float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
            for (int d = 0; d < dim; d++) {
                out[row * dim + d] *= scale;
            }
        }
        return out;
    }

    /** Scores a partition of (user_id, v, seen) rows against the broadcast items. */
    private static final class Scorer implements FlatMapFunction<Iterator<Row>, Row> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<float[]> items;
        private final Broadcast<String[]> itemIds;
        private final int dim;
        private final boolean cosine;
        private final int k;

        Scorer(Broadcast<float[]> items, Broadcast<String[]> itemIds, int dim, boolean cosine, int k) {
            this.items = items;
            this.itemIds = itemIds;
            this.dim = dim;
            this.cosine = cosine;
            this.k = k;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> partition) {
            float[] vectors = items.value();
            String[] ids = itemIds.value();
            float[] scores = new float[ids.length];
            float[] user = new float[dim];
            List<Row> out = new ArrayList<>();
            while (partition.hasNext()) {
                Row r = partition.next();
                List<Object> v = r.getList(1);
                double norm = 0;
                for (int d = 0; d < dim; d++) {
                    user[d] = ((Number) v.get(d)).floatValue();
                    norm += (double) user[d] * user[d];
                }
                float scale = !cosine ? 1f : norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
                for (int item = 0; item < ids.length; item++) {
                    float dot = 0;
                    for (int d = 0; d < dim; d++) {
                        dot += user[d] * vectors[item * dim + d];
                    }
                    scores[item] = dot * scale;
                }
                for (Object item : r.getList(2)) {
                    scores[(Integer) item] = Float.NaN;
                }
                TopK top = new TopK(k);
                top.offerAll(scores, ItemFilter.ALL);
                ScoredItems best = top.drain();
                for (int rank = 0; rank < best.size(); rank++) {
                    out.add(RowFactory.create(r.getString(0), ids[best.item(rank)], best.score(rank), rank + 1));
                }
            }
            return out.iterator();
        }
    }
}
