package io.recsyslite.core.artifact;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recsyslite.core.LibraryVersion;
import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.error.CorruptModelException;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.internal.Sha256;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.RecommenderProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Saves and loads model directories: {@code model.json} (algorithm, library version, params,
 * provenance, created-at, sha256 of every file) and the arrays ({@code .npy}) and id lists in the
 * sub-directory it names. Replacing a model is one atomic rename (see {@link ModelDirectory}), so
 * a reader, or a kill, never sees a half-written model. Loading verifies every checksum and names
 * the missing or corrupt file; directories of format version 1 (files beside model.json) load too.
 */
public final class ModelArtifacts {
    public static final String MANIFEST = "model.json";
    /** 2: the files live in the sub-directory {@code files_dir} names; 1: beside model.json. */
    public static final int FORMAT_VERSION = 2;
    private static final String FORMAT = "recsys-lite-model";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelArtifacts() {
    }

    /** A loaded model with its manifest. */
    public record Loaded(Recommender model, ModelManifest manifest) {
    }

    /** Saves {@code model} as directory {@code dir}, replacing an existing model there. */
    public static ModelManifest save(Recommender model, Path dir, Provenance provenance) throws IOException {
        return save(model, dir, provenance, ModelDirectory.Steps.NONE);
    }

    static ModelManifest save(Recommender model, Path dir, Provenance provenance, ModelDirectory.Steps steps)
            throws IOException {
        try (ModelDirectory target = ModelDirectory.lock(dir)) {
            ObjectNode json = target.publish(version -> manifest(model, version, provenance), steps);
            return parseManifest(dir, json);
        }
    }

    private static ObjectNode manifest(Recommender model, Path version, Provenance provenance) throws IOException {
        ArtifactWriter writer = new ArtifactWriter(version);
        model.writeTo(writer);
        Map<String, String> files = new TreeMap<>();
        for (Path f : listFiles(version)) {
            files.put(f.getFileName().toString(), Sha256.hex(f));
        }
        ObjectNode json = JSON.createObjectNode();
        json.put("format", FORMAT);
        json.put("format_version", FORMAT_VERSION);
        json.put("algorithm", model.algorithm());
        json.put("library_version", LibraryVersion.get());
        json.set("params", JSON.valueToTree(model.params().asMap()));
        json.set("metrics", JSON.valueToTree(provenance.metrics()));
        json.put("data_fingerprint", provenance.dataFingerprint());
        json.put("seed", provenance.seed());
        json.put("data_read_at", provenance.dataReadAt());
        provenance.weighting().ifPresent(w -> json.set("weighting", weightingJson(w)));
        if (!provenance.selection().isEmpty()) {
            json.set("selection", JSON.valueToTree(provenance.selection()));
        }
        json.put("created_at", Instant.now().toString());
        json.set("files", JSON.valueToTree(files));
        json.set("model", JSON.valueToTree(writer.meta()));
        return json;
    }

    /**
     * Erases users from the model saved in {@code dir} (GDPR): their ids become tombstones and their
     * rows of the per-user arrays the writer declared are zeroed; the model is rewritten atomically
     * with fresh checksums, and only when one of the users is in it.
     *
     * @return the ids that were in the model (and are now erased); empty when nothing changed
     */
    public static Set<String> eraseUsers(Path dir, Set<String> userIds) throws IOException {
        return UserScrubber.forget(dir, userIds);
    }

    /** Whether {@code userId}, read from a saved model, is the tombstone of an erased user. */
    public static boolean isErasedUser(String userId) {
        return userId.startsWith(UserScrubber.TOMBSTONE_PREFIX);
    }

    /** Reads model.json and verifies the checksum of every file it lists. */
    public static ModelManifest verify(Path dir) throws IOException {
        ModelManifest manifest = readManifest(dir);
        Path filesDir = ModelDirectory.filesOf(dir, manifest);
        for (Map.Entry<String, String> e : manifest.files().entrySet()) {
            Path f = filesDir.resolve(e.getKey());
            if (!Files.isRegularFile(f)) {
                throw new CorruptModelException("Model file " + e.getKey() + " is missing from " + dir);
            }
            if (!Sha256.hex(f).equals(e.getValue())) {
                throw new CorruptModelException("Model file " + e.getKey() + " in " + dir
                        + " is corrupt (sha256 mismatch); retrain the model or restore the directory");
            }
        }
        return manifest;
    }

    /**
     * The directory holding the files of the model now in {@code dir} (read from its model.json,
     * not verified), e.g. for {@code numpy.load}: a sub-directory, or {@code dir} in format version 1.
     */
    public static Path filesDir(Path dir) throws IOException {
        return ModelDirectory.filesOf(dir, readManifest(dir));
    }

    /** Reads model.json without verifying the files it lists (see {@link #verify}). */
    public static ModelManifest readManifest(Path dir) throws IOException {
        try {
            return parseManifest(dir, Files.readAllBytes(dir.resolve(MANIFEST)));
        } catch (NoSuchFileException e) {
            throw new CorruptModelException("No model at " + dir + ": " + MANIFEST + " is missing");
        }
    }

