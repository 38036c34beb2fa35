package io.recsyslite.core.index;

/**
 * The outcome of {@link TunableIndex#calibrate}: the search setting chosen (or kept) and the
 * recall it measured.
 *
 * @param setting      the tuned setting, e.g. "nprobe" or "efSearch"
 * @param value        its value from now on
 * @param recall       recall@k of that value against the exact answer on the sample queries
 * @param targetRecall the recall asked for
 * @param fixed        true when the value was set explicitly and only measured
 * @param queries      number of sample queries
 * @param k            the k of recall@k
 */
public record IndexCalibration(String setting, int value, double recall, double targetRecall, boolean fixed,
                               int queries, int k) {
    /** The recall asked for when none is configured. */
    public static final double DEFAULT_TARGET_RECALL = 0.95;
    /** The index setting naming the target. */
    public static final String TARGET_RECALL_SETTING = "target_recall";

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s=%d (%s), recall@%d %.4f on %d queries (target %.2f)", setting,
                value, fixed ? "set" : "calibrated", k, recall, queries, targetRecall);
    }
}
