package io.recsyslite.core.internal.tuning;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One finished trial. Immutable.
 *
 * @param number       0-based, in the order trials were started; continues after a resume
 * @param state        how it ended
 * @param value        the objective value; for a pruned trial the last intermediate value; NaN when failed
 * @param params       every parameter the objective got (tuned ones and defaults), Integer/Double/String
 * @param intermediate step -> value reported while running (e.g. validation metric per epoch)
 * @param error        what went wrong for a failed trial, else null
 * @param startedAt    when the trial started
 * @param finishedAt   when it ended
 */
public record Trial(int number, TrialState state, double value, Map<String, Object> params,
                    SortedMap<Integer, Double> intermediate, String error, Instant startedAt, Instant finishedAt) {
    public Trial {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        intermediate = Collections.unmodifiableSortedMap(new TreeMap<>(intermediate));
    }

    /** The last reported step, or -1 when none. */
    public int lastStep() {
        return intermediate.isEmpty() ? -1 : intermediate.lastKey();
    }
}
