package io.recsyslite.internal.serving;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A small least-recently-used cache whose entries expire after a fixed time. Keys should include
 * the model generation so a swapped model never answers from the old model's entries.
 * Thread-safe (one lock; entries are cheap to compute relative to contention at shop scale).
 */
final class ResultCache<K, V> {
    private final long ttlNanos;
    private final int maxEntries;
    private final LinkedHashMap<K, Entry<V>> entries;

    private record Entry<V>(V value, long expiresAt) {
    }

    ResultCache(long ttlNanos, int maxEntries) {
        this.ttlNanos = ttlNanos;
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                return size() > ResultCache.this.maxEntries;
            }
        };
    }

    /** The cached value, or null when absent or expired (or the cache is disabled). */
    synchronized V get(K key) {
        if (ttlNanos <= 0) {
            return null;
        }
        Entry<V> e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (System.nanoTime() - e.expiresAt > 0) {
            entries.remove(key);
            return null;
        }
        return e.value;
    }

    synchronized void put(K key, V value) {
        if (ttlNanos > 0) {
            entries.put(key, new Entry<>(value, System.nanoTime() + ttlNanos));
        }
    }

    synchronized void removeIf(Predicate<K> matches) {
        entries.keySet().removeIf(matches);
    }

    synchronized void clear() {
        entries.clear();
    }
}
