package io.recsyslite.core.artifact;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recsyslite.core.data.CsrMatrix;
import io.recsyslite.core.data.IdIndex;
import io.recsyslite.core.error.CorruptModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the files of a saved model whose checksums {@link ModelArtifacts#load} has verified.
 * Every failure names the file. Not thread-safe; used once while loading.
 */
public final class ArtifactReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final ModelManifest manifest;

    ArtifactReader(Path dir, ModelManifest manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public float[] floats(String name, int... expectedShape) throws IOException {
        return (float[]) array(name, float[].class, expectedShape);
    }

    public int[] ints(String name, int... expectedShape) throws IOException {
        return (int[]) array(name, int[].class, expectedShape);
    }

    public long[] longs(String name, int... expectedShape) throws IOException {
        return (long[]) array(name, long[].class, expectedShape);
    }

    public IdIndex ids(String name) throws IOException {
        Path file = file(name + ".json");
        try {
            List<String> ids = JSON.readValue(file.toFile(), new TypeReference<List<String>>() { });
            return IdIndex.of(ids);
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new CorruptModelException("Model file " + file.getFileName() + " is not a valid id list: "
                    + e.getMessage(), e);
        }
    }

    public CsrMatrix csr(String name) throws IOException {
        JsonNode shape = meta(name + "_shape");
        try {
            return new CsrMatrix(shape.get(0).asInt(), shape.get(1).asInt(), ints(name + "_indptr"),
                    ints(name + "_indices"), floats(name + "_data"));
        } catch (IllegalArgumentException e) {
            throw new CorruptModelException("Model matrix " + name + " in " + dir + " is inconsistent: "
                    + e.getMessage(), e);
        }
    }

    /** A value of the {@code model} section of model.json; missing keys are an error. */
    public JsonNode meta(String key) {
        JsonNode v = manifest.model().get(key);
        if (v == null || v.isNull()) {
            throw new CorruptModelException("model.json in " + dir + " lacks model." + key);
        }
        return v;
    }

    /** The path of a file of the artifact, which must be listed in the manifest. */
    public Path file(String fileName) {
        if (!manifest.files().containsKey(fileName)) {
            throw new CorruptModelException("Model " + dir + " has no file " + fileName
                    + " (model.json does not list it)");
        }
        return dir.resolve(fileName);
    }

    private Object array(String name, Class<?> type, int[] expectedShape) throws IOException {
        Path file = file(name + ".npy");
        Npy.Array a = Npy.read(file);
        if (a.data().getClass() != type) {
            throw new CorruptModelException("Model file " + file.getFileName() + " holds "
                    + a.data().getClass().getSimpleName() + ", expected " + type.getSimpleName());
        }
        if (expectedShape.length > 0 && !Arrays.equals(expectedShape, a.shape())) {
            throw new CorruptModelException("Model file " + file.getFileName() + " has shape "
                    + Arrays.toString(a.shape()) + ", expected " + Arrays.toString(expectedShape));
        }
        return a.data();
    }

    static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(ModelArtifacts.MANIFEST));
    }
}
