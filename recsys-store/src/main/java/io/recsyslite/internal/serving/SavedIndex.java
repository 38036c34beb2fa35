package io.recsyslite.internal.serving;

import io.recsyslite.core.artifact.ModelManifest;
import io.recsyslite.core.index.IndexCalibration;
import io.recsyslite.core.index.IndexOptions;
import io.recsyslite.core.index.ItemIndex;
import io.recsyslite.core.index.ItemIndexProvider;
import io.recsyslite.core.internal.AtomicFiles;
import io.recsyslite.core.internal.Sha256;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A built item index saved beside its model as {@code index-<type>.index} in the provider's own
 * format (Faiss's {@code write_index} for the Faiss indexes, so Python's {@code faiss.read_index}
 * opens it), with {@code index-<type>.key}: a digest of the model's file checksums and the index
 * settings it was built from, and its calibration. The key is written last and checked first, so a
 * half-written index or one built for another model or other settings is never used: it is rebuilt.
 * Stateless.
 */
final class SavedIndex {
    private SavedIndex() {
    }

    /** An index and how it was calibrated (null when it was not). */
    record Built(ItemIndex index, IndexCalibration calibration) {
    }

    static Path indexFile(Path modelDir, String type) {
        return modelDir.resolve("index-" + type + ".index");
    }

    private static Path keyFile(Path modelDir, String type) {
        return modelDir.resolve("index-" + type + ".key");
    }

    /** The digest the saved index must carry to be used for this model and these settings. */
    static String key(ModelManifest manifest, String type, IndexOptions options) {
        StringBuilder text = new StringBuilder(type);
        new TreeMap<>(manifest.files()).forEach((file, sha) -> text.append('\n').append(file).append('=').append(sha));
        new TreeMap<>(options.settings()).forEach((k, v) -> text.append("\nsetting ").append(k).append('=').append(v));
        return Sha256.hex(text.toString());
    }

    /** The saved index when its key matches, else empty. */
    static Optional<Built> load(Path modelDir, String type, String key, ItemIndexProvider provider, IndexOptions options)
            throws IOException {
        Path keyFile = keyFile(modelDir, type);
        if (!Files.isRegularFile(keyFile)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(keyFile, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        if (!key.equals(p.getProperty("key"))) {
            return Optional.empty();
        }
        ItemIndex index = provider.load(indexFile(modelDir, type), options);
        IndexCalibration calibration = p.getProperty("setting") == null ? null : new IndexCalibration(
                p.getProperty("setting"), Integer.parseInt(p.getProperty("value")),
                Double.parseDouble(p.getProperty("recall")), Double.parseDouble(p.getProperty("target_recall")),
                Boolean.parseBoolean(p.getProperty("fixed")), Integer.parseInt(p.getProperty("queries")),
                Integer.parseInt(p.getProperty("k")));
        return Optional.of(new Built(index, calibration));
    }

    /** Saves the index, then its key (the old key goes first, so a crash in between means a rebuild). */
    static void save(Path modelDir, String type, String key, Built built) throws IOException {
        Path keyFile = keyFile(modelDir, type);
        Files.deleteIfExists(keyFile);
        built.index().save(indexFile(modelDir, type));
        Properties p = new Properties();
        p.setProperty("key", key);
        IndexCalibration c = built.calibration();
        if (c != null) {
            p.setProperty("setting", c.setting());
            p.setProperty("value", Integer.toString(c.value()));
            p.setProperty("recall", Double.toString(c.recall()));
            p.setProperty("target_recall", Double.toString(c.targetRecall()));
            p.setProperty("fixed", Boolean.toString(c.fixed()));
            p.setProperty("queries", Integer.toString(c.queries()));
            p.setProperty("k", Integer.toString(c.k()));
        }
        StringWriter text = new StringWriter();
        p.store(text, "RecSys-Lite: the model and settings " + indexFile(modelDir, type).getFileName() + " was built for");
        AtomicFiles.writeString(keyFile, text.toString());
    }
}
