package io.recsyslite.core.serving;

import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.index.IndexOptions;
import io.recsyslite.core.index.ItemIndexes;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of a {@link RecSys}. Immutable.
 *
 * @param dbPath              the DuckDB file
 * @param indexType           item index serving embedding models ("exact" or e.g. "faiss-ivf-flat")
 * @param indexOptions        threads and settings for that index
 * @param cacheExpiry         how long answers are cached; zero disables the cache
 * @param maxRecommendations  the largest k a request may ask for
 * @param accessAuditInterval how often API access, aggregated per action and user, is written to
 *                            the audit log; zero turns the access audit off
 */
public record RecSysConfig(Path dbPath, String indexType, IndexOptions indexOptions, Duration cacheExpiry,
                           int maxRecommendations, Duration accessAuditInterval) {
    public RecSysConfig {
        if (maxRecommendations < 1) {
            throw new InvalidParameterException("MAX_RECOMMENDATIONS must be at least 1, was " + maxRecommendations);
        }
        if (cacheExpiry.isNegative() || accessAuditInterval.isNegative()) {
            throw new InvalidParameterException("durations must not be negative");
        }
    }

    /** Exact index, 5-minute cache, at most 100 items, access audit aggregated per minute. */
    public static RecSysConfig defaults(Path dbPath) {
        return new RecSysConfig(dbPath, ItemIndexes.EXACT, IndexOptions.defaults(), Duration.ofSeconds(300), 100,
                Duration.ofMinutes(1));
    }

    public RecSysConfig withIndex(String type, IndexOptions options) {
        return new RecSysConfig(dbPath, type, options, cacheExpiry, maxRecommendations, accessAuditInterval);
    }

    public RecSysConfig withCacheExpiry(Duration d) {
        return new RecSysConfig(dbPath, indexType, indexOptions, d, maxRecommendations, accessAuditInterval);
    }

    public RecSysConfig withMaxRecommendations(int n) {
        return new RecSysConfig(dbPath, indexType, indexOptions, cacheExpiry, n, accessAuditInterval);
    }

    public RecSysConfig withAccessAuditInterval(Duration d) {
        return new RecSysConfig(dbPath, indexType, indexOptions, cacheExpiry, maxRecommendations, d);
    }
}
