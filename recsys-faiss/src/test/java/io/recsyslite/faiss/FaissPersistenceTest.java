package io.recsyslite.faiss;

import static io.recsyslite.faiss.FaissSearchTest.provider;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.recsyslite.core.error.CorruptModelException;
import io.recsyslite.core.index.IndexOptions;
import io.recsyslite.core.index.ItemIndex;
import io.recsyslite.core.index.Metric;
import io.recsyslite.core.rank.ItemFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FaissPersistenceTest {
    private static final int DIM = 12;
    private static final IndexOptions OPTIONS = new IndexOptions(1, Map.of("nprobe", "3", "efSearch", "40"));
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(FaissIndexType.class)
    void aLoadedIndexAnswersLikeTheSavedOneIncludingRemovals(FaissIndexType type) throws IOException {
        float[] items = Vectors.randomGaussian(2000, DIM, 21);
        float[] queries = Vectors.randomGaussian(10, DIM, 22);
        Path file = dir.resolve("items.faiss");
        try (ItemIndex built = provider(type).build(items, DIM, Metric.COSINE, OPTIONS)) {
            built.remove(built.search(java.util.Arrays.copyOf(queries, DIM), 3, ItemFilter.ALL).items());
            built.save(file);
            try (ItemIndex loaded = provider(type).load(file, OPTIONS)) {
                assertThat(loaded.type()).isEqualTo(type.providerName());
                assertThat(loaded.metric()).isEqualTo(Metric.COSINE);
                assertThat(loaded.size()).isEqualTo(2000);
                assertThat(loaded.dim()).isEqualTo(DIM);
                for (int q = 0; q < 10; q++) {
                    assertThat(loaded.searchBatch(queries, 10, ItemFilter.ALL).get(q).items())
                            .containsExactly(built.searchBatch(queries, 10, ItemFilter.ALL).get(q).items());
                }
            }
        }
    }

    @Test
    void withoutTheSidecarTheMetricComesFromTheFaissFile() throws IOException {
        Path file = dir.resolve("l2.faiss");
        try (ItemIndex built = provider(FaissIndexType.FLAT).build(Vectors.randomGaussian(50, DIM, 23), DIM, Metric.L2, OPTIONS)) {
            built.save(file);
        }
        Files.delete(IndexSidecar.pathFor(file));
        try (ItemIndex loaded = provider(FaissIndexType.FLAT).load(file, OPTIONS)) {
            assertThat(loaded.metric()).isEqualTo(Metric.L2);
            assertThat(loaded.size()).isEqualTo(50);
        }
    }

    @Test
    void loadingWithTheWrongProviderSaysWhatTheFileHolds() throws IOException {
        Path file = dir.resolve("hnsw.faiss");
        try (ItemIndex built = provider(FaissIndexType.HNSW).build(Vectors.randomUnit(50, DIM, 24), DIM, Metric.INNER_PRODUCT, OPTIONS)) {
            built.save(file);
        }
        assertThatThrownBy(() -> provider(FaissIndexType.IVF_FLAT).load(file, OPTIONS))
                .isInstanceOf(CorruptModelException.class)
                .hasMessageContaining("faiss-hnsw")
                .hasMessageContaining("not faiss-ivf-flat");
    }

    @Test
    void corruptAndMissingFilesFailClearly() throws IOException {
        Path garbage = Files.write(dir.resolve("garbage.faiss"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        assertThatThrownBy(() -> provider(FaissIndexType.FLAT).load(garbage, OPTIONS))
                .isInstanceOf(CorruptModelException.class)
                .hasMessageContaining("garbage.faiss");
        assertThatThrownBy(() -> provider(FaissIndexType.FLAT).load(dir.resolve("missing.faiss"), OPTIONS))
                .isInstanceOf(NoSuchFileException.class);
    }
}
