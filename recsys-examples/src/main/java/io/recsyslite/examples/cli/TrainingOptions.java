package io.recsyslite.examples.cli;

import io.recsyslite.core.spi.TrainingContext;
import io.recsyslite.examples.config.Settings;
import picocli.CommandLine.Option;

/** Options of the commands that fit models (train, evaluate, optimize, worker): threads and seed. */
final class TrainingOptions {
    @Option(names = "--threads", description = "Worker threads (default: THREADS or the number of cores).")
    Integer threads;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    int threads() {
        return threads != null ? threads : Settings.fromEnvironment().threads();
    }

    TrainingContext context(ConsoleProgress progress) {
        return new TrainingContext(threads(), seed, progress, null);
    }
}
