package io.recsyslite.faiss;

import static io.recsyslite.faiss.FaissSearchTest.EXHAUSTIVE;
import static io.recsyslite.faiss.FaissSearchTest.provider;
import static org.assertj.core.api.Assertions.assertThat;

import io.recsyslite.core.index.ExactItemIndex;
import io.recsyslite.core.index.ItemIndex;
import io.recsyslite.core.index.Metric;
import io.recsyslite.core.rank.ItemFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FaissConcurrencyTest {
    private static final int N = 5000;
    private static final int DIM = 16;
    private static final int THREADS = 16;
    private static final int QUERIES = 200;

    @ParameterizedTest
    @EnumSource(FaissIndexType.class)
    void concurrentSearchesGiveTheExactResults(FaissIndexType type) throws Exception {
        float[] items = Vectors.randomUnit(N, DIM, 51);
        float[] queries = Vectors.randomUnit(QUERIES, DIM, 52);
        ItemFilter odd = item -> item % 2 == 1;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (ItemIndex faiss = provider(type).build(items, DIM, Metric.COSINE, EXHAUSTIVE);
                ExactItemIndex exact = new ExactItemIndex(items, DIM, Metric.COSINE, 1)) {
            List<Future<int[][]>> answers = new ArrayList<>();
            for (int q = 0; q < QUERIES; q++) {
                float[] query = Arrays.copyOfRange(queries, q * DIM, (q + 1) * DIM);
                answers.add(pool.submit(() -> new int[][] {
                    faiss.search(query, 10, ItemFilter.ALL).items(), faiss.search(query, 10, odd).items()
                }));
            }
            for (int q = 0; q < QUERIES; q++) {
                float[] query = Arrays.copyOfRange(queries, q * DIM, (q + 1) * DIM);
                int[][] answer = answers.get(q).get();
                assertThat(answer[0]).containsExactly(exact.search(query, 10, ItemFilter.ALL).items());
                assertThat(answer[1]).containsExactly(exact.search(query, 10, odd).items());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
