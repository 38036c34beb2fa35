package io.recsyslite.examples.cli;

import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.core.serving.AutoSelection;
import io.recsyslite.core.serving.Trainer;
import io.recsyslite.core.spi.Algorithms;
import io.recsyslite.core.store.RecsysStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code recsys-lite train}: fit an algorithm on the store's data and save the model. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model on the store's events and save it as a model directory.")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    ModelOptions model;

    @Parameters(index = "0", completionCandidates = ModelOptions.AlgorithmNames.class,
            description = "Algorithm: ${COMPLETION-CANDIDATES}, or auto to choose one on a validation split.")
    String algorithm;

    @Mixin
    AutoOptions auto;

    @Option(names = "--output", description = "Model directory to write (default: MODEL_DIR or model_artifacts/als).")
    Path output;

    @Option(names = "--test-size", defaultValue = "0",
            description = "Hold out this fraction of each user's items to measure the model first (default: none).")
    double testSize;

    @Override
    public Integer call() throws Exception {
        Path dir = output != null ? output : common.settings().modelDir();
        ConsoleProgress progress = common.progress();
        Trainer.Result result;
        Trainer trainer = new Trainer(Algorithms.discover());
        boolean automatic = algorithm.equals(AutoSelection.AUTO);
        if (automatic && !model.params.isEmpty()) {
            throw new InvalidParameterException("train auto chooses among default parameters; drop --param "
                    + model.params.keySet() + " or name an algorithm");
        }
        try (RecsysStore store = RecsysStore.open(common.existingDb())) {
            result = automatic
                    ? trainer.trainAuto(store, auto.candidates(), auto.budget(), testSize, model.weighting(), dir,
                            common.context(progress))
                    : trainer.train(store, algorithm, model.params, testSize, model.weighting(), dir,
                            common.context(progress));
        }
        progress.finish();
        var out = spec.commandLine().getOut();
        result.evaluation().ifPresent(report -> out.println("Held-out " + testSize + " of each user's items: "
                + MetricsTable.line(report.values())));
        result.baseline().ifPresent(report -> out.println("Popularity on the same split:   "
                + MetricsTable.line(report.values())));
        if (result.belowBaseline()) {
            out.printf("WARNING: %s ranks below popularity on this data (%s); a best-seller list would serve "
                    + "better. Compare with: recsys-lite evaluate %s,popularity,als,itemknn%n",
                    result.manifest().algorithm(), Trainer.DECIDING_METRIC, result.manifest().algorithm());
        }
        if (automatic) {
            AutoOptions.print(out, result.manifest().provenance().selection());
        }
        out.printf("Trained %s in %.1f s with %s%nSaved to %s%n", result.manifest().algorithm(), result.fitSeconds(),
                result.manifest().params(), dir);
        return 0;
    }
}
