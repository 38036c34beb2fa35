package io.recsyslite.internal.serving;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A small least-recently-used cache whose entries expire after a fixed time. Keys should include
 * the model generation so a swapped model never answers from the old model's entries. Entries are
 * indexed by the subject (user or session) they are about, so that an event drops its subject's
 * answers without a scan of the whole cache. Thread-safe (one lock, held briefly).
 */
final class ResultCache<K, V> {
    private final long ttlNanos;
    private final int maxEntries;
    private final Function<K, String> subjectOf;
    private final LinkedHashMap<K, Entry<V>> entries;
    private final Map<String, Set<K>> bySubject = new HashMap<>();

    private record Entry<V>(V value, long expiresAt) {
    }

    /** @param subjectOf the user or session an entry is about, or null for entries about nobody in particular */
    ResultCache(long ttlNanos, int maxEntries, Function<K, String> subjectOf) {
        this.ttlNanos = ttlNanos;
        this.maxEntries = maxEntries;
        this.subjectOf = subjectOf;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
                if (size() <= ResultCache.this.maxEntries) {
                    return false;
                }
                unindex(eldest.getKey());
                return true;
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
            unindex(key);
            return null;
        }
        return e.value;
    }

    synchronized void put(K key, V value) {
        if (ttlNanos > 0) {
            entries.put(key, new Entry<>(value, System.nanoTime() + ttlNanos));
            String subject = subjectOf.apply(key);
            if (subject != null) {
                bySubject.computeIfAbsent(subject, s -> new HashSet<>()).add(key);
            }
        }
    }

    /** Drops every entry about one of {@code subjects}. */
    synchronized void removeSubjects(Collection<String> subjects) {
        for (String subject : subjects) {
            Set<K> keys = bySubject.remove(subject);
            if (keys != null) {
                keys.forEach(entries::remove);
            }
        }
    }

    synchronized void clear() {
        entries.clear();
        bySubject.clear();
    }

    synchronized int size() {
        return entries.size();
    }

    private void unindex(K key) {
        String subject = subjectOf.apply(key);
        Set<K> keys = subject == null ? null : bySubject.get(subject);
        if (keys != null && keys.remove(key) && keys.isEmpty()) {
            bySubject.remove(subject);
        }
    }

    /** The subjects indexed, for tests. */
    synchronized List<String> indexedSubjects() {
        return List.copyOf(bySubject.keySet());
    }
}
