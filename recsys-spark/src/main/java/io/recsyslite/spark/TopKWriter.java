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
 * (inner product, or cosine with zero vectors last), the user's training items are excluded and
 * ties go to the lower item int, as in the embedded {@code recommend}. Item vectors are broadcast; users
 * stay distributed. Stateless.
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
        Broadcast<float[]> items = jsc.broadcast(model.itemVectors());
        Broadcast<float[]> norms = jsc.broadcast(model.cosine() ? norms(model.itemVectors(), model.dim()) : null);
        Broadcast<String[]> itemIds = jsc.broadcast(model.model().items().ids().toArray(String[]::new));
        Dataset<Row> seen = input.events().groupBy(SparkInput.U, "user_id").agg(collect_set(col(SparkInput.I)).as("seen"));
        Dataset<Row> queries = model.userVectors().join(seen, SparkInput.U).select("user_id", "v", "seen");
        JavaRDD<Row> rows = queries.javaRDD()
                .mapPartitions(new Scorer(items, norms, itemIds, model.dim(), k));
        input.spark().createDataFrame(rows, SCHEMA).write().mode(SaveMode.Overwrite).parquet(path);
        items.destroy();
        norms.destroy();
        itemIds.destroy();
    }

    private static float[] norms(float[] vectors, int dim) {
        float[] out = new float[vectors.length / dim];
        for (int row = 0; row < out.length; row++) {
            out[row] = (float) Math.sqrt(dot(vectors, row * dim, vectors, row * dim, dim));
        }
        return out;
    }

    /** Summed in float in index order, like the embedded models, so rankings agree exactly. */
    private static float dot(float[] a, int aOffset, float[] b, int bOffset, int dim) {
        float s = 0f;
        for (int d = 0; d < dim; d++) {
            s += a[aOffset + d] * b[bOffset + d];
        }
        return s;
    }

    /** Scores a partition of (user_id, v, seen) rows against the broadcast items. */
    private static final class Scorer implements FlatMapFunction<Iterator<Row>, Row> {
        private static final long serialVersionUID = 1L;
        private final Broadcast<float[]> items;
        private final Broadcast<float[]> norms;
        private final Broadcast<String[]> itemIds;
        private final int dim;
        private final int k;

        /** {@code norms} is null for inner-product scores, else the item norms for cosine scores. */
        Scorer(Broadcast<float[]> items, Broadcast<float[]> norms, Broadcast<String[]> itemIds, int dim, int k) {
            this.items = items;
            this.norms = norms;
            this.itemIds = itemIds;
            this.dim = dim;
            this.k = k;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> partition) {
            float[] vectors = items.value();
            float[] itemNorms = norms.value();
            String[] ids = itemIds.value();
            float[] scores = new float[ids.length];
            float[] user = new float[dim];
            List<Row> out = new ArrayList<>();
            while (partition.hasNext()) {
                Row r = partition.next();
                List<Object> v = r.getList(1);
                for (int d = 0; d < dim; d++) {
                    user[d] = ((Number) v.get(d)).floatValue();
                }
                score(user, vectors, itemNorms, scores);
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

        /** Inner products, or cosines where zero vectors score negative infinity (as in the embedded models). */
        private void score(float[] user, float[] vectors, float[] itemNorms, float[] scores) {
            float userNorm = itemNorms == null ? 1f : (float) Math.sqrt(dot(user, 0, user, 0, dim));
            for (int item = 0; item < scores.length; item++) {
                float dot = dot(user, 0, vectors, item * dim, dim);
                if (itemNorms == null) {
                    scores[item] = dot;
                } else {
                    scores[item] = itemNorms[item] == 0f || userNorm == 0f ? Float.NEGATIVE_INFINITY
                            : dot / (itemNorms[item] * userNorm);
                }
            }
        }
    }
}
