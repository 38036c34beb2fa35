package io.recsyslite.benchmarks.robustness;

import io.recsyslite.core.data.CsrMatrix;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a top-N dataset's split as {@code train.tsv} and {@code test.tsv} (dense user int, tab,
 * dense item int; one line per distinct pair) plus {@code shape.tsv} (users, items), which is what
 * {@code benchmarks/numpy_reference.py} reads.
 */
final class SplitFiles {
    private SplitFiles() {
    }

    static void write(Path dir, SuiteDataset dataset) throws IOException {
        Files.createDirectories(dir);
        CsrMatrix train = dataset.train().interactions().userItems();
        pairs(dir.resolve("train.tsv"), train);
        pairs(dir.resolve("test.tsv"), dataset.test());
        Files.writeString(dir.resolve("shape.tsv"), train.rows() + "\t" + train.cols() + "\n", StandardCharsets.UTF_8);
    }

    private static void pairs(Path file, CsrMatrix m) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int u = 0; u < m.rows(); u++) {
                for (int p = m.start(u); p < m.end(u); p++) {
                    out.write(u + "\t" + m.col(p) + "\n");
                }
            }
        }
    }
}
