package io.recsyslite.core.artifact;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.IdIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects the files of a model being saved, inside a temporary directory that
 * {@link ModelArtifacts#save} renames into place once everything is written. Arrays become
 * {@code NAME.npy}, id lists {@code NAME.json}; scalar settings go into the {@code model} section
 * of {@code model.json}. Not thread-safe.
 */
public final class ArtifactWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Meta key listing the per-user arrays ({@code dense}: files, {@code csr}: CSR names), for erasure. */
    static final String USER_ROWS = "user_rows";

    private final Path dir;
    private final Map<String, Object> meta = new LinkedHashMap<>();
    private final Set<String> userDense = new TreeSet<>();
    private final Set<String> userCsr = new TreeSet<>();

    ArtifactWriter(Path dir) {
        this.dir = dir;
    }

    public void putFloats(String name, float[] data, int... shape) throws IOException {
        Npy.write(fileFor(name + ".npy"), data, shape.length == 0 ? new int[] {data.length} : shape);
    }

    public void putInts(String name, int[] data, int... shape) throws IOException {
        Npy.write(fileFor(name + ".npy"), data, shape.length == 0 ? new int[] {data.length} : shape);
    }

    public void putLongs(String name, long[] data, int... shape) throws IOException {
        Npy.write(fileFor(name + ".npy"), data, shape.length == 0 ? new int[] {data.length} : shape);
    }

    /** Writes ids as a JSON array of strings, position = dense int. */
    public void putIds(String name, IdIndex ids) throws IOException {
        JSON.writeValue(fileFor(name + ".json").toFile(), ids.ids());
    }

    /** Writes a CSR matrix as {@code NAME_indptr.npy}, {@code NAME_indices.npy}, {@code NAME_data.npy}. */
    public void putCsr(String name, CsrMatrix m) throws IOException {
        putInts(name + "_indptr", m.copyIndptr());
        putInts(name + "_indices", m.copyIndices());
        putFloats(name + "_data", m.copyValues());
        putMeta(name + "_shape", new int[] {m.rows(), m.cols()});
    }

    /**
     * A {@code numUsers x width} matrix with one row per user in model order: erasing a user zeroes
     * their row ({@link ModelArtifacts#eraseUsers}).
     */
    public void putUserFloats(String name, float[] data, int numUsers, int width) throws IOException {
        putFloats(name, data, numUsers, width);
        userDense.add(name + ".npy");
    }

    /** A CSR matrix with one row per user in model order: erasing a user empties their row. */
    public void putUserCsr(String name, CsrMatrix m) throws IOException {
        putCsr(name, m);
        userCsr.add(name);
    }

    /**
     * Variable-length int rows, one per user ({@code NAME_indptr.npy} with {@code numUsers + 1}
     * offsets into {@code NAME_items.npy}): erasing a user empties their row.
     */
    public void putUserRows(String name, int[] indptr, int[] items) throws IOException {
        putInts(name + "_indptr", indptr);
        putInts(name + "_items", items);
        userCsr.add(name);
    }

    /** A scalar or small structure for the {@code model} section of model.json. */
    public void putMeta(String key, Object value) {
        meta.put(key, value);
    }

    /** A path for a file written by other means (e.g. a native index); it is checksummed too. */
    public Path fileFor(String fileName) throws IOException {
        if (fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")
                || fileName.equals(ModelArtifacts.MANIFEST)) {
            throw new IllegalArgumentException("bad artifact file name: " + fileName);
        }
        Path p = dir.resolve(fileName);
        if (Files.exists(p)) {
            throw new IllegalArgumentException("artifact file written twice: " + fileName);
        }
        return p;
    }

    Map<String, Object> meta() {
        Map<String, Object> all = new LinkedHashMap<>(meta);
        all.put(USER_ROWS, Map.of("dense", List.copyOf(userDense), "csr", List.copyOf(userCsr)));
        return all;
    }
}
