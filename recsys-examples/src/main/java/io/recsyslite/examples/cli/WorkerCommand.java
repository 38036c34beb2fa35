package io.recsyslite.examples.cli;

import io.recsyslite.core.error.InvalidParameterException;
import io.recsyslite.internal.serving.UpdateWorker;
import io.recsyslite.core.spi.Algorithms;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code recsys-lite worker}: keeps a model current from new event files and new rows until
 * Ctrl-C, weighting events as recorded in the model's {@code model.json}. A running {@code serve} picks every saved model up through its model-directory watch.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = "Fold new events into the model every --interval; retrain fully every --retrain-every.")
final class WorkerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    TrainingOptions training;

    @Option(names = {"--model-dir", "--model"}, description = "Model directory (default: MODEL_DIR or model_artifacts/als).")
    Path modelDir;

    @Option(names = "--incoming", defaultValue = "data/incremental",
            description = "Directory polled for new event files (default: ${DEFAULT-VALUE}).")
    Path incoming;

    @Option(names = "--interval", defaultValue = "60", description = "Seconds between cycles (default: ${DEFAULT-VALUE}).")
    long intervalSeconds;

    @Option(names = "--retrain-every", defaultValue = "0",
            description = "Full retrain period, e.g. 12h, 7d or 90m; 0 for never (default: ${DEFAULT-VALUE}).")
    String retrainEvery;

    @Option(names = "--once", description = "Run one cycle and exit.")
    boolean once;

    @Override
    public Integer call() throws Exception {
        if (intervalSeconds < 1) {
            throw new InvalidParameterException("--interval must be at least 1 second");
        }
        Path dir = modelDir != null ? modelDir : common.settings().modelDir();
        ConsoleProgress progress = common.progress();
        UpdateWorker worker = new UpdateWorker(common.existingDb(), dir, incoming, period(retrainEvery), training.context(progress),
                Algorithms.discover(), Clock.systemUTC());
        if (once) {
            UpdateWorker.CycleReport report = worker.runOnce();
            progress.finish();
            spec.commandLine().getOut().printf("Ingested %d file(s), rejected %d, folded in %d user(s)%s%n",
                    report.ingested().size(), report.rejected().size(), report.usersFolded(),
                    report.retrained() ? ", retrained" : "");
            return report.rejected().isEmpty() ? 0 : 1;
        }
        spec.commandLine().getErr().printf("Watching %s and %s every %d s (Ctrl-C stops)%n", incoming, common.db(), intervalSeconds);
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(main::interrupt));
        worker.run(Duration.ofSeconds(intervalSeconds));
        return 0;
    }

    /** Parses 90m, 12h, 7d (or a number of seconds); 0 means never. */
    static Duration period(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.equals("0")) {
                return Duration.ZERO;
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> Duration.ofSeconds(Long.parseLong(t));
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new InvalidParameterException("--retrain-every must look like 90m, 12h or 7d, was '" + text + "'");
        }
    }
}
