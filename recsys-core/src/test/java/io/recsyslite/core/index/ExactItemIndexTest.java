package io.recsyslite.core.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recsyslite.core.error.CorruptModelException;
import io.recsyslite.core.rank.ItemFilter;
import io.recsyslite.core.rank.ScoredItems;
import io.recsyslite.core.rank.TopK;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExactItemIndexTest {
    @TempDir
    Path tmp;

    @Test
    void innerProductCosineAndL2() {
        float[] v = {1, 0, 0, 2, 3, 3};
        try (ExactItemIndex ip = new ExactItemIndex(v, 2, Metric.INNER_PRODUCT, 1);
             ExactItemIndex cos = new ExactItemIndex(v, 2, Metric.COSINE, 1);
             ExactItemIndex l2 = new ExactItemIndex(v, 2, Metric.L2, 1)) {
            float[] q = {0, 1};
            assertThat(ip.search(q, 3, null).items()).containsExactly(2, 1, 0);
            assertThat(cos.search(q, 3, null).items()).containsExactly(1, 2, 0);
            assertThat(cos.search(q, 1, null).score(0)).isEqualTo(1f);
            assertThat(l2.search(new float[] {1, 0.5f}, 3, null).items()).containsExactly(0, 1, 2);
        }
    }

    @Test
    void parallelScanMatchesBruteForceWithFilterAndRemovals() {
        int n = 40_000;
        int dim = 32;
        float[] v = random(n * dim, 1);
        float[] q = random(dim, 2);
        ItemFilter odd = i -> i % 2 == 1;
        try (ExactItemIndex index = new ExactItemIndex(v, dim, Metric.INNER_PRODUCT, 2)) {
            index.remove(bruteForce(v, dim, q, 3, odd).items()); // the best three are removed
            ScoredItems got = index.search(q, 10, odd);

            int[] expected = java.util.Arrays.copyOfRange(bruteForce(v, dim, q, 13, odd).items(), 3, 13);
            assertThat(got.items()).containsExactly(expected);
        }
    }

    @Test
    void batchSearchEqualsSingleSearches() {
        int dim = 8;
        float[] v = random(2000 * dim, 3);
        float[] queries = random(5 * dim, 4);
        try (ExactItemIndex index = new ExactItemIndex(v, dim, Metric.COSINE, 2)) {
            List<ScoredItems> batch = index.searchBatch(queries, 5, null);
            for (int q = 0; q < 5; q++) {
                float[] one = java.util.Arrays.copyOfRange(queries, q * dim, (q + 1) * dim);
                assertThat(batch.get(q).items()).containsExactly(index.search(one, 5, null).items());
            }
        }
    }

    @Test
    void saveAndLoadKeepVectorsMetricAndRemovals() throws IOException {
        float[] v = random(100 * 4, 5);
        Path file = tmp.resolve("exact.idx");
        float[] q = random(4, 6);
        try (ExactItemIndex index = new ExactItemIndex(v, 4, Metric.COSINE, 1)) {
            index.remove(index.search(q, 1, null).item(0));
            index.save(file);
            try (ItemIndex loaded = new ExactItemIndexProvider().load(file, IndexOptions.defaults())) {
                assertThat(loaded.metric()).isEqualTo(Metric.COSINE);
                assertThat(loaded.search(q, 5, null).items()).containsExactly(index.search(q, 5, null).items());
            }
        }
    }

    @Test
    void corruptFileIsRefusedWithItsName() throws IOException {
        Path file = tmp.resolve("bad.idx");
        Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertThatThrownBy(() -> ExactItemIndex.load(file, 1))
                .isInstanceOf(CorruptModelException.class).hasMessageContaining("bad.idx");
    }

    private static ScoredItems bruteForce(float[] v, int dim, float[] q, int k, ItemFilter accept) {
        TopK top = new TopK(k);
        for (int i = 0; i < v.length / dim; i++) {
            float s = 0;
            for (int d = 0; d < dim; d++) {
                s += q[d] * v[i * dim + d];
            }
            if (accept.accept(i)) {
                top.offer(i, s);
            }
        }
        return top.drain();
    }

    private static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }
}
