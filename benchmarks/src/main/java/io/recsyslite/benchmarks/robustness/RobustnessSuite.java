package io.recsyslite.benchmarks.robustness;

import io.recsyslite.benchmarks.report.HeapPeakSampler;
import io.recsyslite.core.internal.eval.UserScores;
import io.recsyslite.core.internal.eval.UserStatistics;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.examples.chart.ComparisonChart;
import io.recsyslite.examples.chart.ComparisonPage;
import io.recsyslite.internal.serving.AutoSelection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every algorithm with default parameters over every dataset of the suite ({@link
 * SuiteDatasets}) and writes one table ({@code robustness.md}, {@code robustness.csv}) and a chart
 * page ({@code robustness.html}). Each figure has a 95% bootstrap interval over users; each algorithm
 * is compared with the dataset's best on the same users by a paired randomisation test
 * ({@link UserStatistics}). With {@code --splits DIR} the top-N splits are also written as TSV for
 * the numpy reference ({@code benchmarks/numpy_reference.py}). See benchmarks/README.md.
 */
public final class RobustnessSuite {
    private static final Logger LOG = LoggerFactory.getLogger(RobustnessSuite.class);
    private final SuiteOptions options;
    private final Algorithms algorithms = Algorithms.discover();

    private RobustnessSuite(SuiteOptions options) {
        this.options = options;
    }

    /** One algorithm on one dataset: its per-user scores, or why it has none. */
    record Run(String dataset, String algorithm, UserScores scores, double fitSeconds, double peakHeapMb,
               String note) {
    }

    public static void main(String[] args) throws Exception {
        SuiteOptions options = SuiteOptions.parse(args);
        List<SuiteDataset> datasets = options.smoke() ? SuiteDatasets.smoke(options.seed())
                : SuiteDatasets.full(options.movieLens(), options.seed());
        if (!options.datasets().isEmpty()) {
            datasets = datasets.stream().filter(d -> options.datasets().contains(d.name())).toList();
        }
        if (options.validation()) {
            datasets = datasets.stream().map(SuiteDataset::validation).toList();
        }
        RobustnessSuite suite = new RobustnessSuite(options);
        List<Run> runs = new ArrayList<>();
        for (SuiteDataset dataset : datasets) {
            if (options.splits() != null && !dataset.sessionProtocol()) {
                SplitFiles.write(options.splits().resolve(dataset.name()), dataset);
            }
            List<String> names = options.algorithms().isEmpty() ? suite.algorithms.names() : options.algorithms();
            List<String> candidates = names.stream().filter(n -> !n.equals(AutoSelection.AUTO)).toList();
            for (String name : names) {
                runs.add(name.equals(AutoSelection.AUTO) ? suite.runAuto(dataset, candidates)
                        : suite.run(dataset, suite.algorithms.get(name)));
            }
        }
        SuiteTable table = new SuiteTable(datasets, runs, options.seed());
        Files.createDirectories(options.out());
        String base = (options.smoke() ? "robustness-smoke" : "robustness") + (options.validation() ? "-validation" : "")
                + (options.datasets().isEmpty() ? "" : "-" + String.join("-", options.datasets()));
        Path md = options.out().resolve(base + ".md");
        Path csv = options.out().resolve(base + ".csv");
        Path html = options.out().resolve(base + ".html");
        Files.writeString(md, table.markdown(options.describe()), StandardCharsets.UTF_8);
        Files.writeString(csv, table.csv(), StandardCharsets.UTF_8);
        ComparisonPage.write(html, "RecSys-Lite robustness suite", options.describe(), charts(datasets, table),
                table.rows());
        System.out.println(table.markdown(options.describe()));
        System.out.println("Written " + md + ", " + csv + " and the chart " + html);
        if (table.hasFailures()) {
            throw new IllegalStateException("an algorithm failed; see the table");
        }
    }

    private Run run(SuiteDataset dataset, RecommenderProvider provider) throws InterruptedException {
        String name = provider.name();
        if (tooBigFor(name, dataset)) {
            return new Run(dataset.name(), name, null, Double.NaN, Double.NaN, "not run: " + dataset.train().numItems()
                    + " items > --ease-max-items " + options.easeMaxItems());
        }
        try {
            TrainingContext context = new TrainingContext(options.threads(), options.seed(), null, null);
            System.gc(); // start each fit from a comparable heap
            HeapPeakSampler heap = new HeapPeakSampler();
            long start = System.nanoTime();
            Recommender model;
            try {
                model = provider.fit(dataset.train(), provider.paramSpace().resolve(options.paramsFor(name)), context);
            } finally {
                heap.close();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            UserScores scores = dataset.evaluate(model, options.threads());
            LOG.info("{} on {}: {} (fit {} s)", name, dataset.name(), scores.report(),
                    String.format(Locale.ROOT, "%.1f", seconds));
            return new Run(dataset.name(), name, scores, seconds, heap.peakBytes() / (1024.0 * 1024.0), "");
        } catch (RuntimeException e) {
            LOG.error("{} failed on {}", name, dataset.name(), e);
            return new Run(dataset.name(), name, null, Double.NaN, Double.NaN, "failed: " + e.getMessage());
        }
    }

    /** EASE's dense inverse is cubic in items: it is left out above {@code --ease-max-items}. */
    private boolean tooBigFor(String algorithm, SuiteDataset dataset) {
        return algorithm.equals("ease") && dataset.train().numItems() > options.easeMaxItems();
    }

    /**
     * What {@code train auto} would serve: the algorithm {@link AutoSelection} picks from the other
     * candidates on a validation split carved from the training part (never the test part), fitted
     * with its defaults like every other row. Shown as {@code auto:<chosen>}.
     */
    private Run runAuto(SuiteDataset dataset, List<String> candidates) throws InterruptedException {
        List<String> fittable = candidates.stream().filter(n -> !tooBigFor(n, dataset)).toList();
        TrainingContext context = new TrainingContext(options.threads(), options.seed(), null, null);
        AutoSelection.Choice choice = new AutoSelection(algorithms).choose(dataset.train(), fittable, "ndcg@10",
                Duration.ofDays(1), context);
        LOG.info("auto on {}: {}", dataset.name(), choice.reason());
        Run chosen = run(dataset, algorithms.get(choice.algorithm()));
        return new Run(chosen.dataset(), AutoSelection.AUTO + ":" + choice.algorithm(), chosen.scores(),
                chosen.fitSeconds(), chosen.peakHeapMb(), chosen.note());
    }

    /** One chart per dataset: its deciding metric by algorithm, with 95% intervals. */
    private static List<String> charts(List<SuiteDataset> datasets, SuiteTable table) {
        List<String> svgs = new ArrayList<>();
        for (SuiteDataset dataset : datasets) {
            String metric = dataset.metrics().get(0);
            List<ComparisonChart.Bar> bars = table.results(dataset.name()).stream()
                    .sorted(Comparator.comparingDouble((SuiteTable.Result r) -> -r.interval(metric).mean()))
                    .map(r -> new ComparisonChart.Bar(r.run().algorithm(), metric, r.interval(metric).mean(),
                            r.interval(metric).low(), r.interval(metric).high()))
                    .toList();
            svgs.add(ComparisonChart.svg(dataset.name() + ": " + metric + " (95% bootstrap interval over users)",
                    metric, bars, 900, 360));
        }
        return svgs;
    }
}
