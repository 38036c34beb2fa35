package io.recsyslite.faiss;

import static io.recsyslite.faiss.FaissSearchTest.provider;
import static org.assertj.core.api.Assertions.assertThat;

import io.recsyslite.core.index.IndexOptions;
import io.recsyslite.core.index.ItemIndex;
import io.recsyslite.core.index.Metric;
import io.recsyslite.core.rank.ItemFilter;
import io.recsyslite.core.rank.ScoredItems;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An index file written from Java must load in Python's faiss (Debian's python3-faiss, run with
 * {@code /usr/bin/python3}) and give the same neighbours. Required: fails when Python or its faiss
 * module is missing (install them with scripts/setup-system.sh).
 */
class PythonFaissInteropTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final int DIM = 24;
    private static final int QUERIES = 8;
    /** Reads the index and raw little-endian float32 queries; prints each query's ids on a line. */
    private static final String SCRIPT = String.join("\n",
            "import sys, numpy as np, faiss",
            "index = faiss.read_index(sys.argv[1])",
            "q = np.fromfile(sys.argv[2], dtype='<f4').reshape(-1, index.d)",
            "_, I = index.search(q, 10)",
            "for row in I: print(' '.join(str(i) for i in row))");
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(FaissIndexType.class)
    void pythonFaissReadsTheFileAndFindsTheSameNeighbours(FaissIndexType type) throws Exception {
        float[] items = Vectors.randomUnit(3000, DIM, 31);
        float[] queries = Vectors.randomUnit(QUERIES, DIM, 32);
        Path indexFile = dir.resolve(type.providerName() + ".faiss");
        Path queryFile = dir.resolve("queries.f32");
        Files.write(queryFile, littleEndian(queries));
        List<ScoredItems> javaResults;
        try (ItemIndex index = provider(type).build(items, DIM, Metric.INNER_PRODUCT,
                new IndexOptions(1, Map.of("nprobe", "4", "efSearch", "32")))) {
            javaResults = index.searchBatch(queries, 10, ItemFilter.ALL);
            index.save(indexFile);
        }

        List<String> pythonLines = runPython(indexFile, queryFile);

        assertThat(pythonLines).hasSize(QUERIES);
        for (int q = 0; q < QUERIES; q++) {
            int[] pythonIds = Arrays.stream(pythonLines.get(q).trim().split(" ")).mapToInt(Integer::parseInt).toArray();
            assertThat(pythonIds).as("query %d", q).containsExactly(javaResults.get(q).items());
        }
    }

    private List<String> runPython(Path indexFile, Path queryFile) throws IOException, InterruptedException {
        assertThat(Path.of(PYTHON)).as("Debian's python3 with python3-faiss (scripts/setup-system.sh)").isExecutable();
        Path script = Files.writeString(dir.resolve("search.py"), SCRIPT);
        Process process = new ProcessBuilder(PYTHON, script.toString(), indexFile.toString(), queryFile.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("python output:\n%s", output).isZero();
        return output.lines().filter(l -> !l.isBlank()).toList();
    }

    private static byte[] littleEndian(float[] values) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(values);
        return buf.array();
    }
}
