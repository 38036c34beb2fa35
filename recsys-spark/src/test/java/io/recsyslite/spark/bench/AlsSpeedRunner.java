package io.recsyslite.spark.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.rand;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.EventColumns;
import io.recsyslite.core.data.ItemMetadata;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.ModelData;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.spark.SparkAls;
import io.recsyslite.spark.SparkInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Manual runner (not a test): seconds per ALS iteration, Spark MLlib in {@code local[2]} against
 * the embedded ALS (2 threads; CG and Cholesky solvers), side by side in one JVM on the same
 * synthetic data (default 50,000 users x 20,000 items, 2,000,000 events with skewed item
 * popularity, binary confidences, 64 factors). Each trainer runs with 1 and with 1 + n iterations;
 * the difference divided by n is the cost of one iteration without the fixed set-up (blocking,
 * collecting). Rounds alternate the trainers; medians are printed.
 * System properties: {@code events} (2000000), {@code users} (50000), {@code items} (20000),
 * {@code n} (4), {@code rounds} (3), {@code blocks} (2).
 */
public final class AlsSpeedRunner {
    private AlsSpeedRunner() {
    }

    public static void main(String[] args) throws IOException {
        long events = Long.getLong("events", 2_000_000);
        int users = Integer.getInteger("users", 50_000);
        int items = Integer.getInteger("items", 20_000);
        int n = Integer.getInteger("n", 4);
        int rounds = Integer.getInteger("rounds", 3);
        String blocks = System.getProperty("blocks", "2");
        Path dir = Files.createTempDirectory("als-speed").resolve("events.parquet");
        SparkSession spark = SparkSession.builder().master("local[2]").appName("als-speed")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        try {
            spark.range(events).select(
                    concat(lit("u"), floor(rand(1).multiply(users))).as("user_id"),
                    concat(lit("i"), floor(pow(rand(2), 2).multiply(items))).as("item_id"),
                    col("id").plus(1_700_000_000L).as("ts"),
                    lit(1).as("qty")).write().parquet(dir.toString());
            SparkInput input = SparkInput.read(spark, dir.toString(), null);
            ModelData data = input.modelData(input.confidences(ConfidenceWeighting.Quantity.BINARY));
            TrainingData training = trainingData(data);
            System.out.printf("%d events -> %d users x %d items, %d distinct pairs; 64 factors, %d+%d iterations, "
                    + "MLlib blocks=%s%n", events, data.users().size(), data.items().size(), data.seen().nnz(), 1, n, blocks);

            RecommenderProvider als = Algorithms.discover().get("als");
            Map<String, List<Double>> perIteration = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                double spark1 = timeSpark(input, 1, blocks);
                double sparkN = timeSpark(input, 1 + n, blocks);
                record("spark MLlib local[2]", (sparkN - spark1) / n, perIteration, round, spark1, sparkN);
                for (String solver : new String[] {"cg", "cholesky"}) {
                    double e1 = timeEmbedded(als, training, 1, solver);
                    double eN = timeEmbedded(als, training, 1 + n, solver);
                    record("embedded " + solver + " 2 threads", (eN - e1) / n, perIteration, round, e1, eN);
                }
            }
            System.out.println("median seconds per iteration:");
            double sparkMedian = median(perIteration.get("spark MLlib local[2]"));
            perIteration.forEach((name, values) -> System.out.printf("  %-24s %7.2f s  (spark/this = %.1fx)%n",
                    name, median(values), sparkMedian / median(values)));
        } finally {
            spark.stop();
        }
    }

    private static void record(String name, double seconds, Map<String, List<Double>> out, int round,
                               double t1, double tN) {
        out.computeIfAbsent(name, x -> new ArrayList<>()).add(seconds);
        System.out.printf("round %d %-24s 1 it %6.1f s, 1+n it %6.1f s -> %.2f s/iteration%n", round, name, t1, tN, seconds);
    }

    private static double timeSpark(SparkInput input, int iterations, String blocks) {
        long start = System.nanoTime();
        SparkAls.train(input, SparkAls.resolve(Map.of("iterations", Integer.toString(iterations),
                "num_blocks", blocks)), ConfidenceWeighting.Quantity.BINARY);
        return (System.nanoTime() - start) / 1e9;
    }

    private static double timeEmbedded(RecommenderProvider als, TrainingData data, int iterations, String solver) {
        long start = System.nanoTime();
        als.fit(data, als.paramSpace().resolve(Map.of("iterations", iterations, "solver", solver)),
                TrainingContext.defaults().withThreads(2));
        return (System.nanoTime() - start) / 1e9;
    }

    /** The same pairs as embedded training data (one event per pair, binary). */
    private static TrainingData trainingData(ModelData data) {
        CsrMatrix seen = data.seen();
        EventColumns events = new EventColumns(seen.nnz());
        for (int u = 0; u < seen.rows(); u++) {
            for (int p = seen.start(u); p < seen.end(u); p++) {
                events.add(u, seen.col(p), 0L, 1f);
            }
        }
        return TrainingData.build(data.users(), data.items(), events, ConfidenceWeighting.binary(),
                ItemMetadata.empty(data.items().size()));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int m = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
    }
}
