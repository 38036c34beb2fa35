package io.recsyslite.core.index;

import java.util.HashMap;
import java.util.Map;

/**
 * Options for building or loading an index: the thread count and provider-specific settings
 * (e.g. {@code nlist}, {@code nprobe}, {@code M}, {@code efSearch}) as strings, and
 * {@code target_recall}, the recall@10 serving calibrates an approximate index to (default 0.95;
 * an explicit {@code nprobe} / {@code efSearch} is kept and only measured).
 */
public record IndexOptions(int threads, Map<String, String> settings) {
    public IndexOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        settings = Map.copyOf(settings);
    }

    public static IndexOptions defaults() {
        return new IndexOptions(Runtime.getRuntime().availableProcessors(), Map.of());
    }

    /** These options with one setting added or replaced. */
    public IndexOptions with(String key, String value) {
        Map<String, String> next = new HashMap<>(settings);
        next.put(key, value);
        return new IndexOptions(threads, next);
    }

    public String get(String key, String fallback) {
        return settings.getOrDefault(key, fallback);
    }

    public int getInt(String key, int fallback) {
        String v = settings.get(key);
        return v == null ? fallback : Integer.parseInt(v.trim());
    }
}
