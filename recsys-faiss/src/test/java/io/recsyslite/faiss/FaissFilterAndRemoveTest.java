package io.recsyslite.faiss;

import static io.recsyslite.faiss.FaissSearchTest.EXHAUSTIVE;
import static io.recsyslite.faiss.FaissSearchTest.provider;
import static org.assertj.core.api.Assertions.assertThat;

import io.recsyslite.core.index.ExactItemIndex;
import io.recsyslite.core.index.IndexOptions;
import io.recsyslite.core.index.ItemIndex;
import io.recsyslite.core.index.Metric;
import io.recsyslite.core.rank.ItemFilter;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FaissFilterAndRemoveTest {
    private static final int N = 4000;
    private static final int DIM = 16;
    private final float[] items = Vectors.randomUnit(N, DIM, 11);
    private final float[] query = Vectors.randomUnit(1, DIM, 12);

    @ParameterizedTest
    @EnumSource(FaissIndexType.class)
    void aPermissiveFilterStillReturnsTheBestKThatPass(FaissIndexType type) {
        try (ItemIndex faiss = provider(type).build(items, DIM, Metric.COSINE, EXHAUSTIVE);
                ExactItemIndex exact = new ExactItemIndex(items, DIM, Metric.COSINE, 1)) {
            // reject the unfiltered top 15, so the first 2k over-fetch is not enough
            int[] top = exact.search(query, 15, ItemFilter.ALL).items();
            ItemFilter notTop = ItemFilter.deny(top);
            assertThat(faiss.search(query, 10, notTop).items())
                    .containsExactly(exact.search(query, 10, notTop).items());
        }
    }

    @ParameterizedTest
    @EnumSource(FaissIndexType.class)
    void aSelectiveFilterReturnsKWhenKPassEvenAtDefaultSettings(FaissIndexType type) {
        BitSet allowed = new BitSet();
        for (int i = 7; i < N; i += 97) { // 42 items, scattered
            allowed.set(i);
        }
        ItemFilter filter = ItemFilter.allow(allowed);
        try (ItemIndex faiss = provider(type).build(items, DIM, Metric.COSINE, IndexOptions.defaults());
                ExactItemIndex exact = new ExactItemIndex(items, DIM, Metric.COSINE, 1)) {
            int[] found = faiss.search(query, 10, filter).items();
            assertThat(Arrays.stream(found).boxed().toList()).hasSize(10).allMatch(allowed::get);
            assertThat(found).containsExactly(exact.search(query, 10, filter).items());
        }
    }

    @ParameterizedTest
    @EnumSource(FaissIndexType.class)
    void aFilterPassingFewerThanKReturnsExactlyThose(FaissIndexType type) {
        try (ItemIndex faiss = provider(type).build(items, DIM, Metric.L2, IndexOptions.defaults())) {
            assertThat(faiss.search(query, 10, item -> item == 5 || item == 3999).items()).containsExactlyInAnyOrder(5, 3999);
            assertThat(faiss.search(query, 10, item -> false).size()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(FaissIndexType.class)
    void removedItemsNeverComeBack(FaissIndexType type) {
        try (ItemIndex faiss = provider(type).build(items, DIM, Metric.INNER_PRODUCT, EXHAUSTIVE);
                ExactItemIndex exact = new ExactItemIndex(items, DIM, Metric.INNER_PRODUCT, 1)) {
            int[] top = exact.search(query, 5, ItemFilter.ALL).items();
            faiss.remove(top);
            faiss.remove(-1, N + 10); // unknown ids are ignored
            exact.remove(top);
            assertThat(faiss.search(query, 10, ItemFilter.ALL).items())
                    .containsExactly(exact.search(query, 10, ItemFilter.ALL).items())
                    .doesNotContain(top);
            assertThat(faiss.size()).isEqualTo(N);
        }
    }

    @ParameterizedTest
    @EnumSource(FaissIndexType.class)
    void batchedSearchAppliesTheFilterToEveryQuery(FaissIndexType type) {
        float[] queries = Vectors.randomUnit(8, DIM, 13);
        ItemFilter even = item -> item % 2 == 0;
        try (ItemIndex faiss = provider(type).build(items, DIM, Metric.COSINE,
                new IndexOptions(1, Map.of("nprobe", "1000", "efSearch", "2000")))) {
            assertThat(faiss.searchBatch(queries, 10, even))
                    .hasSize(8)
                    .allSatisfy(r -> assertThat(Arrays.stream(r.items()).boxed().toList()).hasSize(10).allMatch(i -> i % 2 == 0));
        }
    }
}
