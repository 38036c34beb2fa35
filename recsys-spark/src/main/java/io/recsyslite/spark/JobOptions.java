package io.recsyslite.spark;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.error.InvalidParameterException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The command line of {@link TrainJob}, parsed and checked. Paths are Hadoop paths (local, HDFS,
 * S3, ...) except {@code output}, which the driver writes to its local file system because the
 * model directory is saved atomically with checksums. Immutable.
 *
 * @param events      Parquet events in the data contract (user_id, item_id, ts, qty)
 * @param items       CSV catalogue with a header and an item_id column, or null
 * @param algorithm   "als" or "item2vec"
 * @param output      model directory to write
 * @param params      hyperparameters as given, name -> text
 * @param weighting   how events become confidences (ALS only)
 * @param topkOutput  where to write every user's top k as Parquet, or null
 * @param k           how many items per user in the top-k output
 */
public record JobOptions(String events, String items, String algorithm, String output, Map<String, String> params,
                         ConfidenceWeighting.Quantity weighting, String topkOutput, int k) {
    public static final String USAGE = """
            Usage: TrainJob --events <parquet path> [--items <csv path>] --algorithm als|item2vec --output <dir>
                            [--param name=value ...] [--weighting binary|count|qty|log_qty]
                            [--topk-output <parquet path> [--k N]]""";

    public JobOptions {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Parses {@code args}; a missing or malformed option fails with the usage text. */
    public static JobOptions parse(String... args) {
        Map<String, String> single = new LinkedHashMap<>();
        Map<String, String> params = new LinkedHashMap<>();
        for (int a = 0; a < args.length; a++) {
            String flag = args[a];
            if (a + 1 >= args.length) {
                throw bad("option " + flag + " needs a value");
            }
            String value = args[++a];
            switch (flag) {
                case "--events", "--items", "--algorithm", "--output", "--weighting", "--topk-output", "--k" -> {
                    if (single.put(flag, value) != null) {
                        throw bad("option " + flag + " given twice");
                    }
                }
                case "--param" -> {
                    int eq = value.indexOf('=');
                    if (eq <= 0) {
                        throw bad("--param expects name=value, was '" + value + "'");
                    }
                    params.put(value.substring(0, eq).trim(), value.substring(eq + 1).trim());
                }
                default -> throw bad("unknown option " + flag);
            }
        }
        String algorithm = required(single, "--algorithm").toLowerCase(Locale.ROOT);
        if (!algorithm.equals(SparkAls.NAME) && !algorithm.equals(SparkItem2Vec.NAME)) {
            throw bad("--algorithm must be als or item2vec, was '" + algorithm + "'");
        }
        int k = 10;
        if (single.containsKey("--k")) {
            try {
                k = Integer.parseInt(single.get("--k"));
            } catch (NumberFormatException e) {
                k = 0;
            }
            if (k < 1) {
                throw bad("--k must be a positive integer, was '" + single.get("--k") + "'");
            }
        }
        ConfidenceWeighting.Quantity weighting;
        try {
            weighting = ConfidenceWeighting.Quantity.valueOf(
                    single.getOrDefault("--weighting", "qty").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad("--weighting must be binary, count, qty or log_qty, was '" + single.get("--weighting") + "'");
        }
        return new JobOptions(required(single, "--events"), single.get("--items"), algorithm,
                required(single, "--output"), params, weighting, single.get("--topk-output"), k);
    }

    private static String required(Map<String, String> single, String flag) {
        String v = single.get(flag);
        if (v == null || v.isBlank()) {
            throw bad("option " + flag + " is required");
        }
        return v;
    }

    private static InvalidParameterException bad(String why) {
        return new InvalidParameterException(why + "\n" + USAGE);
    }
}
