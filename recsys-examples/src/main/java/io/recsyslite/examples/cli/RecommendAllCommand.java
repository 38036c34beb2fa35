package io.recsyslite.examples.cli;

import io.recsyslite.RecSysConfig;
import io.recsyslite.RecommendOptions;
import io.recsyslite.core.index.IndexOptions;
import io.recsyslite.core.index.ItemIndexes;
import io.recsyslite.internal.serving.RecSysEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code recsys-lite recommend-all}: every user's top-k, with business filters, into one Parquet file. */
@Command(name = "recommend-all", mixinStandardHelpOptions = true,
        description = "Write every user's top-k items (exact scoring, business filters) to a Parquet file with "
                + "the columns user_id, rank, item_id, score: for newsletters and precomputed caches.")
final class RecommendAllCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--model-dir", description = "Model directory (default: MODEL_DIR or model_artifacts/als).")
    Path modelDir;

    @Option(names = {"-k", "--k"}, defaultValue = "10", description = "Items per user (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--output", required = true, description = "Parquet file to write (replaced when complete).")
    Path output;

    @Option(names = "--category", split = ",", description = "Only these categories (repeatable or a comma list).")
    List<String> categories = List.of();

    @Option(names = "--brand", split = ",", description = "Only these brands (repeatable or a comma list).")
    List<String> brands = List.of();

    @Option(names = "--min-price", description = "Lowest price.")
    Double minPrice;

    @Option(names = "--max-price", description = "Highest price.")
    Double maxPrice;

    @Option(names = "--in-stock", description = "Only items whose in_stock column says so.")
    boolean inStock;

    @Option(names = "--exclude-seen", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Leave out each user's own items (default: on).")
    boolean excludeSeen;

    @Override
    public Integer call() throws Exception {
        RecSysConfig config = common.settings().recSysConfig(common.existingDb(), ItemIndexes.EXACT)
                .withIndex(ItemIndexes.EXACT, new IndexOptions(threads.threads(), Map.of()))
                .withCacheExpiry(Duration.ZERO).withAccessAuditInterval(Duration.ZERO);
        RecommendOptions options = RecommendOptions.defaults().withExcludeSeen(excludeSeen)
                .withCategories(new LinkedHashSet<>(categories)).withBrands(new LinkedHashSet<>(brands))
                .withPriceRange(minPrice, maxPrice).withInStockOnly(inStock);
        long start = System.nanoTime();
        try (RecSysEngine recSys = RecSysEngine.open(config, modelDir != null ? modelDir : common.settings().modelDir())) {
            long users = recSys.recommendAll(k, options, output, common.progress());
            double seconds = (System.nanoTime() - start) / 1e9;
            spec.commandLine().getOut().printf("Wrote the top %d of %,d users to %s in %.1f s%n", k, users, output, seconds);
        }
        return 0;
    }
}
