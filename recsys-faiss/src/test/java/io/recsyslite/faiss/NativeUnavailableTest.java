package io.recsyslite.faiss;

import static org.assertj.core.api.Assertions.assertThat;

import io.recsyslite.core.error.RecsysException;
import io.recsyslite.core.index.IndexOptions;
import io.recsyslite.core.index.ItemIndex;
import io.recsyslite.core.index.ItemIndexes;
import io.recsyslite.core.index.Metric;
import io.recsyslite.core.rank.ItemFilter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Where the native library cannot load, discovery still works, the exact index still works and a
 * Faiss index fails with a message saying what to install. Simulated in a child JVM that asks
 * JavaCPP for another platform's library, which the jar does not contain.
 */
class NativeUnavailableTest {

    @Test
    void faissIndexesFailClearlyAndTheExactIndexKeepsWorking() throws Exception {
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dorg.bytedeco.javacpp.platform=linux-ppc64le",
                        "-cp", System.getProperty("java.class.path"),
                        Probe.class.getName())
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();

        assertThat(output)
                .contains("providers: [exact, faiss-flat, faiss-hnsw, faiss-ivf-flat]")
                .contains("exact results: 3")
                .contains("RecsysException: Faiss indexes are not available")
                .contains("apt-get install libfaiss-dev libopenblas-dev")
                .doesNotContain("unexpected");
    }

    /** Runs in the child JVM; prints what happens instead of exiting with a status. */
    public static final class Probe {
        public static void main(String[] args) {
            ItemIndexes indexes = ItemIndexes.discover();
            System.out.println("providers: " + indexes.names());
            float[] items = Vectors.randomUnit(10, 4, 71);
            try (ItemIndex exact = indexes.get(ItemIndexes.EXACT).build(items, 4, Metric.COSINE, IndexOptions.defaults())) {
                System.out.println("exact results: " + exact.search(new float[] {1, 0, 0, 0}, 3, ItemFilter.ALL).size());
            }
            try (ItemIndex faiss = indexes.get("faiss-hnsw").build(items, 4, Metric.COSINE, IndexOptions.defaults())) {
                System.out.println("unexpected: built " + faiss.type());
            } catch (RecsysException e) {
                System.out.println("RecsysException: " + e.getMessage());
            }
        }
    }
}
