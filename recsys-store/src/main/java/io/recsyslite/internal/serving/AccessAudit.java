package io.recsyslite.internal.serving;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * API access for the audit trail. Per-request rows would swamp the log, so accesses are
 * aggregated per action and user and written in bulk, one row per user and interval, by
 * {@link RecSysEngine}. Thread-safe; recording never waits for the store.
 */
final class AccessAudit {
    private Map<String, Map<String, Integer>> counts = new TreeMap<>();

    synchronized void record(String action, String subject) {
        counts.computeIfAbsent(action, a -> new TreeMap<>()).merge(subject, 1, Integer::sum);
    }

    /**
     * Takes at most {@code maxRows} (action, user) counts recorded so far, so that one flush holds
     * the store for a bounded time; the rest wait for the next drain.
     *
     * @return action -> subject -> requests
     */
    synchronized Map<String, Map<String, Integer>> drain(int maxRows) {
        Map<String, Map<String, Integer>> out = new TreeMap<>();
        int taken = 0;
        for (Iterator<Map.Entry<String, Map<String, Integer>>> actions = counts.entrySet().iterator();
             actions.hasNext() && taken < maxRows; ) {
            Map.Entry<String, Map<String, Integer>> action = actions.next();
            Map<String, Integer> taking = out.computeIfAbsent(action.getKey(), a -> new TreeMap<>());
            for (Iterator<Map.Entry<String, Integer>> users = action.getValue().entrySet().iterator();
                 users.hasNext() && taken < maxRows; taken++) {
                Map.Entry<String, Integer> user = users.next();
                taking.put(user.getKey(), user.getValue());
                users.remove();
            }
            if (action.getValue().isEmpty()) {
                actions.remove();
            }
        }
        return out;
    }

    /** Puts drained counts back (their flush failed), added to what was recorded since. */
    synchronized void restore(Map<String, Map<String, Integer>> drained) {
        drained.forEach((action, bySubject) -> bySubject.forEach((subject, n) ->
                counts.computeIfAbsent(action, a -> new TreeMap<>()).merge(subject, n, Integer::sum)));
    }

    synchronized boolean isEmpty() {
        return counts.isEmpty();
    }
}
