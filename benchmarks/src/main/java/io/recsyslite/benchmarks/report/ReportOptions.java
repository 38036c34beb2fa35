package io.recsyslite.benchmarks.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line options of {@link QualityReport}. Immutable.
 *
 * @param data       "synthetic", "synthetic:N" (N events) or the path of a MovieLens u.data file
 * @param algorithms algorithms to run; empty for all discovered ones
 * @param params     per algorithm, parameter overrides (name to value as given)
 * @param out        directory for the Markdown and CSV files
 * @param threads    worker threads for training and evaluation
 * @param seed       random seed for the synthetic shop and the trainers
 */
record ReportOptions(String data, List<String> algorithms, Map<String, Map<String, String>> params, Path out,
                     int threads, long seed) {
    static final String USAGE = """
            QualityReport [--data synthetic[:EVENTS] | PATH/u.data] [--algorithms a,b,...]
                          [--param ALGO.NAME=VALUE ...] [--out DIR] [--threads N] [--seed S]
            Defaults: --data synthetic:100000, all discovered algorithms, --out benchmarks/results
            (results/ when there is no benchmarks/ directory here), --threads = cores, --seed 42.""";

    static ReportOptions parse(String... args) {
        String data = "synthetic:100000";
        List<String> algorithms = new ArrayList<>();
        Map<String, Map<String, String>> params = new LinkedHashMap<>();
        Path out = Files.isDirectory(Path.of("benchmarks")) ? Path.of("benchmarks", "results") : Path.of("results");
        int threads = Runtime.getRuntime().availableProcessors();
        long seed = 42;
        for (int a = 0; a < args.length; a++) {
            String option = args[a];
            if (option.equals("--help") || option.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (a + 1 >= args.length) {
                throw new IllegalArgumentException("option " + option + " needs a value\n" + USAGE);
            }
            String value = args[++a];
            switch (option) {
                case "--data" -> data = value;
                case "--algorithms" -> algorithms.addAll(Arrays.stream(value.split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList());
                case "--param" -> addParam(params, value);
                case "--out" -> out = Path.of(value);
                case "--threads" -> threads = positive(option, value);
                case "--seed" -> seed = Long.parseLong(value);
                default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
            }
        }
        for (String algorithm : params.keySet()) {
            if (!algorithms.isEmpty() && !algorithms.contains(algorithm)) {
                throw new IllegalArgumentException("--param for '" + algorithm + "', which is not in --algorithms "
                        + algorithms);
            }
        }
        return new ReportOptions(data, List.copyOf(algorithms), params, out, threads, seed);
    }

    /** The overrides for one algorithm (empty when none). */
    Map<String, String> paramsFor(String algorithm) {
        return params.getOrDefault(algorithm, Map.of());
    }

    private static void addParam(Map<String, Map<String, String>> params, String value) {
        int dot = value.indexOf('.');
        int eq = value.indexOf('=');
        if (dot <= 0 || eq <= dot + 1) {
            throw new IllegalArgumentException("--param must look like ALGO.NAME=VALUE, e.g. als.factors=64; was '"
                    + value + "'");
        }
        params.computeIfAbsent(value.substring(0, dot), k -> new LinkedHashMap<>())
                .put(value.substring(dot + 1, eq), value.substring(eq + 1));
    }

    private static int positive(String option, String value) {
        int n = Integer.parseInt(value);
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be >= 1, was " + n);
        }
        return n;
    }
}
