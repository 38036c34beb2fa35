package io.recsyslite.core.serving;

import java.util.Map;
import java.util.TreeMap;

/**
 * API access for the audit trail. Per-request rows would swamp the log, so accesses are
 * aggregated per action and user and written as one row per user and interval by
 * {@link RecSys}. Thread-safe.
 */
final class AccessAudit {
    private Map<String, Map<String, Integer>> counts = new TreeMap<>();

    synchronized void record(String action, String subject) {
        counts.computeIfAbsent(action, a -> new TreeMap<>()).merge(subject, 1, Integer::sum);
    }

    /** The counts since the last drain: action -> subject -> requests. */
    synchronized Map<String, Map<String, Integer>> drain() {
        Map<String, Map<String, Integer>> out = counts;
        counts = new TreeMap<>();
        return out;
    }
}
