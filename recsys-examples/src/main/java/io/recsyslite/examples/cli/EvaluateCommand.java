package io.recsyslite.examples.cli;

import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.internal.eval.Splitter;
import io.recsyslite.core.internal.eval.UserScores;
import io.recsyslite.core.internal.eval.UserStatistics;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.examples.chart.ComparisonChart;
import io.recsyslite.examples.chart.ComparisonPage;
import io.recsyslite.internal.serving.Trainer;
import io.recsyslite.internal.store.RecsysStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code recsys-lite evaluate a,b,c}: fit each algorithm on the same split of the store's data, print
 * one comparison table (each metric with its 95% bootstrap interval over test users) and write it as
 * an HTML chart page, whose path is the last line printed.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measure algorithms on one split: fit on the training part, rank all items for every test "
                + "user; prints a comparison table and writes a chart page.")
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    TrainingOptions training;

    @Mixin
    ModelOptions model;

    @Parameters(index = "0", split = ",", completionCandidates = ModelOptions.AlgorithmNames.class,
            description = "Algorithms, comma-separated: ${COMPLETION-CANDIDATES}. With several, give parameters as "
                    + "--param ALGO.NAME=VALUE.")
    List<String> algorithms;

    @ArgGroup(exclusive = true)
    SplitChoice split = new SplitChoice();

    @Option(names = "--metrics", split = ",", defaultValue = "hr@10,ndcg@10,hr@20,ndcg@20,recall@20,map@10,mrr@20,coverage@20",
            description = "Metrics (default: ${DEFAULT-VALUE}).")
    List<String> metrics;

    @Option(names = "--chart", defaultValue = "evaluation.html",
            description = "The chart page to write (default: ${DEFAULT-VALUE}).")
    Path chart;

    static final class SplitChoice {
        @Option(names = "--test-size", description = "Random per-user holdout of this fraction of items.")
        Double testSize;

        @Option(names = "--leave-last", description = "Hold out each user's last N events (the default, N=1).")
        Integer leaveLast;
    }

    @Override
    public Integer call() throws Exception {
        int leaveLast = split.leaveLast != null ? split.leaveLast : 1;
        Splitter splitter = split.testSize != null ? Splitter.randomHoldout(split.testSize, training.seed)
                : Splitter.leaveLastOut(leaveLast);
        ConsoleProgress progress = common.progress();
        Map<String, UserScores> scores;
        try (RecsysStore store = RecsysStore.open(common.existingDb())) {
            scores = new Trainer(Algorithms.discover()).compare(store, algorithms, paramsByAlgorithm(), splitter,
                    metrics, model.weighting(), training.context(progress));
        }
        progress.finish();
        String heldOut = split.testSize != null ? "a random " + split.testSize + " of each user's items"
                : "each user's last " + leaveLast + " event(s)";
        List<List<String>> table = table(scores);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Held out %s: %,d test users; mean [95%% bootstrap interval over users]%n", heldOut,
                scores.values().iterator().next().users().length);
        printAligned(out, table);
        ComparisonPage.write(chart, "RecSys-Lite evaluation", "Held out " + heldOut + "; bars: mean over test users, "
                + "whiskers: 95% bootstrap interval.", List.of(ComparisonChart.svg("Held-out ranking quality",
                "value", bars(scores), 1000, 420)), table);
        out.println("Chart: " + chart.toAbsolutePath());
        return 0;
    }

    /** {@code --param NAME=V} for a single algorithm, {@code --param ALGO.NAME=V} for any. */
    private Map<String, Map<String, String>> paramsByAlgorithm() {
        Map<String, Map<String, String>> byAlgorithm = new LinkedHashMap<>();
        model.params.forEach((key, value) -> {
            int dot = key.indexOf('.');
            String algorithm = dot > 0 ? key.substring(0, dot) : algorithms.size() == 1 ? algorithms.get(0) : null;
            if (algorithm == null || !algorithms.contains(algorithm)) {
                throw new InvalidParameterException("--param " + key + "=" + value + ": with several algorithms write "
                        + "ALGO.NAME=VALUE with ALGO one of " + algorithms);
            }
            byAlgorithm.computeIfAbsent(algorithm, a -> new LinkedHashMap<>()).put(key.substring(dot + 1), value);
        });
        return byAlgorithm;
    }

    private static List<List<String>> table(Map<String, UserScores> scores) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("algorithm"));
        header.addAll(scores.values().iterator().next().order());
        rows.add(header);
        scores.forEach((algorithm, s) -> {
            List<String> row = new ArrayList<>(List.of(algorithm));
            for (String metric : s.order()) {
                if (s.perUser().containsKey(metric)) {
                    UserStatistics.Interval i = UserStatistics.bootstrap(s.perUser().get(metric), 42);
                    row.add(String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", i.mean(), i.low(), i.high()));
                } else {
                    row.add(String.format(Locale.ROOT, "%.4f", s.overall().get(metric)));
                }
            }
            rows.add(row);
        });
        return rows;
    }

    private static List<ComparisonChart.Bar> bars(Map<String, UserScores> scores) {
        List<ComparisonChart.Bar> bars = new ArrayList<>();
        scores.forEach((algorithm, s) -> s.perUser().forEach((metric, values) -> {
            UserStatistics.Interval i = UserStatistics.bootstrap(values, 42);
            bars.add(new ComparisonChart.Bar(metric, algorithm, i.mean(), i.low(), i.high()));
        }));
        return bars;
    }

    private static void printAligned(PrintWriter out, List<List<String>> table) {
        int[] widths = new int[table.get(0).size()];
        for (List<String> row : table) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (List<String> row : table) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                line.append(String.format(c == 0 ? "%-" + widths[c] + "s" : "  %" + widths[c] + "s", row.get(c)));
            }
            out.println(line);
        }
    }
}
