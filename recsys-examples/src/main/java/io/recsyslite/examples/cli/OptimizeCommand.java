package io.recsyslite.examples.cli;

import io.recsyslite.core.internal.tuning.RecommenderTuner;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.internal.serving.AutoSelection;
import io.recsyslite.internal.serving.OptimizeRequest;
import io.recsyslite.internal.serving.Optimizer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code recsys-lite optimize}: TPE hyperparameter search with pruning; trials kept in the store. */
@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = "Tune an algorithm's parameters (TPE + median pruning) on a validation split; the test "
                + "split is used once, for the best parameters.")
final class OptimizeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    TrainingOptions training;

    @Mixin
    ModelOptions model;

    @Parameters(index = "0", arity = "0..1", completionCandidates = ModelOptions.AlgorithmNames.class,
            description = "Algorithm (or --model-type): ${COMPLETION-CANDIDATES}.")
    String algorithmArgument;

    @Option(names = "--model-type", completionCandidates = ModelOptions.AlgorithmNames.class,
            description = "Algorithm to tune: ${COMPLETION-CANDIDATES}, or auto to choose one first (see --budget).")
    String modelType;

    @Option(names = "--trials", defaultValue = "20", description = "Trials in the study (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--metric", defaultValue = "ndcg@20", description = "hr@k, ndcg@k, recall@k or map@k (default: ${DEFAULT-VALUE}).")
    String metric;

    @Option(names = "--output", description = "Directory for best_params.json, trials.csv and the best model "
            + "(default: model_artifacts/<algorithm>-tuned).")
    Path output;

    @Option(names = "--resume", description = "Continue the study stored in the database.")
    boolean resume;

    @Mixin
    AutoOptions auto;

    @Override
    public Integer call() throws Exception {
        String algorithm = modelType != null ? modelType : algorithmArgument;
        if (algorithm == null) {
            throw new ParameterException(spec.commandLine(), "name the algorithm to tune, e.g. optimize --model-type als");
        }
        Path out = output != null ? output : Path.of("model_artifacts", algorithm + "-tuned");
        ConsoleProgress progress = common.progress();
        Optimizer optimizer = new Optimizer(Algorithms.discover());
        OptimizeRequest request = algorithm.equals(AutoSelection.AUTO)
                ? OptimizeRequest.auto(auto.candidates(), auto.budget(), metric, trials, out)
                : OptimizeRequest.of(algorithm, metric, trials, out);
        RecommenderTuner.Result result = optimizer.optimize(common.existingDb(), request.withResume(resume)
                .withWeighting(model.weighting()).withFixedParams(model.params).withContext(training.context(progress)));
        progress.finish();
        var o = spec.commandLine().getOut();
        o.printf("Best %s on validation: %.4f (trial %d) with %s%n", metric, result.best().value(),
                result.best().number(), result.best().params());
        result.testScore().ifPresent(v -> o.printf("%s on the test split: %.4f%n", metric, v));
        Path modelDir = out.resolve(Optimizer.MODEL_SUBDIR);
        o.printf("Wrote %s, %s and the best model%nServe it with: recsys-lite serve --model-dir %s%n",
                out.resolve("best_params.json"), out.resolve("trials.csv"), modelDir);
        return 0;
    }
}
