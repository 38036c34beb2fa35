package io.recsyslite.examples.cli;

import io.recsyslite.RecSysConfig;
import io.recsyslite.RecommendOptions;
import io.recsyslite.Recommendations;
import io.recsyslite.internal.serving.RecSysEngine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code recsys-lite recommend} and {@code recsys-lite similar}: a quick look at a model's answers. */
final class LookCommands {
    private LookCommands() {
    }

    /** Options of both commands. */
    static final class LookOptions {
        @Mixin
        CommonOptions common;

        @Option(names = "--model-dir", description = "Model directory (default: MODEL_DIR or model_artifacts/als).")
        Path modelDir;

        @Option(names = "-k", defaultValue = "10", description = "Number of items (default: ${DEFAULT-VALUE}).")
        int k;

        @Option(names = "--index", defaultValue = "exact", description = "Item index: exact, faiss-ivf-flat, ... (default: ${DEFAULT-VALUE}).")
        String index;

        RecSysEngine open() throws java.io.IOException {
            RecSysConfig config = common.settings().recSysConfig(common.existingDb(), index)
                    .withCacheExpiry(Duration.ZERO).withAccessAuditInterval(Duration.ZERO);
            return RecSysEngine.open(config, modelDir != null ? modelDir : common.settings().modelDir());
        }
    }

    @Command(name = "recommend", mixinStandardHelpOptions = true, description = "Show the top items for a user.")
    static final class Recommend implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        LookOptions look;

        @Option(names = "--user-id", required = true, description = "The user.")
        String userId;

        @Override
        public Integer call() throws Exception {
            try (RecSysEngine recSys = look.open()) {
                Recommendations r = recSys.recommend(userId, look.k, RecommendOptions.defaults());
                PrintWriter out = spec.commandLine().getOut();
                out.println(r.personalized() ? "Recommendations for " + userId + ":"
                        : "User " + userId + " is unknown: most popular items (not personalised):");
                print(out, r.items());
            }
            return 0;
        }
    }

    @Command(name = "similar", mixinStandardHelpOptions = true, description = "Show the items most similar to an item.")
    static final class Similar implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        LookOptions look;

        @Option(names = "--item-id", required = true, description = "The item.")
        String itemId;

        @Override
        public Integer call() throws Exception {
            try (RecSysEngine recSys = look.open()) {
                List<Recommendations.Item> items = recSys.similarItems(itemId, look.k, RecommendOptions.defaults()).items();
                PrintWriter out = spec.commandLine().getOut();
                out.println("Items similar to " + itemId + ":");
                print(out, items);
            }
            return 0;
        }
    }

    static void print(PrintWriter out, List<Recommendations.Item> items) {
        out.printf("%-4s %-16s %10s  %-34s %-16s %10s%n", "#", "item", "score", "title", "category", "price");
        for (int i = 0; i < items.size(); i++) {
            Recommendations.Item it = items.get(i);
            out.printf("%-4d %-16s %10.4f  %-34s %-16s %10s%n", i + 1, it.itemId(), it.score(), cut(it.title(), 34),
                    cut(it.category(), 16), it.price() == null ? "" : String.format("%.2f", it.price()));
        }
    }

    private static String cut(String s, int width) {
        if (s == null) {
            return "";
        }
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }
}
