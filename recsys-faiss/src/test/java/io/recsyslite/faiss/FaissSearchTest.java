package io.recsyslite.faiss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.recsyslite.core.index.ExactItemIndex;
import io.recsyslite.core.index.IndexOptions;
import io.recsyslite.core.index.ItemIndex;
import io.recsyslite.core.index.ItemIndexes;
import io.recsyslite.core.index.Metric;
import io.recsyslite.core.rank.ItemFilter;
import io.recsyslite.core.rank.ScoredItems;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class FaissSearchTest {
    private static final int N = 3000;
    private static final int DIM = 16;
    /** Settings that make every index type exhaustive, so results must equal the exact index. */
    static final IndexOptions EXHAUSTIVE = new IndexOptions(2, Map.of("nlist", "20", "nprobe", "20", "efSearch", "3000"));

    static List<Object[]> typesAndMetrics() {
        return List.of(FaissIndexType.values()).stream()
                .flatMap(t -> List.of(Metric.values()).stream().map(m -> new Object[] {t, m}))
                .toList();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("typesAndMetrics")
    void exhaustiveSettingsGiveTheExactNeighboursAndScores(FaissIndexType type, Metric metric) {
        float[] items = Vectors.randomGaussian(N, DIM, 1);
        float[] queries = Vectors.randomGaussian(20, DIM, 2);
        try (ItemIndex faiss = provider(type).build(items, DIM, metric, EXHAUSTIVE);
                ExactItemIndex exact = new ExactItemIndex(items, DIM, metric, 1)) {
            List<ScoredItems> batch = faiss.searchBatch(queries, 10, ItemFilter.ALL);
            for (int q = 0; q < 20; q++) {
                float[] query = java.util.Arrays.copyOfRange(queries, q * DIM, (q + 1) * DIM);
                ScoredItems expected = exact.search(query, 10, ItemFilter.ALL);
                ScoredItems single = faiss.search(query, 10, ItemFilter.ALL);
                assertThat(single.items()).containsExactly(expected.items());
                assertThat(batch.get(q).items()).containsExactly(expected.items());
                for (int r = 0; r < 10; r++) {
                    assertThat(single.score(r)).isCloseTo(expected.score(r), within(1e-3f));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FaissIndexType.class)
    void describesItself(FaissIndexType type) {
        try (ItemIndex index = provider(type).build(Vectors.randomUnit(100, 8, 3), 8, Metric.COSINE, EXHAUSTIVE)) {
            assertThat(index.type()).isEqualTo(type.providerName());
            assertThat(index.size()).isEqualTo(100);
            assertThat(index.dim()).isEqualTo(8);
            assertThat(index.metric()).isEqualTo(Metric.COSINE);
        }
    }

    @ParameterizedTest
    @EnumSource(FaissIndexType.class)
    void returnsEverythingWhenKExceedsTheItemCountAndNothingForKZero(FaissIndexType type) {
        try (ItemIndex index = provider(type).build(Vectors.randomUnit(50, 8, 4), 8, Metric.INNER_PRODUCT, EXHAUSTIVE)) {
            float[] q = Vectors.randomUnit(1, 8, 5);
            assertThat(index.search(q, 80, ItemFilter.ALL).items()).doesNotHaveDuplicates().hasSize(50);
            assertThat(index.search(q, 0, ItemFilter.ALL).size()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(FaissIndexType.class)
    void anEmptyIndexFindsNothing(FaissIndexType type) {
        try (ItemIndex index = provider(type).build(new float[0], 8, Metric.L2, IndexOptions.defaults())) {
            assertThat(index.size()).isZero();
            assertThat(index.search(new float[8], 5, ItemFilter.ALL).size()).isZero();
        }
    }

    @Test
    void ivfWithFewItemsReducesItsListCount() {
        try (FaissItemIndex index = (FaissItemIndex) provider(FaissIndexType.IVF_FLAT)
                .build(Vectors.randomUnit(100, 8, 6), 8, Metric.COSINE, IndexOptions.defaults())) {
            assertThat(index.describeSettings()).contains("nlist=2,");
            assertThat(index.search(Vectors.randomUnit(1, 8, 7), 10, ItemFilter.ALL).size()).isEqualTo(10);
        }
    }

    @Test
    void rejectsQueriesOfTheWrongDimensionAndUseAfterClose() {
        ItemIndex index = provider(FaissIndexType.FLAT).build(Vectors.randomUnit(10, 4, 8), 4, Metric.L2, EXHAUSTIVE);
        assertThatThrownBy(() -> index.search(new float[3], 1, ItemFilter.ALL)).isInstanceOf(IllegalArgumentException.class);
        index.close();
        index.close();
        assertThatThrownBy(() -> index.search(new float[4], 1, ItemFilter.ALL)).isInstanceOf(IllegalStateException.class);
    }

    static io.recsyslite.core.index.ItemIndexProvider provider(FaissIndexType type) {
        return ItemIndexes.discover().get(type.providerName());
    }
}
