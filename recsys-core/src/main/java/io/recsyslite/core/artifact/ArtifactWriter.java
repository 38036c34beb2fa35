package io.recsyslite.core.artifact;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.IdIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects the files of a model being saved, inside a temporary directory that
 * {@link ModelArtifacts#save} renames into place once everything is written. Arrays become
 * {@code NAME.npy}, id lists {@code NAME.json}; scalar settings go into the {@code model} section
 * of {@code model.json}. Not thread-safe.
 */
public final class ArtifactWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final Map<String, Object> meta = new LinkedHashMap<>();

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
        return meta;
    }
}
