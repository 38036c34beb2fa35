package io.recsyslite.internal.serving;

import io.recsyslite.Recommendations;
import io.recsyslite.internal.store.ServedRecommendation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recommendations served, waiting to be written to the store in bulk by {@link RecSysEngine} on the
 * access audit's schedule (one appender write per interval, not one transaction per request).
 * Bounded: when the store stays unreachable and {@code capacity} answers wait, the oldest are
 * dropped with a warning. What waits here is lost on a crash (at most one interval's worth);
 * served lists are evaluation data, not the shop's events. Thread-safe; recording never waits
 * for the store.
 */
final class ServedLog {
    private static final Logger LOG = LoggerFactory.getLogger(ServedLog.class);

    private final int capacity;
    private final ArrayDeque<ServedRecommendation> pending = new ArrayDeque<>();
    private long dropped;

    ServedLog(int capacity) {
        this.capacity = capacity;
    }

    synchronized void record(ServedRecommendation served) {
        if (pending.size() >= capacity) {
            pending.removeFirst();
            if (dropped++ % 10_000 == 0) {
                LOG.warn("{} served recommendations waiting for the store; dropping the oldest ({} so far)",
                        capacity, dropped);
            }
        }
        pending.addLast(served);
    }

    /** Takes at most {@code max} answers, oldest first. */
    synchronized List<ServedRecommendation> drain(int max) {
        List<ServedRecommendation> out = new ArrayList<>(Math.min(max, pending.size()));
        while (!pending.isEmpty() && out.size() < max) {
            out.add(pending.removeFirst());
        }
        return out;
    }

    /** Puts drained answers back in front (their write failed). */
    synchronized void restore(List<ServedRecommendation> drained) {
        for (int i = drained.size() - 1; i >= 0; i--) {
            pending.addFirst(drained.get(i));
        }
    }

    synchronized boolean isEmpty() {
        return pending.isEmpty();
    }
}
