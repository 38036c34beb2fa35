package io.recsyslite.faiss;

import static io.recsyslite.faiss.FaissSearchTest.provider;
import static org.assertj.core.api.Assertions.assertThat;

import io.recsyslite.core.index.IndexOptions;
import io.recsyslite.core.index.ItemIndex;
import io.recsyslite.core.index.Metric;
import io.recsyslite.core.rank.ItemFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;

/**
 * Creating, using and closing thousands of indexes must not grow the process's resident memory.
 * RSS is sampled every {@link #SAMPLE_EVERY} rounds after a GC (so that the Java heap does not
 * grow into the figure); the allocator holds on to freed blocks for a while, so single samples
 * spike, but a leak raises the floor: the lowest sample late in the run is compared with the lowest
 * sample early (after warm-up). Faiss indexes are never freed by GC, and JavaCPP's count of
 * GC-freeable native objects must be back where it started, so the GC cannot hide a leak.
 */
class FaissNativeMemoryTest {
    private static final int N = 1000;
    private static final int DIM = 32;
    private static final int ROUNDS = 2000;
    private static final int SAMPLE_EVERY = 100;
    private static final int EARLY_FROM = 300;
    private static final int EARLY_TO = 700;
    private static final int LATE_FROM = 1500;
    /** Leaking only the vectors would add (LATE_FROM - EARLY_TO) x 128 KB = 100 MB. */
    private static final long MAX_GROWTH_KB = 32 * 1024;

    @Test
    void residentMemoryStaysFlat() throws IOException {
        float[] items = Vectors.randomUnit(N, DIM, 61);
        float[] queries = Vectors.randomUnit(4, DIM, 62);
        IndexOptions options = new IndexOptions(1, Map.of("M", "8", "efConstruction", "16"));
        FaissIndexType[] types = FaissIndexType.values();
        long early = Long.MAX_VALUE;
        long late = Long.MAX_VALUE;
        long javacppObjects = Pointer.totalCount();
        for (int round = 0; round < ROUNDS; round++) {
            try (ItemIndex index = provider(types[round % types.length]).build(items, DIM, Metric.COSINE, options)) {
                index.searchBatch(queries, 10, ItemFilter.ALL);
                index.search(Arrays.copyOf(queries, DIM), 5, item -> item < 3); // bitmap selector path
                index.remove(1, 2, 3); // native removal (IVF) with an id selector
            }
            if (round % SAMPLE_EVERY == 0 && round >= EARLY_FROM && round <= EARLY_TO) {
                early = Math.min(early, residentKbAfterGc());
            } else if (round % SAMPLE_EVERY == 0 && round >= LATE_FROM) {
                late = Math.min(late, residentKbAfterGc());
            }
        }
        assertThat(Pointer.totalCount()).as("JavaCPP objects awaiting GC").isEqualTo(javacppObjects);
        assertThat(late - early).as("growth of the VmRSS floor in kB").isLessThan(MAX_GROWTH_KB);
    }

    private static long residentKbAfterGc() throws IOException {
        System.gc();
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                .findFirst()
                .orElseThrow();
    }
}
