package io.recsyslite.examples.config;

import io.recsyslite.RecSysConfig;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.index.IndexOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Configuration from the environment variables of the product spec, with their defaults.
 * Command-line options override these where a command has them. Immutable.
 *
 * @param modelDir           MODEL_DIR, default model_artifacts/als (what serve and worker read)
 * @param modelDirSet        whether MODEL_DIR is set (train then writes there, else to model_artifacts/ALGORITHM)
 * @param dbPath             DB_PATH, default data/recsys.db
 * @param logLevel           LOG_LEVEL, default INFO
 * @param maxRecommendations MAX_RECOMMENDATIONS, default 100
 * @param cacheExpiry        CACHE_EXPIRY in seconds, default 300
 * @param faissNprobe        FAISS_NPROBE, or 0 when unset: the Faiss provider then picks nprobe
 *                           from the index size (a fixed 10 loses most neighbours on large
 *                           catalogues; see recsys-faiss)
 * @param threads            THREADS, default: the number of cores (the spec's 8 would oversubscribe
 *                           small boxes)
 * @param faissUseThreads    FAISS_USE_THREADS, default true: Faiss searches use {@code threads}
 *                           threads, otherwise one
 */
public record Settings(Path modelDir, boolean modelDirSet, Path dbPath, String logLevel, int maxRecommendations, Duration cacheExpiry,
                       int faissNprobe, int threads, boolean faissUseThreads) {

    public static Settings fromEnvironment() {
        return from(System.getenv());
    }

    /** Reads the settings from a map of variables; a malformed number names the variable. */
    public static Settings from(Map<String, String> env) {
        return new Settings(
                Path.of(env.getOrDefault("MODEL_DIR", "model_artifacts/als")),
                env.containsKey("MODEL_DIR"),
                Path.of(env.getOrDefault("DB_PATH", "data/recsys.db")),
                env.getOrDefault("LOG_LEVEL", "INFO"),
                positive(env, "MAX_RECOMMENDATIONS", 100),
                Duration.ofSeconds(nonNegative(env, "CACHE_EXPIRY", 300)),
                nonNegative(env, "FAISS_NPROBE", 0),
                positive(env, "THREADS", Runtime.getRuntime().availableProcessors()),
                nonNegative(env, "FAISS_USE_THREADS", 1) != 0);
    }

    /** Where {@code train} saves a model of {@code algorithm}: MODEL_DIR when set, else model_artifacts/ALGORITHM. */
    public Path modelDirFor(String algorithm) {
        return modelDirSet ? modelDir : Path.of("model_artifacts", algorithm);
    }

    /** The library configuration for serving with the given index type ("exact", "faiss-ivf-flat", ...). */
    public RecSysConfig recSysConfig(Path db, String indexType) {
        Map<String, String> indexSettings = new HashMap<>();
        if (faissNprobe > 0) {
            indexSettings.put("nprobe", Integer.toString(faissNprobe));
        }
        IndexOptions options = new IndexOptions(faissUseThreads ? threads : 1, indexSettings);
        return RecSysConfig.defaults(db)
                .withIndex(indexType, options)
                .withCacheExpiry(cacheExpiry)
                .withMaxRecommendations(maxRecommendations);
    }

    private static int positive(Map<String, String> env, String name, int fallback) {
        int v = nonNegative(env, name, fallback);
        if (v == 0) {
            throw new InvalidParameterException(name + " must be a positive integer, was 0");
        }
        return v;
    }

    private static int nonNegative(Map<String, String> env, String name, int fallback) {
        String raw = env.get(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw.trim());
            if (v < 0) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name + " must be a non-negative integer, was '" + raw + "'");
        }
    }
}
