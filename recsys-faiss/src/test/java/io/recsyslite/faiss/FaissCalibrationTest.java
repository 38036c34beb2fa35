package io.recsyslite.faiss;

import static io.recsyslite.faiss.FaissSearchTest.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.recsyslite.core.index.ExactItemIndex;
import io.recsyslite.core.index.IndexCalibration;
import io.recsyslite.core.index.IndexOptions;
import io.recsyslite.core.index.ItemIndex;
import io.recsyslite.core.index.Metric;
import io.recsyslite.core.index.TunableIndex;
import io.recsyslite.core.rank.ItemFilter;
import io.recsyslite.core.rank.ScoredItems;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Calibration picks the smallest nprobe / efSearch reaching the target recall with a margin for
 * the sample (its one-sided 95% lower bound), and a saved index
 * keeps the calibrated value. Recall is checked again here against the Java exact index; it may
 * differ slightly from Faiss's own exhaustive answer (near-ties in 10th place at HNSW's tiny efSearch).
 */
class FaissCalibrationTest {
    private static final int N = 20_000;
    private static final int DIM = 32;
    private static final int K = 10;
    private static final double TARGET = 0.9;
    /** Clustered item vectors (like trained embeddings): 40 centres plus noise. */
    private final float[] items = clustered(N, 11);
    private final float[] queries = clustered(300, 12);

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(value = FaissIndexType.class, names = {"IVF_FLAT", "HNSW"})
    void picksTheSmallestEffortReachingTheTarget(FaissIndexType type) throws Exception {
        String setting = type.effortSetting();
        try (TunableIndex index = (TunableIndex) provider(type).build(items, DIM, Metric.INNER_PRODUCT,
                new IndexOptions(2, Map.of()))) {
            IndexCalibration c = index.calibrate(queries, K, TARGET);

            assertThat(c.setting()).isEqualTo(setting);
            assertThat(c.fixed()).isFalse();
            assertThat(c.recall()).isGreaterThanOrEqualTo(TARGET).isCloseTo(recall(index), within(0.02));
            Path file = tmp.resolve(type.providerName() + ".faiss");
            index.save(file);
            try (ItemIndex loaded = provider(type).load(file, new IndexOptions(2, Map.of()))) {
                assertThat(((FaissItemIndex) loaded).describeSettings()).containsPattern(setting + "=" + c.value() + "\\b");
                assertThat(recall(loaded)).isCloseTo(c.recall(), within(0.02));
            }
            if (c.value() > (type == FaissIndexType.HNSW ? K : 1)) {
                try (TunableIndex less = (TunableIndex) provider(type).load(file,
                        new IndexOptions(2, Map.of(setting, Integer.toString(c.value() - 1))))) {
                    IndexCalibration kept = less.calibrate(queries, K, TARGET);
                    assertThat(kept.fixed()).isTrue();
                    assertThat(kept.value()).isEqualTo(c.value() - 1);
                    assertThat(kept.recall()).isCloseTo(recall(less), within(0.02));
                    assertThat(lowerBound(recalls(less))).as("one less is short of the target with its margin")
                            .isLessThan(TARGET + 0.005);
                }
            }
        }
    }

    private double recall(ItemIndex index) {
        return Arrays.stream(recalls(index)).average().orElseThrow();
    }

    /** The one-sided 95% lower bound of the mean of per-query recalls. */
    private static double lowerBound(double[] each) {
        double mean = Arrays.stream(each).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(each).map(r -> (r - mean) * (r - mean)).sum() / (each.length - 1));
        return mean - 1.645 * sd / Math.sqrt(each.length);
    }

    /** The recall@K of each query. */
    private double[] recalls(ItemIndex index) {
        try (ExactItemIndex exact = new ExactItemIndex(items, DIM, Metric.INNER_PRODUCT, 2)) {
            List<ScoredItems> truth = exact.searchBatch(queries, K, ItemFilter.ALL);
            List<ScoredItems> found = index.searchBatch(queries, K, ItemFilter.ALL);
            double[] out = new double[truth.size()];
            for (int q = 0; q < truth.size(); q++) {
                int[] got = found.get(q).items().clone();
                Arrays.sort(got);
                out[q] = Arrays.stream(truth.get(q).items()).filter(i -> Arrays.binarySearch(got, i) >= 0).count() / (double) K;
            }
            return out;
        }
    }

    private static float[] clustered(int n, long seed) {
        float[] centres = Vectors.randomGaussian(40, DIM, 5);
        float[] noise = Vectors.randomGaussian(n, DIM, seed);
        float[] v = new float[n * DIM];
        for (int i = 0; i < n; i++) {
            int c = (int) ((i * 2654435761L) % 40);
            for (int d = 0; d < DIM; d++) {
                v[i * DIM + d] = centres[c * DIM + d] + 0.5f * noise[i * DIM + d];
            }
        }
        return v;
    }
}
