package io.recsyslite;

import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.index.IndexOptions;
import io.recsyslite.core.index.ItemIndexes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * Settings of a {@link RecSysEngine}. Immutable.
 *
 * @param dbPath              the DuckDB file
 * @param indexType           item index serving embedding models ("exact" or e.g. "faiss-ivf-flat")
 * @param indexOptions        threads and settings for that index
 * @param cacheExpiry         how long answers are cached; zero disables the cache
 * @param maxRecommendations  the largest k a request may ask for
 * @param accessAuditInterval how often API access, aggregated per action and user, is written to
 *                            the audit log; zero turns the access audit off
 * @param journalFlushInterval how often recorded events move from the journal into the store
 *                            (they are durable in the journal already)
 * @param eventTypes          the event types {@link RecSysEngine#record} accepts (lower case); empty
 *                            accepts any word
 */
public record RecSysConfig(Path dbPath, String indexType, IndexOptions indexOptions, Duration cacheExpiry,
                           int maxRecommendations, Duration accessAuditInterval, Duration journalFlushInterval,
                           Set<String> eventTypes) {
    public RecSysConfig {
        if (maxRecommendations < 1) {
            throw new InvalidParameterException("MAX_RECOMMENDATIONS must be at least 1, was " + maxRecommendations);
        }
        if (cacheExpiry.isNegative() || accessAuditInterval.isNegative()) {
            throw new InvalidParameterException("durations must not be negative");
        }
        if (journalFlushInterval.toMillis() < 1) {
            throw new InvalidParameterException("the journal flush interval must be at least 1 ms, was "
                    + journalFlushInterval);
        }
        eventTypes = Set.copyOf(eventTypes);
    }

    /**
     * Exact index, 5-minute cache, at most 100 items, access audit aggregated per minute, journal
     * moved into the store every second, any event type.
     */
    public static RecSysConfig defaults(Path dbPath) {
        return new RecSysConfig(dbPath, ItemIndexes.EXACT, IndexOptions.defaults(), Duration.ofSeconds(300), 100,
                Duration.ofMinutes(1), Duration.ofSeconds(1), Set.of());
    }

    public RecSysConfig withIndex(String type, IndexOptions options) {
        return new RecSysConfig(dbPath, type, options, cacheExpiry, maxRecommendations, accessAuditInterval,
                journalFlushInterval, eventTypes);
    }

    public RecSysConfig withCacheExpiry(Duration d) {
        return new RecSysConfig(dbPath, indexType, indexOptions, d, maxRecommendations, accessAuditInterval,
                journalFlushInterval, eventTypes);
    }

    public RecSysConfig withMaxRecommendations(int n) {
        return new RecSysConfig(dbPath, indexType, indexOptions, cacheExpiry, n, accessAuditInterval,
                journalFlushInterval, eventTypes);
    }

    public RecSysConfig withAccessAuditInterval(Duration d) {
        return new RecSysConfig(dbPath, indexType, indexOptions, cacheExpiry, maxRecommendations, d,
                journalFlushInterval, eventTypes);
    }

    public RecSysConfig withJournalFlushInterval(Duration d) {
        return new RecSysConfig(dbPath, indexType, indexOptions, cacheExpiry, maxRecommendations, accessAuditInterval,
                d, eventTypes);
    }

    /** Restricts recorded events to these types (empty: any word). */
    public RecSysConfig withEventTypes(Set<String> types) {
        return new RecSysConfig(dbPath, indexType, indexOptions, cacheExpiry, maxRecommendations, accessAuditInterval,
                journalFlushInterval, types);
    }
}
