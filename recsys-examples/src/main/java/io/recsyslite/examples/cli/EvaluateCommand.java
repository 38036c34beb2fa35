package io.recsyslite.examples.cli;

import io.recsyslite.core.eval.EvaluationReport;
import io.recsyslite.core.eval.Splitter;
import io.recsyslite.core.serving.Trainer;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.store.RecsysStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code recsys-lite evaluate}: fit on a split of the store's data and print ranking metrics. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measure an algorithm: fit on a training split, rank all items for every test user.")
final class EvaluateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    TrainingOptions training;

    @Mixin
    ModelOptions model;

    @Parameters(index = "0", completionCandidates = ModelOptions.AlgorithmNames.class,
            description = "Algorithm: ${COMPLETION-CANDIDATES}.")
    String algorithm;

    @ArgGroup(exclusive = true)
    SplitChoice split = new SplitChoice();

    @Option(names = "--metrics", split = ",", defaultValue = "hr@10,ndcg@10,hr@20,ndcg@20,recall@20,map@10,mrr@20,coverage@20",
            description = "Metrics (default: ${DEFAULT-VALUE}).")
    List<String> metrics;

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
        EvaluationReport report;
        try (RecsysStore store = RecsysStore.open(common.existingDb())) {
            report = new Trainer(Algorithms.discover()).evaluate(store, algorithm, model.params, splitter, metrics,
                    model.weighting(), training.context(progress));
        }
        progress.finish();
        var out = spec.commandLine().getOut();
        out.printf("%s%s, held out %s: %,d test users%n", algorithm, model.params.isEmpty() ? "" : " " + model.params,
                split.testSize != null ? "a random " + split.testSize + " of each user's items"
                        : "each user's last " + leaveLast + " event(s)", report.usersEvaluated());
        report.values().forEach((name, value) -> out.printf("  %-12s %.4f%n", name, value));
        return 0;
    }
}
