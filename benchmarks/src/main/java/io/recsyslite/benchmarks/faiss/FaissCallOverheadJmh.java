package io.recsyslite.benchmarks.faiss;

import io.recsyslite.core.index.IndexOptions;
import io.recsyslite.core.index.ItemIndex;
import io.recsyslite.core.index.ItemIndexProvider;
import io.recsyslite.core.index.ItemIndexes;
import io.recsyslite.core.index.Metric;
import io.recsyslite.core.rank.ItemFilter;
import io.recsyslite.core.rank.ScoredItems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one single-query search through our JavaCPP binding, where the search itself is tiny
 * so the per-call cost shows: IVF-Flat over {@code items} (100,000) random unit vectors with {@code nprobe}
 * 1 (about 80 vectors scanned) and 16, one thread, k = 10, cycling over {@value #QUERIES} queries.
 * Setup writes the index and the queries to {@code benchmarks/target/faiss-jmh-<items>/} so that
 * {@code benchmarks/faiss/faiss_call_overhead.py} times the same calls from Python's faiss on the
 * same file: the ratio of the two is the Java call overhead.
 *
 * <pre>
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/faiss-bench.cp)" org.openjdk.jmh.Main FaissCallOverheadJmh
 * /usr/bin/python3 benchmarks/faiss/faiss_call_overhead.py benchmarks/target/faiss-jmh-100000
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FaissCallOverheadJmh {
    static final int QUERIES = 1000;
    private static final String TYPE = "faiss-ivf-flat";

    @Param({"1", "16"})
    public int nprobe;

    /** The catalogue size; the smoke run (benchmarks/smoke-runs.txt) passes a tiny one. */
    @Param("100000")
    public int items;

    private ItemIndex index;
    private float[][] queries;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path dir = Path.of("benchmarks/target/faiss-jmh-" + items);
        Files.createDirectories(dir);
        Path file = dir.resolve(TYPE + ".faiss");
        ItemIndexProvider provider = ItemIndexes.discover().get(TYPE);
        if (!Files.exists(file)) { // built once, shared by both nprobe values and by the Python script
            float[] vectors = FaissBenchmark.randomUnit(items, 1);
            try (ItemIndex built = provider.build(vectors, FaissBenchmark.DIM, Metric.COSINE, IndexOptions.defaults())) {
                built.save(file);
            }
        }
        float[] flat = FaissBenchmark.randomUnit(QUERIES, 2);
        VecsFiles.writeFvecs(dir.resolve("queries.fvecs"), flat, FaissBenchmark.DIM);
        queries = new float[QUERIES][];
        for (int q = 0; q < QUERIES; q++) {
            queries[q] = Arrays.copyOfRange(flat, q * FaissBenchmark.DIM, (q + 1) * FaissBenchmark.DIM);
        }
        index = provider.load(file, new IndexOptions(1, Map.of("nprobe", Integer.toString(nprobe))));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        index.close();
    }

    @Benchmark
    public ScoredItems search() {
        float[] query = queries[next];
        next = next + 1 == QUERIES ? 0 : next + 1;
        return index.search(query, 10, ItemFilter.ALL);
    }
}
