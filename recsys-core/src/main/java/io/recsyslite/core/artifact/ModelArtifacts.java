package io.recsyslite.core.artifact;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recsyslite.core.LibraryVersion;
import io.recsyslite.core.error.CorruptModelException;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.RecommenderProvider;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Saves and loads model directories: {@code model.json} (algorithm, library version, params,
 * provenance, created-at, sha256 of every file) beside the arrays ({@code .npy}) and id lists.
 * Saving is atomic: files go to a temporary sibling directory, are fsynced, and the directory is
 * renamed into place, so a reader never sees a half-written model. Loading verifies every checksum
 * and names the missing or corrupt file.
 */
public final class ModelArtifacts {
    public static final String MANIFEST = "model.json";
    public static final int FORMAT_VERSION = 1;
    private static final String FORMAT = "recsys-lite-model";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelArtifacts() {
    }

    /** A loaded model with its manifest. */
    public record Loaded(Recommender model, ModelManifest manifest) {
    }

    /** Saves {@code model} as directory {@code dir}, replacing an existing model there. */
    public static ModelManifest save(Recommender model, Path dir, Provenance provenance) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        try {
            ArtifactWriter writer = new ArtifactWriter(tmp);
            model.writeTo(writer);
            Map<String, String> files = new TreeMap<>();
            for (Path f : listFiles(tmp)) {
                files.put(f.getFileName().toString(), sha256(f));
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
            if (!provenance.selection().isEmpty()) {
                json.set("selection", JSON.valueToTree(provenance.selection()));
            }
            json.put("created_at", Instant.now().toString());
            json.set("files", JSON.valueToTree(files));
            json.set("model", JSON.valueToTree(writer.meta()));
            JSON.writeValue(tmp.resolve(MANIFEST).toFile(), json);
            for (Path f : listFiles(tmp)) {
                fsync(f, false);
            }
            fsync(tmp, true);
            replace(tmp, target);
            fsync(parent, true);
            return parseManifest(target, json);
        } finally {
            deleteRecursively(tmp);
        }
    }

    /** Reads model.json and verifies the checksum of every file it lists. */
    public static ModelManifest verify(Path dir) throws IOException {
        Path manifestFile = dir.resolve(MANIFEST);
        JsonNode json;
        try {
            json = JSON.readTree(manifestFile.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new CorruptModelException("No model at " + dir + ": " + MANIFEST + " is missing");
        } catch (IOException e) {
            throw new CorruptModelException("Model file " + manifestFile + " is not valid JSON: " + e.getMessage(), e);
        }
        ModelManifest manifest = parseManifest(dir, json);
        for (Map.Entry<String, String> e : manifest.files().entrySet()) {
            Path f = dir.resolve(e.getKey());
            if (!Files.isRegularFile(f)) {
                throw new CorruptModelException("Model file " + e.getKey() + " is missing from " + dir);
            }
            if (!sha256(f).equals(e.getValue())) {
                throw new CorruptModelException("Model file " + e.getKey() + " in " + dir
                        + " is corrupt (sha256 mismatch); retrain the model or restore the directory");
            }
        }
        return manifest;
    }

    /** Verifies and loads a model with the provider named in its manifest. */
    public static Loaded load(Path dir, Algorithms algorithms) throws IOException {
        ModelManifest manifest = verify(dir);
        RecommenderProvider provider = algorithms.get(manifest.algorithm());
        Recommender model = provider.load(new ArtifactReader(dir, manifest));
        return new Loaded(model, manifest);
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
        for (String name : files.keySet()) {
            if (name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                throw new CorruptModelException(where + " lists an illegal file name: " + name);
            }
        }
        Map<String, Object> selection = json.has("selection")
                ? JSON.convertValue(json.get("selection"), new TypeReference<Map<String, Object>>() { }) : Map.of();
        Provenance provenance = new Provenance(metrics == null ? Map.of() : metrics,
                json.path("data_fingerprint").asText(""), json.path("seed").asLong(), json.path("data_read_at").asText(""),
                selection);
        return new ModelManifest(version, json.get("algorithm").asText(), json.path("library_version").asText(),
                params == null ? Map.of() : params, provenance, json.path("created_at").asText(), files,
                json.path("model"));
    }

    static void replace(Path tmp, Path target) throws IOException {
        if (!Files.exists(target)) {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (FileAlreadyExistsException raced) {
                // another writer got there first; replace it below
            }
        }
        Path old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
        Files.delete(old);
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        deleteRecursively(old);
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

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            byte[] buf = new byte[1 << 16];
            while (in.read(buf) >= 0) {
                // digesting
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void fsync(Path p, boolean directory) throws IOException {
        try (FileChannel ch = FileChannel.open(p, directory ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            ch.force(true);
        } catch (IOException e) {
            if (!directory) {
                throw e;
            }
            // some file systems cannot fsync directories; the rename is still atomic
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
