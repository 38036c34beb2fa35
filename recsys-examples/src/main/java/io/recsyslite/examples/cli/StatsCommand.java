package io.recsyslite.examples.cli;

import io.recsyslite.core.internal.SnakeCaseJson;
import io.recsyslite.core.internal.eval.TwoProportionTest;
import io.recsyslite.internal.serving.OnlineStats;
import io.recsyslite.internal.store.RecsysStore;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code recsys-lite stats}: the online metrics of what was served, per variant, and the A/B
 * comparison, from the store (the same figures as the server's {@code GET /stats}).
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Online metrics of the recommendations served (impressions, clicks, CTR, conversions, revenue, "
                + "coverage) per A/B variant, and each variant against the first by a two-proportion z-test.")
final class StatsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--days", defaultValue = "30", description = "The last N days (default: ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--conversion-window-hours", defaultValue = "24", description = "How long after a recommendation "
            + "an add_to_cart or purchase of one of its items counts (default: ${DEFAULT-VALUE}).")
    double conversionWindowHours;

    @Option(names = "--confidence", defaultValue = "0.95",
            description = "Confidence level of the intervals and the significance (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--json", description = "Print the JSON of GET /stats instead of tables.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        OnlineStats stats;
        try (RecsysStore store = RecsysStore.open(common.existingDb())) {
            stats = OnlineStats.compute(store, Map.of(), null, days,
                    Duration.ofSeconds(Math.round(conversionWindowHours * 3600)), confidence);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(SnakeCaseJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(stats));
        } else {
            print(out, stats);
        }
        return 0;
    }

    static void print(PrintWriter out, OnlineStats stats) {
        out.printf("Online metrics of the last %d days (conversion window %s h)%n", stats.days(),
                trim(stats.conversionWindowHours()));
        if (stats.variants().isEmpty()) {
            out.println("No recommendations served yet.");
            return;
        }
        out.printf("%-10s %6s %-10s %9s %11s %8s %8s %11s %9s %11s %8s%n", "variant", "share", "algorithm", "served",
                "impressions", "clicks", "CTR", "conversions", "conv.rate", "revenue", "coverage");
        for (OnlineStats.VariantStats v : stats.variants()) {
            out.printf("%-10s %5.0f%% %-10s %9d %11d %8d %7.2f%% %11d %8.2f%% %11.2f %7.1f%%%n", v.variant(),
                    100 * v.trafficShare(), v.model().algorithm() == null ? "-" : v.model().algorithm(),
                    v.recommendations(), v.impressions(), v.clicks(), 100 * v.ctr(), v.conversions(),
                    100 * v.conversionRate(), v.revenue(), 100 * v.catalogueCoverage());
        }
        for (OnlineStats.Comparison c : stats.comparisons()) {
            out.printf("%n%s against %s (%s, %s%% confidence):%n", c.variant(), c.baseline(), c.method(),
                    trim(100 * c.confidenceLevel()));
            line(out, "CTR", c.ctr());
            line(out, "conversion rate", c.conversionRate());
        }
        if (!stats.topItems().isEmpty()) {
            out.printf("%nMost recommended items:%n");
            stats.topItems().stream().limit(5).forEach(t -> out.printf("  %-16s %-34s %8d served %8d impressions %6d clicks%n",
                    t.itemId(), t.title() == null ? "" : t.title(), t.recommended(), t.impressions(), t.clicks()));
        }
    }

    private static void line(PrintWriter out, String what, TwoProportionTest.Result r) {
        out.printf("  %-16s %.4f -> %.4f  difference %+.4f  interval [%+.4f, %+.4f]  p = %.4g  significant: %s%n",
                what, r.baseline(), r.variant(), r.difference(), r.low(), r.high(), r.pValue(),
                r.significant() ? "yes" : "no");
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
