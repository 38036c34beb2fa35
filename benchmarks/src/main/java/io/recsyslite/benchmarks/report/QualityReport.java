package io.recsyslite.benchmarks.report;

import io.recsyslite.core.data.ConfidenceWeighting;
import io.recsyslite.core.data.TrainingData;
import io.recsyslite.core.internal.eval.BenchmarkProtocol;
import io.recsyslite.core.internal.eval.EvaluationReport;
import io.recsyslite.core.internal.eval.Split;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.spi.Params;
import io.recsyslite.core.spi.Recommender;
import io.recsyslite.core.spi.RecommenderProvider;
import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.internal.sample.SampleShopConfig;
import io.recsyslite.internal.sample.SampleShopGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits every registered algorithm (or those given) with default parameters plus overrides on one
 * dataset, evaluates each under {@link BenchmarkProtocol}, and prints and writes a Markdown table
 * and a CSV: HR@10, NDCG@10, HR@20, NDCG@20, Recall@20, coverage@20, fit seconds and peak heap
 * during the fit. See benchmarks/README.md for the command line.
 */
public final class QualityReport {
    private static final Logger LOG = LoggerFactory.getLogger(QualityReport.class);
    private static final String[] HEADER = {"algorithm", "HR@10", "NDCG@10", "HR@20", "NDCG@20", "Recall@20",
        "coverage@20", "fit s", "peak heap MB"};

    private QualityReport() {
    }

    /** One algorithm's line; {@code metrics} null when fitting or evaluating failed. */
    private record Row(String algorithm, EvaluationReport metrics, double fitSeconds, double peakHeapMb, String error) {
        String[] cells() {
            if (metrics == null) {
                return new String[] {algorithm, "failed: " + error, "", "", "", "", "", "", ""};
            }
            List<String> cells = new ArrayList<>(List.of(algorithm));
            BenchmarkProtocol.DEFAULT_METRICS.forEach(m -> cells.add(format("%.4f", metrics.get(m))));
            cells.add(format("%.2f", fitSeconds));
            cells.add(format("%.0f", peakHeapMb));
            return cells.toArray(String[]::new);
        }
    }

    public static void main(String[] args) throws Exception {
        ReportOptions options = ReportOptions.parse(args);
        String dataset = datasetName(options.data());
        TrainingData data = load(options);
        Split split = BenchmarkProtocol.split(data);
        Algorithms algorithms = Algorithms.discover();
        List<String> names = options.algorithms().isEmpty() ? algorithms.names() : options.algorithms();
        TrainingContext context = new TrainingContext(options.threads(), options.seed(), null, null);
        List<Row> rows = new ArrayList<>();
        for (String name : names) {
            rows.add(run(algorithms.get(name), split, options, context));
        }
        String description = String.format(Locale.ROOT, "Dataset %s: %d users, %d items, %d events; %d test users. "
                        + "Protocol: last event per user held out, full ranking over all items excluding the "
                        + "user's training items. threads=%d, seed=%d.", dataset, data.numUsers(), data.numItems(),
                data.sequences().totalEvents(), split.numTestUsers(), options.threads(), options.seed());
        String markdown = "# Quality report\n\n" + description + "\n\n" + markdown(rows);
        Files.createDirectories(options.out());
        Path md = options.out().resolve("quality-" + dataset + ".md");
        Path csv = options.out().resolve("quality-" + dataset + ".csv");
        Files.writeString(md, markdown, StandardCharsets.UTF_8);
        Files.writeString(csv, csv(rows), StandardCharsets.UTF_8);
        System.out.println(markdown);
        System.out.println("Written " + md + " and " + csv);
    }

    private static Row run(RecommenderProvider provider, Split split, ReportOptions options, TrainingContext context)
            throws InterruptedException {
        String name = provider.name();
        try {
            Params params = provider.paramSpace().resolve(options.paramsFor(name));
            LOG.info("fitting {} with {}", name, params);
            System.gc(); // start each fit from a comparable heap
            HeapPeakSampler heap = new HeapPeakSampler();
            long start = System.nanoTime();
            Recommender model;
            try {
                model = provider.fit(split.train(), params, context);
            } finally {
                heap.close();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = heap.peakBytes();
            EvaluationReport metrics = BenchmarkProtocol.evaluate(model, split, options.threads(),
                    BenchmarkProtocol.DEFAULT_METRICS);
            LOG.info("{}: {} (fit {} s)", name, metrics, format("%.2f", seconds));
            return new Row(name, metrics, seconds, peak / (1024.0 * 1024.0), null);
        } catch (RuntimeException e) {
            LOG.error("{} failed", name, e);
            return new Row(name, null, Double.NaN, Double.NaN, e.getMessage());
        }
    }

    private static TrainingData load(ReportOptions options) throws IOException {
        String data = options.data();
        if (data.startsWith("synthetic")) {
            long events = data.contains(":") ? Long.parseLong(data.substring(data.indexOf(':') + 1).trim()) : 100_000;
            SampleShopConfig config = SampleShopConfig.ofEvents(events).withSeed(options.seed());
            return new SampleShopGenerator(config).trainingData(ConfidenceWeighting.binary());
        }
        return MovieLensLoader.load(Path.of(data));
    }

    /** "synthetic-100000", or the data file's directory name such as "ml-100k". */
    static String datasetName(String data) {
        if (data.startsWith("synthetic")) {
            return data.replace(':', '-');
        }
        Path parent = Path.of(data).toAbsolutePath().getParent();
        return parent == null ? Path.of(data).getFileName().toString() : parent.getFileName().toString();
    }

    private static String markdown(List<Row> rows) {
        StringBuilder s = new StringBuilder("| ").append(String.join(" | ", HEADER)).append(" |\n|");
        s.append(" --- |".repeat(HEADER.length)).append('\n');
        for (Row row : rows) {
            s.append("| ").append(String.join(" | ", row.cells())).append(" |\n");
        }
        return s.toString();
    }

    private static String csv(List<Row> rows) {
        StringBuilder s = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (Row row : rows) {
            List<String> cells = new ArrayList<>();
            for (String cell : row.cells()) {
                cells.add(cell.contains(",") || cell.contains("\"") ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
            }
            s.append(String.join(",", cells)).append('\n');
        }
        return s.toString();
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
