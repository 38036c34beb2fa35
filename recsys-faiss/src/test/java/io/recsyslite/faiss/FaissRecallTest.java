package io.recsyslite.faiss;

import static io.recsyslite.faiss.FaissSearchTest.provider;
import static org.assertj.core.api.Assertions.assertThat;

import io.recsyslite.core.index.ExactItemIndex;
import io.recsyslite.core.index.IndexOptions;
import io.recsyslite.core.index.ItemIndex;
import io.recsyslite.core.index.Metric;
import io.recsyslite.core.rank.ItemFilter;
import io.recsyslite.core.rank.ScoredItems;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Approximate indexes at their default settings against the exact index on random unit vectors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaissRecallTest {
    private static final int N = 20_000;
    private static final int DIM = 32;
    private static final int QUERIES = 200;
    private static final int K = 10;
    private final float[] items = Vectors.randomUnit(N, DIM, 41);
    private final float[] queries = Vectors.randomUnit(QUERIES, DIM, 42);
    private List<ScoredItems> truth;

    @BeforeAll
    void exactNeighbours() {
        try (ExactItemIndex exact = new ExactItemIndex(items, DIM, Metric.COSINE, 2)) {
            truth = exact.searchBatch(queries, K, ItemFilter.ALL);
        }
    }

    @ParameterizedTest
    @EnumSource(value = FaissIndexType.class, names = {"IVF_FLAT", "HNSW"})
    void recallAtTenIsAtLeast095(FaissIndexType type) {
        try (ItemIndex index = provider(type).build(items, DIM, Metric.COSINE, new IndexOptions(2, Map.of()))) {
            List<ScoredItems> found = index.searchBatch(queries, K, ItemFilter.ALL);
            assertThat(recall(found)).as("recall@10 of %s", index.type()).isGreaterThanOrEqualTo(0.95);
        }
    }

    private double recall(List<ScoredItems> found) {
        long hits = 0;
        for (int q = 0; q < QUERIES; q++) {
            int[] expected = truth.get(q).items();
            hits += Arrays.stream(found.get(q).items()).filter(i -> Arrays.stream(expected).anyMatch(e -> e == i)).count();
        }
        return hits / (double) (QUERIES * K);
    }
}
