package io.recsyslite.spark.bench;

import io.recsyslite.core.artifact.ModelArtifacts;
import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.data.ItemMetadata;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.internal.data.EventColumns;
import io.recsyslite.core.internal.data.TrainingDataBuilder;
import io.recsyslite.core.rank.RecommendRequest;
import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.spark.JobOptions;
import io.recsyslite.spark.TrainJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Manual runner (not a test): MovieLens 100k under the Models I protocol (every rating a binary
 * implicit positive; per user the last interaction by timestamp, ties in file order, held out;
 * full ranking over all items excluding training items; all users count). Trains ALS on local
 * Spark through {@link TrainJob}, serves the artifact with the embedded runtime, and trains the
 * embedded ALS with the same parameters on the same split; prints NDCG@10 and HR@10 of both.
 * Usage: {@code Ml100kQualityRunner [variant ...]}, each variant a comma-separated list of
 * name=value overriding the Spark job's parameters (factors=64, regularization=0.1, alpha=5,
 * iterations=10, which the embedded ALS uses); {@code -Dml100k=path} points at u.data.
 */
public final class Ml100kQualityRunner {
    private static final int K = 10;

    private Ml100kQualityRunner() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(System.getProperty("ml100k", "/work/shared/data/ml-100k/u.data"));
        Map<String, String> base = new LinkedHashMap<>(Map.of(
                "factors", "64", "regularization", "0.1", "alpha", "5", "iterations", "10"));
        List<String> variants = args.length == 0 ? List.of("") : List.of(args);
        List<Long> seeds = Arrays.stream(System.getProperty("seeds", "42,7,123").split(",")).map(Long::parseLong).toList();
        Split split = Split.leaveLastOut(Files.readAllLines(file));
        Path work = Files.createTempDirectory("ml100k-spark");
        SparkSession spark = SparkSession.builder().master("local[2]").appName("ml100k")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        try {
            Path events = work.resolve("train.parquet");
            Path items = work.resolve("items.csv");
            split.writeTrain(spark, events);
            Files.write(items, split.catalogue());
            RecommenderProvider als = Algorithms.discover().get("als");
            System.out.printf("ml-100k leave-last-out, %d users, base params %s, seeds %s%n", split.users(), base, seeds);
            double[] embedded = null;
            for (String solver : System.getProperty("solvers", "cg,cholesky").split(",")) {
                double[] mean = new double[2];
                for (long seed : seeds) {
                    Map<String, Object> params = new LinkedHashMap<>(base);
                    params.put("solver", solver);
                    long start = System.nanoTime();
                    Recommender model = als.fit(split.trainingData(), als.paramSpace().resolve(params),
                            TrainingContext.defaults().withThreads(2).withSeed(seed));
                    double[] m = split.evaluate(model);
                    System.out.printf("embedded ALS (2 threads) seed %d %s: NDCG@10=%.4f HR@10=%.4f train=%.1fs%n",
                            seed, model.params(), m[0], m[1], (System.nanoTime() - start) / 1e9);
                    mean[0] += m[0] / seeds.size();
                    mean[1] += m[1] / seeds.size();
                }
                System.out.printf("embedded ALS solver=%s mean over seeds: NDCG@10=%.4f HR@10=%.4f%n", solver, mean[0], mean[1]);
                embedded = embedded == null ? mean : embedded;
            }
            for (int v = 0; v < variants.size(); v++) {
                double[] mean = new double[2];
                for (long seed : seeds) {
                    Map<String, String> params = new LinkedHashMap<>(base);
                    params.put("seed", Long.toString(seed));
                    for (String kv : variants.get(v).split(",")) {
                        if (!kv.isBlank()) {
                            params.put(kv.split("=", 2)[0], kv.split("=", 2)[1]);
                        }
                    }
                    Path model = work.resolve("model-" + v + "-" + seed);
                    List<String> jobArgs = new ArrayList<>(List.of("--events", events.toString(), "--items",
                            items.toString(), "--algorithm", "als", "--weighting", "binary", "--output", model.toString()));
                    params.forEach((k, value) -> jobArgs.addAll(List.of("--param", k + "=" + value)));
                    long start = System.nanoTime();
                    TrainJob.run(spark, JobOptions.parse(jobArgs.toArray(String[]::new)));
                    double seconds = (System.nanoTime() - start) / 1e9;
                    double[] m = split.evaluate(ModelArtifacts.load(model, Algorithms.discover()).model());
                    System.out.printf("spark ALS (local[2]) -> embedded runtime %s: NDCG@10=%.4f HR@10=%.4f train=%.1fs%n",
                            params, m[0], m[1], seconds);
                    mean[0] += m[0] / seeds.size();
                    mean[1] += m[1] / seeds.size();
                }
                System.out.printf("spark ALS mean over seeds [%s]: NDCG@10=%.4f HR@10=%.4f; NDCG ratio spark/embedded(first solver)=%.3f%n",
                        variants.get(v), mean[0], mean[1], mean[0] / embedded[0]);
            }
        } finally {
            spark.stop();
        }
    }

    /** The leave-last-out split of u.data, kept as external ids. */
    private record Split(List<String[]> train, Map<String, String> heldOut, TreeSet<String> allItems) {
        static Split leaveLastOut(List<String> lines) {
            Map<String, String[]> last = new HashMap<>();
            List<String[]> rows = new ArrayList<>(lines.size());
            TreeSet<String> items = new TreeSet<>();
            for (String line : lines) {
                String[] f = line.split("\t");
                rows.add(f);
                items.add(f[1]);
                String[] prev = last.get(f[0]);
                // >= : among equal timestamps the later line of the file is the last interaction
                if (prev == null || Long.parseLong(f[3]) >= Long.parseLong(prev[3])) {
                    last.put(f[0], f);
                }
            }
            List<String[]> train = new ArrayList<>(rows.size());
            Map<String, String> heldOut = new HashMap<>();
            for (String[] f : rows) {
                if (last.get(f[0]) == f) {
                    heldOut.put(f[0], f[1]);
                } else {
                    train.add(f);
                }
            }
            return new Split(train, heldOut, items);
        }

        int users() {
            return heldOut.size();
        }

        void writeTrain(SparkSession spark, Path dir) {
            List<Row> rows = new ArrayList<>(train.size());
            for (String[] f : train) {
                rows.add(RowFactory.create(f[0], f[1], Long.parseLong(f[3]), 1));
            }
            StructType schema = new StructType(new StructField[] {
                DataTypes.createStructField("user_id", DataTypes.StringType, false),
                DataTypes.createStructField("item_id", DataTypes.StringType, false),
                DataTypes.createStructField("ts", DataTypes.LongType, false),
                DataTypes.createStructField("qty", DataTypes.IntegerType, false)});
            spark.createDataFrame(rows, schema).coalesce(1).write().parquet(dir.toString());
        }

        List<String> catalogue() {
            List<String> lines = new ArrayList<>(List.of("item_id"));
            lines.addAll(allItems);
            return lines;
        }

        /** Training data with the ids sorted as the Spark job sorts them. */
        TrainingData trainingData() {
            IdIndex users = IdIndex.of(new ArrayList<>(new TreeSet<>(heldOut.keySet())));
            IdIndex items = IdIndex.of(new ArrayList<>(allItems));
            EventColumns events = new EventColumns(train.size());
            for (String[] f : train) {
                events.add(users.indexOf(f[0]), items.indexOf(f[1]), Long.parseLong(f[3]), 1f);
            }
            return TrainingDataBuilder.build(users, items, events, ConfidenceWeighting.binary(), ItemMetadata.empty(items.size()));
        }

        /** NDCG@10 and HR@10 over all users, full ranking excluding training items. */
        double[] evaluate(Recommender model) {
            double ndcg = 0;
            double hits = 0;
            for (Map.Entry<String, String> e : heldOut.entrySet()) {
                ScoredItems top = model.recommend(model.users().indexOf(e.getKey()), RecommendRequest.top(K));
                int target = model.items().indexOf(e.getValue());
                for (int r = 0; r < top.size(); r++) {
                    if (top.item(r) == target) {
                        hits++;
                        ndcg += 1 / (Math.log(r + 2) / Math.log(2));
                    }
                }
            }
            return new double[] {ndcg / heldOut.size(), hits / heldOut.size()};
        }
    }
}
