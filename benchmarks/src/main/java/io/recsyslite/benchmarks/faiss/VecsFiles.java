package io.recsyslite.benchmarks.faiss;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the TEXMEX {@code .fvecs}/{@code .ivecs} formats (per row: little-endian int32 dimension,
 * then the values) that the Python side of the benchmark reads with numpy.
 */
final class VecsFiles {
    private VecsFiles() {}

    static void writeFvecs(Path file, float[] rows, int dim) throws IOException {
        ByteBuffer row = ByteBuffer.allocate(4 + 4 * dim).order(ByteOrder.LITTLE_ENDIAN);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            for (int off = 0; off < rows.length; off += dim) {
                row.clear();
                row.putInt(dim);
                for (int d = 0; d < dim; d++) {
                    row.putFloat(rows[off + d]);
                }
                out.write(row.array());
            }
        }
    }

    static void writeIvecs(Path file, List<int[]> rows) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            for (int[] r : rows) {
                ByteBuffer row = ByteBuffer.allocate(4 + 4 * r.length).order(ByteOrder.LITTLE_ENDIAN);
                row.putInt(r.length);
                for (int v : r) {
                    row.putInt(v);
                }
                out.write(row.array());
            }
        }
    }
}
