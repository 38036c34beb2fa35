package io.recsyslite.benchmarks.robustness;

import io.recsyslite.core.internal.eval.UserStatistics.Interval;
import io.recsyslite.core.internal.eval.UserStatistics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The suite's figures: per dataset and algorithm, each metric's mean with its 95% bootstrap
 * interval over users, the paired randomisation test against the dataset's best algorithm (by the
 * dataset's first metric) and against popularity. Renders the one table as Markdown, CSV and rows.
 */
final class SuiteTable {
    static final String POPULARITY = "popularity";
    static final double SIGNIFICANCE = 0.05;
    private static final String[] HEADER = {"dataset", "algorithm", "metric 1", "metric 2", "p vs best",
        "x popularity", "vs popularity", "fit s", "note"};

    /** One run's figures; intervals empty when the run has no scores. */
    record Result(RobustnessSuite.Run run, Map<String, Interval> intervals, double pVsBest, double vsPopularity,
                  String popularityVerdict) {
        Interval interval(String metric) {
            return intervals.get(metric);
        }
    }

    private final List<SuiteDataset> datasets;
    private final Map<String, List<Result>> results = new LinkedHashMap<>();

    SuiteTable(List<SuiteDataset> datasets, List<RobustnessSuite.Run> runs, long seed) {
        this.datasets = datasets;
        for (SuiteDataset dataset : datasets) {
            String metric = dataset.metrics().get(0);
            List<RobustnessSuite.Run> scored = runs.stream()
                    .filter(r -> r.dataset().equals(dataset.name()) && r.scores() != null).toList();
            RobustnessSuite.Run best = scored.stream()
                    .max((a, b) -> Double.compare(mean(a, metric), mean(b, metric))).orElse(null);
            RobustnessSuite.Run popularity = scored.stream()
                    .filter(r -> r.algorithm().equals(POPULARITY)).findFirst().orElse(null);
            List<Result> list = new ArrayList<>();
            for (RobustnessSuite.Run run : runs) {
                if (!run.dataset().equals(dataset.name())) {
                    continue;
                }
                if (run.scores() == null) {
                    list.add(new Result(run, Map.of(), Double.NaN, Double.NaN, ""));
                    continue;
                }
                Map<String, Interval> intervals = new LinkedHashMap<>();
                dataset.metrics().forEach(m -> intervals.put(m, UserStatistics.bootstrap(run.scores().values(m), seed)));
                double pBest = run == best ? Double.NaN : pValue(run, best, metric, seed);
                double ratio = popularity == null ? Double.NaN : mean(run, metric) / mean(popularity, metric);
                list.add(new Result(run, intervals, pBest, ratio, verdict(run, popularity, metric, seed)));
            }
            results.put(dataset.name(), list);
        }
    }

    List<Result> results(String dataset) {
        return results.get(dataset).stream().filter(r -> r.run().scores() != null).toList();
    }

    boolean hasFailures() {
        return results.values().stream().flatMap(List::stream).anyMatch(r -> r.run().note().startsWith("failed"));
    }

    /** Header row, then one row per dataset and algorithm. */
    List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(HEADER));
        for (SuiteDataset dataset : datasets) {
            for (Result r : results.get(dataset.name())) {
                List<String> row = new ArrayList<>(List.of(dataset.name(), r.run().algorithm()));
                for (String metric : dataset.metrics()) {
                    Interval i = r.interval(metric);
                    row.add(i == null ? "" : metric + " " + format("%.4f [%.4f, %.4f]", i.mean(), i.low(), i.high()));
                }
                row.add(r.run().scores() == null ? "" : Double.isNaN(r.pVsBest()) ? "best" : format("%.4f", r.pVsBest()));
                row.add(Double.isNaN(r.vsPopularity()) ? "" : format("%.2f", r.vsPopularity()));
                row.add(r.popularityVerdict());
                row.add(Double.isNaN(r.run().fitSeconds()) ? "" : format("%.1f", r.run().fitSeconds()));
                row.add(r.run().note());
                rows.add(row);
            }
        }
        return rows;
    }

    String markdown(String intro) {
        StringBuilder s = new StringBuilder("# Robustness suite\n\n").append(intro).append("\n\n");
        for (SuiteDataset dataset : datasets) {
            s.append("- `").append(dataset.name()).append("`: ").append(dataset.description()).append(" (")
                    .append(dataset.train().numUsers()).append(" users, ").append(dataset.train().numItems())
                    .append(" items, ").append(dataset.train().sequences().totalEvents()).append(" training events)\n");
        }
        s.append("""

                Figures: mean over users [95% percentile bootstrap interval, 10,000 resamples]. `p vs best`: \
                two-sided paired randomisation (sign-flip) test, 10,000 flips, of the algorithm against the \
                dataset's best by its first metric on the same users. `vs popularity`: the same test against \
                popularity at p < 0.05 ("tie" otherwise).

                """);
        List<List<String>> rows = rows();
        for (int r = 0; r < rows.size(); r++) {
            s.append("| ").append(String.join(" | ", rows.get(r))).append(" |\n");
            if (r == 0) {
                s.append("|").append(" --- |".repeat(HEADER.length)).append('\n');
            }
        }
        return s.toString();
    }

    /** Long format: one line per dataset, algorithm and metric. */
    String csv() {
        StringBuilder s = new StringBuilder("dataset,algorithm,metric,mean,low95,high95,users,p_vs_best,"
                + "x_popularity,vs_popularity,fit_seconds,peak_heap_mb,note\n");
        for (SuiteDataset dataset : datasets) {
            for (Result r : results.get(dataset.name())) {
                for (String metric : dataset.metrics()) {
                    Interval i = r.interval(metric);
                    s.append(String.join(",", dataset.name(), r.run().algorithm(), metric,
                            i == null ? "" : format("%.6f", i.mean()), i == null ? "" : format("%.6f", i.low()),
                            i == null ? "" : format("%.6f", i.high()),
                            r.run().scores() == null ? "" : Integer.toString(r.run().scores().users().length),
                            number(r.pVsBest()), number(r.vsPopularity()), r.popularityVerdict(),
                            number(r.run().fitSeconds()), number(r.run().peakHeapMb()),
                            '"' + r.run().note().replace("\"", "\"\"") + '"')).append('\n');
                }
            }
        }
        return s.toString();
    }

    private static String verdict(RobustnessSuite.Run run, RobustnessSuite.Run popularity, String metric, long seed) {
        if (popularity == null || run == popularity) {
            return "";
        }
        double p = pValue(run, popularity, metric, seed);
        if (p >= SIGNIFICANCE) {
            return format("tie (p=%.3f)", p);
        }
        return mean(run, metric) > mean(popularity, metric) ? "above" : format("BELOW (p=%.4f)", p);
    }

    private static double pValue(RobustnessSuite.Run a, RobustnessSuite.Run b, String metric, long seed) {
        return UserStatistics.pairedPValue(a.scores().values(metric), b.scores().values(metric), seed);
    }

    private static double mean(RobustnessSuite.Run run, String metric) {
        return run.scores().report().get(metric);
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : format("%.4f", v);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
