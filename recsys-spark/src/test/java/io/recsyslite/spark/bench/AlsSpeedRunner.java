package io.recsyslite.spark.bench;

import io.recsyslite.core.internal.data.TrainingDataBuilder;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.rand;

import com.sun.management.OperatingSystemMXBean;
import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.ItemMetadata;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.internal.data.EventColumns;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.ModelData;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.spark.SparkAls;
import io.recsyslite.spark.SparkInput;
import java.io.IOException;
import java.lang.management.ManagementFactory;
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
 * collecting). Rounds alternate the trainers; medians of wall and process CPU time are printed (CPU
 * time suffers less from other load on a shared machine).
 * System properties: {@code events} (2000000), {@code users} (50000), {@code items} (20000),
 * {@code n} (4), {@code rounds} (3), {@code blocks} (2), {@code solvers} (cg,cholesky).
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
                double[] spark1 = time(() -> trainSpark(input, 1, blocks));
                double[] sparkN = time(() -> trainSpark(input, 1 + n, blocks));
                record("spark MLlib local[2]", n, spark1, sparkN, perIteration, round);
                for (String solver : System.getProperty("solvers", "cg,cholesky").split(",")) {
                    double[] e1 = time(() -> trainEmbedded(als, training, 1, solver));
                    double[] eN = time(() -> trainEmbedded(als, training, 1 + n, solver));
                    record("embedded " + solver + " 2 threads", n, e1, eN, perIteration, round);
                }
            }
            System.out.println("median seconds per iteration (wall / process CPU):");
            double sparkWall = median(perIteration.get("spark MLlib local[2] wall"));
            double sparkCpu = median(perIteration.get("spark MLlib local[2] cpu"));
            for (String name : perIteration.keySet()) {
                if (name.endsWith(" wall")) {
                    String base = name.substring(0, name.length() - 5);
                    double wall = median(perIteration.get(name));
                    double cpu = median(perIteration.get(base + " cpu"));
                    System.out.printf("  %-30s %7.2f s wall %7.2f s cpu   spark/this: %.1fx wall, %.1fx cpu%n",
                            base, wall, cpu, sparkWall / wall, sparkCpu / cpu);
                }
            }
        } finally {
            spark.stop();
        }
    }

    /** Records (t(1+n) - t(1)) / n for wall and CPU time. */
    private static void record(String name, int n, double[] t1, double[] tN, Map<String, List<Double>> out, int round) {
        double wall = (tN[0] - t1[0]) / n;
        double cpu = (tN[1] - t1[1]) / n;
        out.computeIfAbsent(name + " wall", x -> new ArrayList<>()).add(wall);
        out.computeIfAbsent(name + " cpu", x -> new ArrayList<>()).add(cpu);
        System.out.printf("round %d %-30s 1 it %6.1f s (cpu %6.1f s), 1+n it %6.1f s (cpu %6.1f s) -> %.2f s/iteration"
                + " (cpu %.2f s)%n", round, name, t1[0], t1[1], tN[0], tN[1], wall, cpu);
    }

    /** Wall and process CPU seconds of {@code work}; CPU time (all threads of this JVM) is less hurt by other load. */
    private static double[] time(Runnable work) {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long wall = System.nanoTime();
        long cpu = os.getProcessCpuTime();
        work.run();
        return new double[] {(System.nanoTime() - wall) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9};
    }

    private static void trainSpark(SparkInput input, int iterations, String blocks) {
        SparkAls als = new SparkAls();
        als.train(input, als.resolve(Map.of("iterations", Integer.toString(iterations), "num_blocks", blocks)),
                ConfidenceWeighting.Quantity.BINARY);
    }

    private static void trainEmbedded(RecommenderProvider als, TrainingData data, int iterations, String solver) {
        als.fit(data, als.paramSpace().resolve(Map.of("iterations", iterations, "solver", solver)),
                TrainingContext.defaults().withThreads(2));
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
        return TrainingDataBuilder.build(data.users(), data.items(), events, ConfidenceWeighting.binary(),
                ItemMetadata.empty(data.items().size()));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int m = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
    }
}
