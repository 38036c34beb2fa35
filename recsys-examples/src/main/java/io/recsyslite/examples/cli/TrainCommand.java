package io.recsyslite.examples.cli;

import io.recsyslite.TrainRequest;
import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.internal.serving.AutoSelection;
import io.recsyslite.internal.serving.Trainer;
import io.recsyslite.core.spi.Algorithms;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
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
    TrainingOptions training;

    @Mixin
    ModelOptions model;

    @Parameters(index = "0", completionCandidates = ModelOptions.AlgorithmNames.class,
            description = "Algorithm: ${COMPLETION-CANDIDATES}, or auto to choose one on a validation split.")
    String algorithm;

    @Mixin
    AutoOptions auto;

    @Option(names = "--output", description = "Model directory to write (default: MODEL_DIR or model_artifacts/<algorithm>).")
    Path output;

    @Option(names = "--test-size", defaultValue = "0",
            description = "Hold out this fraction of each user's items to measure the model first (default: none).")
    double testSize;

    /**
     * Adds the chosen algorithm's parameters to {@code train <algorithm> --help}: picocli has set the
     * positional argument by the time it renders the help, so the section can read it.
     */
    static void addParameterHelp(CommandLine train) {
        String key = "algorithmParameters";
        train.getHelpSectionMap().put(key, help -> {
            String name = ((TrainCommand) help.commandSpec().userObject()).algorithm;
            Algorithms algorithms = Algorithms.discover();
            if (name == null || !algorithms.names().contains(name)) {
                return String.format("%nParameters (--param NAME=VALUE): see train <algorithm> --help, e.g. train als --help.%n");
            }
            return String.format("%nParameters of %s (--param NAME=VALUE):%n", name)
                    + AlgorithmsCommand.parameters(algorithms.get(name));
        });
        List<String> keys = new ArrayList<>(train.getHelpSectionKeys());
        keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), key);
        train.setHelpSectionKeys(keys);
    }

    @Override
    public Integer call() throws Exception {
        Path dir = output != null ? output : common.settings().modelDirFor(algorithm);
        ConsoleProgress progress = common.progress();
        Trainer trainer = new Trainer(Algorithms.discover());
        boolean automatic = algorithm.equals(AutoSelection.AUTO);
        if (automatic && !model.params.isEmpty()) {
            throw new InvalidParameterException("train auto chooses among default parameters; drop --param "
                    + model.params.keySet() + " or name an algorithm");
        }
        // holds the store only to read it: a serve process sharing the store keeps recording events
        TrainRequest request = automatic
                ? TrainRequest.auto(auto.candidates(), auto.budget(), dir)
                : TrainRequest.of(algorithm, dir).withParams(model.params);
        Trainer.Result result = trainer.train(common.existingDb(), request.withTestSize(testSize)
                .withWeighting(model.weighting()).withContext(training.context(progress)));
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
