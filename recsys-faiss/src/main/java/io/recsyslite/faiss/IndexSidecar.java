package io.recsyslite.faiss;

import io.recsyslite.core.error.CorruptModelException;
import io.recsyslite.core.index.Metric;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.BitSet;
import java.util.Optional;
import java.util.Properties;

/**
 * What a Faiss index file cannot hold, saved next to it as {@code <file>.meta} (a properties
 * file): the index kind, whether inner product means cosine, the item id range and the deletion
 * set of kinds that cannot delete natively. The Faiss file itself stays a plain Faiss index that
 * any Faiss (e.g. Python's) reads; without a sidecar (an index made elsewhere) everything is
 * inferred from the Faiss file and nothing is deleted. No native memory; treat as immutable (the
 * deletion set is a snapshot the index no longer changes).
 */
record IndexSidecar(FaissIndexType type, Metric metric, int size, BitSet deleted) {
    private static final String SUFFIX = ".meta";

    static Path pathFor(Path indexFile) {
        return indexFile.resolveSibling(indexFile.getFileName() + SUFFIX);
    }

    void write(Path indexFile) throws IOException {
        Properties p = new Properties();
        p.setProperty("type", type.providerName());
        p.setProperty("metric", metric.name());
        p.setProperty("size", Integer.toString(size));
        p.setProperty("deleted", Base64.getEncoder().encodeToString(deleted.toByteArray()));
        try (Writer out = Files.newBufferedWriter(pathFor(indexFile), StandardCharsets.UTF_8)) {
            p.store(out, "RecSys-Lite metadata for the Faiss index " + indexFile.getFileName());
        }
    }

    static Optional<IndexSidecar> read(Path indexFile) throws IOException {
        Path path = pathFor(indexFile);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        try {
            return Optional.of(new IndexSidecar(
                    FaissIndexType.byProviderName(p.getProperty("type")),
                    Metric.valueOf(p.getProperty("metric")),
                    Integer.parseInt(p.getProperty("size")),
                    BitSet.valueOf(Base64.getDecoder().decode(p.getProperty("deleted", "")))));
        } catch (RuntimeException e) {
            throw new CorruptModelException("Index metadata " + path.getFileName() + " is corrupt: " + e.getMessage(), e);
        }
    }
}