    /** Verifies and loads a model with the provider named in its manifest. */
    public static Loaded load(Path dir, Algorithms algorithms) throws IOException {
        ModelManifest manifest = verify(dir);
        RecommenderProvider provider = algorithms.get(manifest.algorithm());
        Recommender model = provider.load(new ArtifactReader(ModelDirectory.filesOf(dir, manifest), manifest));
        return new Loaded(model, manifest);
    }

    /**
     * Parses the bytes of a model.json, e.g. as a model watcher read them; a truncated or foreign
     * file is a {@link CorruptModelException} naming model.json.
     */
    public static ModelManifest parseManifest(Path dir, byte[] manifest) {
        JsonNode json;
        try {
            json = JSON.readTree(manifest);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new CorruptModelException("Model file " + dir.resolve(MANIFEST) + " is truncated or not valid JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // reading a byte array does no I/O
        }
        if (json == null || json.isMissingNode()) {
            throw new CorruptModelException("Model file " + dir.resolve(MANIFEST) + " is empty");
        }
        return parseManifest(dir, json);
    }

    private static ModelManifest parseManifest(Path dir, JsonNode json) {
        String where = "Model file " + dir.resolve(MANIFEST);
        if (!FORMAT.equals(json.path("format").asText())) {
            throw new CorruptModelException(where + " is not a RecSys-Lite model manifest");
        }
        int version = json.path("format_version").asInt(-1);
        if (version > FORMAT_VERSION) {
            throw new CorruptModelException(where + " has format version " + version + ", newer than the "
                    + FORMAT_VERSION + " this RecSys-Lite " + LibraryVersion.get() + " reads; upgrade the library");
        }
        if (version < 1 || !json.path("files").isObject() || !json.path("algorithm").isTextual()) {
            throw new CorruptModelException(where + " is incomplete (format_version, algorithm or files missing)");
        }
        Map<String, Object> params = JSON.convertValue(json.path("params"), new TypeReference<Map<String, Object>>() { });
        Map<String, Double> metrics = JSON.convertValue(json.path("metrics"), new TypeReference<Map<String, Double>>() { });
        Map<String, String> files = JSON.convertValue(json.path("files"), new TypeReference<Map<String, String>>() { });
        String filesDir = json.path(ModelDirectory.FILES_DIR).asText("");
        for (String name : files.keySet()) {
            if (isIllegal(name)) {
                throw new CorruptModelException(where + " lists an illegal file name: " + name);
            }
        }
        if (version >= 2 && (filesDir.isEmpty() || isIllegal(filesDir))) {
            throw new CorruptModelException(where + " names no valid " + ModelDirectory.FILES_DIR + ": '" + filesDir + "'");
        }
        Map<String, Object> selection = json.has("selection")
                ? JSON.convertValue(json.get("selection"), new TypeReference<Map<String, Object>>() { }) : Map.of();
        Provenance provenance = new Provenance(metrics == null ? Map.of() : metrics,
                json.path("data_fingerprint").asText(""), json.path("seed").asLong(), json.path("data_read_at").asText(""),
                weighting(json.path("weighting"), where), selection);
        return new ModelManifest(version, json.get("algorithm").asText(), json.path("library_version").asText(),
                params == null ? Map.of() : params, provenance, json.path("created_at").asText(), files,
                json.path("model"), version >= 2 ? filesDir : "");
    }

    private static ObjectNode weightingJson(ConfidenceWeighting w) {
        ObjectNode node = JSON.createObjectNode();
        node.put("quantity", w.quantity().name().toLowerCase(Locale.ROOT));
        node.put("half_life_seconds", w.halfLifeSeconds());
        node.put("reference_time", w.referenceTime());
        node.set("event_type_weights", JSON.valueToTree(w.eventTypeWeights()));
        return node;
    }

    private static Optional<ConfidenceWeighting> weighting(JsonNode node, String where) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        try {
            Map<String, Double> types = JSON.convertValue(node.path("event_type_weights"),
                    new TypeReference<Map<String, Double>>() { });
            return Optional.of(new ConfidenceWeighting(
                    ConfidenceWeighting.Quantity.valueOf(node.path("quantity").asText().toUpperCase(Locale.ROOT)),
                    node.path("half_life_seconds").asLong(), node.path("reference_time").asLong(),
                    types == null ? Map.of() : types));
        } catch (IllegalArgumentException | InvalidParameterException e) {
            throw new CorruptModelException(where + " has an unreadable weighting: " + e.getMessage());
        }
    }

    private static boolean isIllegal(String fileName) {
        return fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".");
    }

    private static List<Path> listFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> all = s.sorted().toList();
            for (Path p : all) {
                if (!Files.isRegularFile(p)) {
                    throw new IOException("model artifacts must be flat files; found " + p);
                }
            }
            return all;
        }
    }
}
