package io.recsyslite.benchmarks.robustness;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Command-line options of {@link RobustnessSuite}. Immutable.
 *
 * @param movieLens    MovieLens 100k u.data (not read in smoke mode)
 * @param smoke        tiny generated datasets only, seconds in all
 * @param algorithms   algorithms to run; empty for all discovered
 * @param out          where the table and chart go
 * @param splits       where the top-N splits are written for the numpy reference; null for nowhere
 * @param threads      training and evaluation threads
 * @param seed         seed of generated data, random splits, trainers and the statistics
 * @param easeMaxItems EASE is skipped on catalogues above this (its dense inverse is cubic in items)
 * @param validation   measure on a validation split carved from each training part (for tuning)
 * @param params       per algorithm, parameter overrides (name to value as given)
 * @param datasets     datasets to run by name; empty for all
 */
record SuiteOptions(Path movieLens, boolean smoke, List<String> algorithms, Path out, Path splits, int threads,
                    long seed, int easeMaxItems, boolean validation, Map<String, Map<String, String>> params,
                    List<String> datasets) {
    static final String USAGE = """
            RobustnessSuite [--smoke] [--validation] [--data PATH/u.data] [--algorithms a,b,...] [--datasets d,e,...] [--out DIR]
                            [--splits DIR] [--threads N] [--seed S] [--ease-max-items N] [--param ALGO.NAME=VALUE]
            Defaults: --data /work/shared/data/ml-100k/u.data, all algorithms, --out benchmarks/results,
            --threads 2, --seed 42, --ease-max-items 10000.""";

    static SuiteOptions parse(String... args) {
        Path movieLens = Path.of("/work/shared/data/ml-100k/u.data");
        boolean smoke = false;
        List<String> algorithms = List.of();
        List<String> datasets = List.of();
        Path out = Path.of("benchmarks", "results");
        Path splits = null;
        int threads = 2;
        long seed = 42;
        int easeMaxItems = 10_000;
        boolean validation = false;
        Map<String, Map<String, String>> params = new LinkedHashMap<>();
        for (int a = 0; a < args.length; a++) {
            String option = args[a];
            if (option.equals("--smoke") || option.equals("--validation")) {
                smoke |= option.equals("--smoke");
                validation |= option.equals("--validation");
                continue;
            }
            if (option.equals("--help") || a + 1 >= args.length) {
                throw new IllegalArgumentException((option.equals("--help") ? "" : option + " needs a value\n") + USAGE);
            }
            String value = args[++a];
            switch (option) {
                case "--data" -> movieLens = Path.of(value);
                case "--algorithms" -> algorithms = Arrays.stream(value.split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList();
                case "--datasets" -> datasets = Arrays.stream(value.split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList();
                case "--out" -> out = Path.of(value);
                case "--splits" -> splits = Path.of(value);
                case "--threads" -> threads = Integer.parseInt(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--ease-max-items" -> easeMaxItems = Integer.parseInt(value);
                case "--param" -> {
                    int dot = value.indexOf('.');
                    int eq = value.indexOf('=');
                    if (dot <= 0 || eq <= dot + 1) {
                        throw new IllegalArgumentException("--param must look like ALGO.NAME=VALUE, was " + value);
                    }
                    params.computeIfAbsent(value.substring(0, dot), k -> new LinkedHashMap<>())
                            .put(value.substring(dot + 1, eq), value.substring(eq + 1));
                }
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        return new SuiteOptions(movieLens, smoke, algorithms, out, splits, threads, seed, easeMaxItems, validation,
                params, datasets);
    }

    /** The overrides for one algorithm (empty when none). */
    Map<String, String> paramsFor(String algorithm) {
        return params.getOrDefault(algorithm, Map.of());
    }

    /** One line saying how the table was made. */
    String describe() {
        return String.format(Locale.ROOT, "%s; threads=%d, seed=%d; EASE only on catalogues up to %d items.%s%s",
                params.isEmpty() ? "Default parameters for every algorithm, no per-dataset tuning" : "Overrides " + params,
                threads, seed, easeMaxItems, smoke ? " SMOKE MODE: tiny generated data, figures mean nothing." : "",
                validation ? " VALIDATION splits carved from the training parts; the test parts are not used." : "");
    }
}
